import type { Language } from '../../platform/i18n.ts';
import { percentile } from './domain/stats.ts';
import { remainingOf } from './domain/budget.ts';
import type { GrantKind } from './domain/vocabulary.ts';
import * as ledger from './ledger.repository.ts';
import type { RewardReport } from './rewards.contract.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';
import type { RewardViews } from './rewards.views.ts';

const summary = (b: repo.StoredBudget) => ({
  id: b.id,
  departmentName: b.departmentName,
  period: b.period,
  periodStart: b.periodStart,
  currency: b.currency,
  amountMinor: b.amountMinor,
  spentMinor: b.spentMinor,
  remainingMinor: remainingOf(b),
});

type Row = { key: string; label: string; currency: string; count: number; amountMinor: number };

/** Sums grants by a key and currency, largest first. */
function sumBy(
  grants: readonly ledger.Grant[],
  keyOf: (g: ledger.Grant) => { key: string; label: string },
): Row[] {
  const rows = new Map<string, Row>();
  for (const g of grants) {
    const { key, label } = keyOf(g);
    const id = `${key}|${g.currency}`;
    const row = rows.get(id) ?? { key, label, currency: g.currency, count: 0, amountMinor: 0 };
    row.count += 1;
    row.amountMinor += g.amountMinor;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) => b.amountMinor - a.amountMinor);
}

/**
 * The compensation ledger as figures: gift spend against budget, compensation by type and by
 * approval level, spend by agent and reason, and how long approvals took. Gifts and
 * compensation are never summed together.
 */
export function createRewardReport(deps: Pick<RewardDeps, 'db'> & { views: RewardViews }) {
  const { db, views } = deps;

  return {
    async ledger(orgId: string, range: { from?: Date; to?: Date }) {
      const grants = await ledger.listGrants(db, orgId, { ...range, limit: 1000 });
      return { items: await views.grants(db, orgId, grants) };
    },

    async rewardReport(
      orgId: string,
      range: { from?: Date; to?: Date },
      lang: Language,
    ): Promise<RewardReport> {
      const [grants, budgets, decided] = await Promise.all([
        ledger.listGrants(db, orgId, { ...range, limit: 100_000 }),
        repo.listBudgets(db, orgId),
        ledger.listApprovals(db, orgId, {
          ...(range.from ? { decidedFrom: range.from } : {}),
          ...(range.to ? { decidedTo: range.to } : {}),
        }),
      ]);
      const gifts = grants.filter((g) => g.kind === 'gift');
      const compensation = grants.filter((g) => g.kind === 'compensation');
      const withKind = (kind: GrantKind, rows: Row[]) => rows.map((r) => ({ ...r, kind }));
      const byAgent = (list: ledger.Grant[]) =>
        sumBy(list, (g) => ({ key: g.grantedBy, label: g.grantedByName ?? '' }));
      const byReason = (list: ledger.Grant[]) =>
        sumBy(list, (g) => ({
          key: g.reasonId ?? '',
          label: g.reasonNames?.[lang] ?? g.reasonNames?.vi ?? '',
        }));
      const minutes = decided
        .filter((a) => a.decidedAt !== null && a.status !== 'cancelled')
        .map((a) => (a.decidedAt!.getTime() - a.createdAt.getTime()) / 60_000);
      const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      return {
        from: range.from?.toISOString() ?? null,
        to: range.to?.toISOString() ?? null,
        giftBudgets: budgets.filter((b) => b.purpose === 'gift').map(summary),
        compensationBudgets: budgets.filter((b) => b.purpose === 'compensation').map(summary),
        giftsByTeam: sumBy(gifts, (g) => ({
          key: g.departmentId ?? '',
          label: g.departmentName ?? '',
        })),
        compensationByTeam: sumBy(compensation, (g) => ({
          key: g.departmentId ?? '',
          label: g.departmentName ?? '',
        })),
        compensationByType: sumBy(compensation, (g) => ({ key: g.type, label: g.type })),
        compensationByLevel: sumBy(compensation, (g) => ({
          key: String(g.approvalLevel),
          label: String(g.approvalLevel),
        })),
        byAgent: [
          ...withKind('gift', byAgent(gifts)),
          ...withKind('compensation', byAgent(compensation)),
        ],
        byReason: [
          ...withKind('gift', byReason(gifts)),
          ...withKind('compensation', byReason(compensation)),
        ],
        approvalTimes: {
          decided: minutes.length,
          medianMinutes: round(percentile(minutes, 50)),
          p90Minutes: round(percentile(minutes, 90)),
        },
      };
    },
  };
}
