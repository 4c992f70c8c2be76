import type { Executor } from '../../platform/db/index.ts';
import type { ApprovalView, GrantView } from './rewards.contract.ts';
import type { RewardDeps } from './rewards.deps.ts';
import type { Approval, Grant } from './ledger.repository.ts';
import * as repo from './rewards.repository.ts';

/** Grants and approvals as the screens show them: case labels, gift names, the approval clock. */
export function createRewardViews(deps: Pick<RewardDeps, 'complaints' | 'sla'>) {
  const { complaints, sla } = deps;

  async function giftNames(executor: Executor, orgId: string, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map<string, string>();
    return new Map((await repo.listGifts(executor, orgId, wanted)).map((g) => [g.id, g.name]));
  }

  return {
    async grants(executor: Executor, orgId: string, grants: Grant[]): Promise<GrantView[]> {
      const [labels, gifts] = await Promise.all([
        complaints.labels(
          executor,
          orgId,
          grants.map((g) => g.complaintId),
        ),
        giftNames(
          executor,
          orgId,
          grants.map((g) => g.giftId),
        ),
      ]);
      return grants.map((g) => ({
        id: g.id,
        kind: g.kind,
        type: g.type,
        complaintId: g.complaintId,
        complaintReference: labels.get(g.complaintId)?.reference ?? '',
        customerId: g.customerId,
        customerName: labels.get(g.complaintId)?.customerName ?? '',
        departmentName: g.departmentName,
        giftName: g.giftId ? (gifts.get(g.giftId) ?? null) : null,
        amountMinor: g.amountMinor,
        currency: g.currency,
        reference: g.reference,
        note: g.note,
        grantedByName: g.grantedByName,
        approvedByName: g.approvedByName,
        approvalLevel: g.approvalLevel,
        grantedAt: g.grantedAt.toISOString(),
      }));
    },

    async approvals(executor: Executor, orgId: string, list: Approval[]): Promise<ApprovalView[]> {
      if (list.length === 0) return [];
      const [labels, gifts, clockOf] = await Promise.all([
        complaints.labels(
          executor,
          orgId,
          list.map((a) => a.complaintId),
        ),
        giftNames(
          executor,
          orgId,
          list.map((a) => a.giftId),
        ),
        sla.internalClocks(executor, orgId, 'approval'),
      ]);
      return list.map((a) => ({
        id: a.id,
        kind: a.kind,
        type: a.type,
        complaintId: a.complaintId,
        complaintReference: labels.get(a.complaintId)?.reference ?? '',
        customerName: labels.get(a.complaintId)?.customerName ?? '',
        giftName: a.giftId ? (gifts.get(a.giftId) ?? null) : null,
        amountMinor: a.amountMinor,
        currency: a.currency,
        askMinor: a.askMinor,
        reference: a.reference,
        note: a.note,
        requestedById: a.requestedBy,
        requestedByName: a.requestedByName,
        status: a.status,
        approverId: a.approverId,
        approverName: a.approverName,
        level: a.level,
        climbs: a.climbs,
        decidedByName: a.decidedByName,
        decidedAmountMinor: a.decidedAmountMinor,
        declineReason: a.declineReason,
        decidedAt: a.decidedAt?.toISOString() ?? null,
        createdAt: a.createdAt.toISOString(),
        // The clock of the level it waits at now: each approver gets the full time.
        clock: a.status === 'pending' ? clockOf(a.levelStartedAt, null) : null,
      }));
    },
  };
}

export type RewardViews = ReturnType<typeof createRewardViews>;
