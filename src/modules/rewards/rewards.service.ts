import './rewards.messages.ts';
import { createApprovals } from './approvals.ts';
import { createAuthorityCheck } from './authority-check.ts';
import { createCatalogue } from './catalogue.ts';
import { createGrants } from './grants.ts';
import { createRecordGrant } from './record-grant.ts';
import { createRewardReport } from './report.ts';
import { createLedgerExport } from './ledger-export.ts';
import type { RewardDeps } from './rewards.deps.ts';
import { createRewardViews } from './rewards.views.ts';

export type RewardService = ReturnType<typeof createRewardService>;

/** Step 7's thank-you gifts and empowerment: the catalogue, budgets, authority and approvals. */
export function createRewardService(deps: RewardDeps) {
  const views = createRewardViews(deps);
  const authorityOf = createAuthorityCheck(deps);
  const recordGrant = createRecordGrant(deps);
  const approvals = createApprovals({ ...deps, views, authorityOf, recordGrant });
  const { openApproval: _open, ...approvalUseCases } = approvals;
  return {
    ...createCatalogue(deps),
    ...createGrants({ ...deps, views, authorityOf, recordGrant, approvals }),
    ...approvalUseCases,
    // The ledger and the report read the replica when there is one.
    ...createRewardReport({ ...deps, db: deps.reportsDb, views }),
    exportLedger: createLedgerExport({ ...deps, db: deps.reportsDb, views }),
  };
}
