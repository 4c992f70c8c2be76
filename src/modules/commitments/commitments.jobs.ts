import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import { pauseEnded } from '../complaints/index.ts';
import type { CommitmentService } from './commitments.service.ts';

/**
 * A task type was renamed: the complaints promised as it are found by its name, so they are
 * filed under the new one. Coalesced per task type.
 */
export const taskTypeRenamed = defineJob({
  name: 'task-type.renamed',
  version: 1,
  payload: z.object({ orgId: uuid, taskTypeId: uuid }),
  dedupe: 'coalesce',
  priority: 8,
});

/** A case left a pause that moved its committed due: re-commit to the moved time. */
export function commitmentJobHandlers(commitments: CommitmentService): JobHandler[] {
  return [
    handleJob(pauseEnded, ({ orgId, complaintId, pauseFrom }) =>
      commitments.recommitAfterPause(orgId, complaintId, new Date(pauseFrom)),
    ),
    handleJob(taskTypeRenamed, async ({ orgId, taskTypeId }) => {
      await commitments.refileTaskType(orgId, taskTypeId);
    }),
  ];
}
