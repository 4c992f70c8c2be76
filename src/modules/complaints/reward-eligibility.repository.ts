import type { Executor } from '../../platform/db/index.ts';
import type { ComplaintStatus } from '../kernel/index.ts';
import { complaintEvents } from './domain/events.ts';

/** What step 7 and compensation read of one case: is it fixed, and did the call-back say it works. */
export type RewardEligibility = {
  status: ComplaintStatus;
  customerId: string;
  reasonId: string | null;
  /** The latest time the case was marked fixed; null when it never was. */
  fixedAt: Date | null;
  /** The outcome of the latest verification call-back after that fix, if any. */
  verificationOutcome: string | null;
  /** The customer's ask as recorded on the case (major units of its currency). */
  askAmount: number | null;
  askCurrency: string | null;
};

/** One case of the org as the rewards module needs it; another org's case is undefined. */
export async function rewardEligibilityOf(
  executor: Executor,
  orgId: string,
  complaintId: string,
): Promise<RewardEligibility | undefined> {
  const row = await executor
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.status',
      'c.customer_id',
      'c.reason_id',
      'c.ask_amount',
      'c.ask_currency',
      eb
        .selectFrom('complaint_events as f')
        .select((f) => f.fn.max('f.created_at').as('at'))
        .where('f.org_id', '=', orgId)
        .where('f.complaint_id', '=', complaintId)
        .where('f.type', '=', complaintEvents.fixed)
        .as('fixed_at'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
  if (!row) return undefined;
  const fixedAt = row.fixed_at ? new Date(row.fixed_at as unknown as string | Date) : null;
  const verification = fixedAt
    ? await executor
        .selectFrom('complaint_events')
        .select('data')
        .where('org_id', '=', orgId)
        .where('complaint_id', '=', complaintId)
        .where('type', '=', complaintEvents.verificationRecorded)
        .where('created_at', '>=', fixedAt)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const outcome = verification?.data.outcome;
  return {
    status: row.status as ComplaintStatus,
    customerId: row.customer_id,
    reasonId: row.reason_id,
    fixedAt,
    verificationOutcome: typeof outcome === 'string' ? outcome : null,
    askAmount: row.ask_amount === null ? null : Number(row.ask_amount),
    askCurrency: row.ask_currency,
  };
}
