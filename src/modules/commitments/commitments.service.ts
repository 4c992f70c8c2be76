import type { CommitmentDeps } from './commitments.deps.ts';
import { createCommit } from './commit.ts';
import { createDeadlineRequests } from './deadline-requests.ts';
import { createLedgerReport } from './ledger-report.ts';
import { createTaskTypes } from './task-types.ts';

export type CommitmentService = ReturnType<typeof createCommitmentService>;

/** Step 4: the task catalogue, deadline requests, commitments and the promise ledger. */
export function createCommitmentService(deps: CommitmentDeps) {
  const taskTypes = createTaskTypes(deps);
  const requests = createDeadlineRequests({ ...deps, taskTypes });
  const { requestViews: _views, ...deadlineRequests } = requests;
  const ledger = createLedgerReport({ ...deps, taskTypes });
  const { entriesOf: _entries, ...reports } = ledger;
  return {
    ...taskTypes,
    ...deadlineRequests,
    ...createCommit({ ...deps, taskTypes, requests, ledger }),
    ...reports,
  };
}
