import type { TestProject } from 'vitest/node';
import { startServer } from './harness.ts';

/** One server and database for the whole e2e run; the test files share it through inject(). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  return server.stop;
}
