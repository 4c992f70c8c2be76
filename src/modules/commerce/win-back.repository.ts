import { sql, type Expression } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { complaintOutcomes, outcomeKindSql, type OutcomeRange } from '../complaints/index.ts';
import { customerNameOf } from '../customers/index.ts';
import { userNameOf } from '../org/index.ts';
import type { WinBackOutcome, WinBackTrigger } from './domain/win-back.ts';

const EVER: OutcomeRange = { from: new Date('1970-01-01T00:00:00Z'), to: new Date('9999-01-01') };
const DAY = 86_400_000;

export type WinBackSettings = { noOrderDays: number; complaintMonths: number; dueDays: number };
export const defaultWinBackSettings: WinBackSettings = {
  noOrderDays: 60,
  complaintMonths: 6,
  dueDays: 3,
};

export async function findWinBackSettings(db: Executor, orgId: string): Promise<WinBackSettings> {
  const row = await db
    .selectFrom('win_back_settings')
    .select(['no_order_days', 'complaint_months', 'due_days'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row
    ? {
        noOrderDays: row.no_order_days,
        complaintMonths: row.complaint_months,
        dueDays: row.due_days,
      }
    : defaultWinBackSettings;
}

export async function saveWinBackSettings(db: Executor, orgId: string, s: WinBackSettings) {
  await db
    .insertInto('win_back_settings')
    .values({
      org_id: orgId,
      no_order_days: s.noOrderDays,
      complaint_months: s.complaintMonths,
      due_days: s.dueDays,
    })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        no_order_days: s.noOrderDays,
        complaint_months: s.complaintMonths,
        due_days: s.dueDays,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/**
 * Puts into the queue the customers who left after a complaint, as of `now`: for each customer
 * their latest complaint first contacted in the last M months; they left when, after it, they
 * cancelled a subscription and have none active now (`cancelled`, at the last such cancel), or
 * when N days passed after it without an order (`no_order`, at first contact + N days). One
 * entry per customer and complaint; none while the customer has an open entry, and none ever
 * again for a customer who asked not to be contacted.
 */
export async function refreshWinBackQueue(
  db: Executor,
  orgId: string,
  now: Date,
  s: WinBackSettings,
): Promise<number> {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - s.complaintMonths);
  const noOrderBefore = new Date(now.getTime() - s.noOrderDays * DAY);
  const dueAt = new Date(now.getTime() + s.dueDays * DAY);
  const result = await sql`
    WITH recent AS (${complaintOutcomes(db, orgId, { from: since, to: now })}),
    latest AS (
      SELECT DISTINCT ON (r.customer_id) r.customer_id, r.complaint_id, r.first_contact_at
      FROM recent r
      ORDER BY r.customer_id, r.first_contact_at DESC, r.complaint_id DESC
    ),
    left_customers AS (
      SELECT l.customer_id, l.complaint_id,
        CASE WHEN c.cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'no_order' END AS trigger,
        coalesce(c.cancelled_at, l.first_contact_at + ${s.noOrderDays} * interval '1 day')
          AS triggered_at
      FROM latest l
      LEFT JOIN LATERAL (
        SELECT max(s.occurred_at) AS cancelled_at FROM subscription_events s
        WHERE s.org_id = ${orgId} AND s.customer_id = l.customer_id AND s.kind = 'cancel'
          AND s.occurred_at > l.first_contact_at AND s.occurred_at <= ${now}
          AND NOT EXISTS (
            SELECT 1 FROM (
              SELECT DISTINCT ON (a.subscription_ref) a.kind FROM subscription_events a
              WHERE a.org_id = ${orgId} AND a.customer_id = l.customer_id
                AND a.occurred_at <= ${now}
              ORDER BY a.subscription_ref, a.occurred_at DESC, (a.kind = 'cancel') DESC
            ) active WHERE active.kind <> 'cancel'
          )
      ) c ON true
      WHERE c.cancelled_at IS NOT NULL
        OR (l.first_contact_at <= ${noOrderBefore} AND NOT EXISTS (
          SELECT 1 FROM orders o WHERE o.org_id = ${orgId} AND o.customer_id = l.customer_id
            AND o.ordered_at > l.first_contact_at AND o.ordered_at <= ${now}))
    )
    INSERT INTO win_back_entries (org_id, customer_id, complaint_id, trigger, triggered_at, due_at)
    SELECT ${orgId}, x.customer_id, x.complaint_id, x.trigger, x.triggered_at, ${dueAt}
    FROM left_customers x
    WHERE NOT EXISTS (
      SELECT 1 FROM win_back_entries w
      WHERE w.org_id = ${orgId} AND w.customer_id = x.customer_id
        AND (w.outcome IS NULL OR w.outcome = 'do_not_contact')
    )
    ON CONFLICT (org_id, customer_id, complaint_id) DO NOTHING
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type WinBackEntry = {
  id: string;
  customerId: string;
  customerName: string;
  complaintId: string;
  trigger: WinBackTrigger;
  triggeredAt: Date;
  ownerId: string | null;
  ownerName: string | null;
  dueAt: Date;
  attempts: number;
  note: string | null;
  outcome: WinBackOutcome | null;
  outcomeAt: Date | null;
  complaints: { id: string; firstContactAt: string; outcome: string }[];
  spendBeforeMinor: number;
  spendAfterMinor: number;
};

const spendSql = (
  currency: string,
  customer: Expression<string>,
  from: Expression<Date>,
  to: Expression<Date>,
) => sql<string>`(SELECT coalesce(sum(o.amount_minor), 0) FROM orders o
  WHERE o.org_id = w.org_id AND o.customer_id = ${customer} AND o.currency = ${currency}
    AND o.ordered_at >= ${from} AND o.ordered_at < ${to})`;

/**
 * The queue: each entry with its customer's complaint history and spend in one currency, in the
 * 90 days before the entry's complaint and from it until now.
 */
export async function listWinBack(
  db: Executor,
  orgId: string,
  input: { status: 'open' | 'closed' | 'all'; currency: string; now: Date; id?: string },
): Promise<WinBackEntry[]> {
  let q = db
    .with('ever', () => complaintOutcomes(db, orgId, EVER))
    .selectFrom('win_back_entries as w')
    .innerJoin('ever as e', 'e.complaint_id', 'w.complaint_id')
    .selectAll('w')
    .select((eb) => [
      customerNameOf(eb.ref('w.org_id'), eb.ref('w.customer_id')).as('customer_name'),
      userNameOf(eb.ref('w.org_id'), eb.ref('w.owner_id')).as('owner_name'),
      spendSql(
        input.currency,
        eb.ref('w.customer_id'),
        sql<Date>`e.first_contact_at - interval '90 days'`,
        eb.ref('e.first_contact_at'),
      ).as('spend_before'),
      spendSql(
        input.currency,
        eb.ref('w.customer_id'),
        eb.ref('e.first_contact_at'),
        sql<Date>`${input.now}::timestamptz`,
      ).as('spend_after'),
      sql<{ id: string; firstContactAt: string; outcome: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('id', h.complaint_id,
          'firstContactAt', h.first_contact_at, 'outcome', ${outcomeKindSql('h')})
          ORDER BY h.first_contact_at), '[]'::json)
        FROM ever h WHERE h.customer_id = w.customer_id)`.as('history'),
    ])
    .where('w.org_id', '=', orgId);
  if (input.id) q = q.where('w.id', '=', input.id);
  if (input.status === 'open') q = q.where('w.outcome', 'is', null);
  if (input.status === 'closed') q = q.where('w.outcome', 'is not', null);
  const rows = await q.orderBy('w.due_at').orderBy('w.id').execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? '',
    complaintId: r.complaint_id,
    trigger: r.trigger as WinBackTrigger,
    triggeredAt: new Date(r.triggered_at),
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    dueAt: new Date(r.due_at),
    attempts: r.attempts,
    note: r.note,
    outcome: r.outcome as WinBackOutcome | null,
    outcomeAt: r.outcome_at ? new Date(r.outcome_at) : null,
    complaints: r.history,
    spendBeforeMinor: Number(r.spend_before),
    spendAfterMinor: Number(r.spend_after),
  }));
}

