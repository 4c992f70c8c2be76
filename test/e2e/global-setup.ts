import type { TestProject } from 'vitest/node';
import { buildServer, buildWeb } from '../../scripts/build.mjs';
import { startServer } from './harness.ts';

/** One server and database for the whole e2e run; the test files share it through inject(). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The journeys run the server as `npm start` does: compiled, and with the web app built.
  await buildServer({ quiet: true });
  buildWeb();
  const server = await startServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  project.provide('e2eInboundSmtpPort', server.inboundSmtpPort);
  return server.stop;
}
