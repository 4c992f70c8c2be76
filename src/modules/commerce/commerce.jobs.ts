import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler, type JobRun } from '../../platform/jobs/index.ts';

/**
 * A file's real run. The handler goes on from the import's last committed row, so a worker
 * that stops midway (a restart, a lost lease) leaves the next one to finish it.
 */
export const runImport = defineJob({
  name: 'commerce.import',
  version: 1,
  payload: z.object({ orgId: uuid, importId: uuid }),
  maxAttempts: 20,
});

export function commerceJobHandlers(commerce: {
  imports: { run(p: z.output<typeof runImport.payload>, run: JobRun): Promise<void> };
}): JobHandler[] {
  return [handleJob(runImport, (p, run) => commerce.imports.run(p, run))];
}
