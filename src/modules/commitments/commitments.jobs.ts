import { handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import { pauseEnded } from '../complaints/index.ts';
import type { CommitmentService } from './commitments.service.ts';

/** A case left a pause that moved its committed due: re-commit to the moved time. */
export function commitmentJobHandlers(commitments: CommitmentService): JobHandler[] {
  return [
    handleJob(pauseEnded, ({ orgId, complaintId, pauseFrom }) =>
      commitments.recommitAfterPause(orgId, complaintId, new Date(pauseFrom)),
    ),
  ];
}
