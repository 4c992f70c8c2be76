import type { Executor } from '../../platform/db/index.ts';

/**
 * Compensation granted on each of the given complaints, per currency, in minor units (for the
 * step 8 report: what the complaints linked to a root cause cost). Gifts are not compensation
 * and are left out.
 */
export async function compensationOf(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
): Promise<{ complaintId: string; currency: string; amountMinor: number }[]> {
  if (complaintIds.length === 0) return [];
  const rows = await db
    .selectFrom('reward_grants')
    .select((eb) => ['complaint_id', 'currency', eb.fn.sum<string>('amount_minor').as('total')])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'compensation')
    .where('complaint_id', 'in', [...new Set(complaintIds)])
    .groupBy(['complaint_id', 'currency'])
    .execute();
  return rows.map((r) => ({
    complaintId: r.complaint_id,
    currency: r.currency,
    amountMinor: Number(r.total),
  }));
}