/** Changes an entry; false when the org has no such entry. */
export async function updateWinBackEntry(
  db: Executor,
  orgId: string,
  id: string,
  patch: {
    ownerId?: string | null;
    dueAt?: Date;
    note?: string | null;
    outcome?: WinBackOutcome | null;
    addAttempt?: boolean;
  },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('win_back_entries')
    .set((eb) => ({
      updated_at: now,
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.dueAt !== undefined ? { due_at: patch.dueAt } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.outcome !== undefined
        ? { outcome: patch.outcome, outcome_at: patch.outcome === null ? null : now }
        : {}),
      ...(patch.addAttempt ? { attempts: eb('attempts', '+', 1) } : {}),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The entries closed in [from, to) and, for those won back, what they spent in one currency in
 * the 90 days after being won back (up to now).
 */
export async function winBackClosed(
  db: Executor,
  orgId: string,
  input: { from: Date; to: Date; currency: string; now: Date },
) {
  const rows = await db
    .selectFrom('win_back_entries as w')
    .select((eb) => [
      'w.outcome',
      spendSql(
        input.currency,
        eb.ref('w.customer_id'),
        eb.ref('w.outcome_at') as Expression<Date>,
        sql<Date>`least(w.outcome_at + interval '90 days', ${input.now}::timestamptz)`,
      ).as('revenue'),
    ])
    .where('w.org_id', '=', orgId)
    .where('w.outcome_at', '>=', input.from)
    .where('w.outcome_at', '<', input.to)
    .execute();
  return rows.map((r) => ({
    outcome: r.outcome as WinBackOutcome,
    revenueMinor: Number(r.revenue),
  }));
}
