import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { complaintEvents } from './domain/events.ts';

/**
 * How each complaint ended, as of now: the one definition that first-contact resolution, the
 * analytics and the spend cohorts all read.
 *
 * - **Contact**: the customer reaching us about the case. The intake is the first contact;
 *   later ones are the customer's messages on the case (a portal reply or an e-mail reply,
 *   `message.received`) and inbound calls logged on the case that began after it was opened.
 *   Our own messages, outbound calls, notes and call-backs are not contacts.
 * - **Reopen**: a status change from fixed or closed back to an open status.
 * - **Resolved**: the case was fixed at least once and now stands fixed or closed. A case closed
 *   without ever being fixed, cancelled, or still open is **unresolved**.
 * - **First contact** (`first_contact`): resolved, never reopened, and no contact after the
 *   intake and before the first fix. **More contacts** (`more_contacts`): resolved otherwise.
 */
export const complaintOutcomeKinds = ['first_contact', 'more_contacts', 'unresolved'] as const;
export type ComplaintOutcomeKind = (typeof complaintOutcomeKinds)[number];

export type OutcomeRange = {
  /** First contact at or after `from`, before `to`. */
  from: Date;
  to: Date;
};

/**
 * One row per complaint first contacted in the range: its customer, first contact, first fix,
 * whether it was reopened, the contacts between intake and first fix (or until now when never
 * fixed), and the outcome. A query other modules' repositories put into their own statements
 * (as a CTE): `db.with('outcomes', () => complaintOutcomes(db, orgId, range))`.
 */
export function complaintOutcomes(db: Executor, orgId: string, range: OutcomeRange) {
  const fixedAt = sql<Date | null>`(
    SELECT min(e.created_at) FROM complaint_events e
    WHERE e.org_id = c.org_id AND e.complaint_id = c.id AND e.type = ${complaintEvents.fixed}
  )`;
  return db
    .selectFrom('complaints as c')
    .select([
      'c.id as complaint_id',
      'c.customer_id',
      'c.created_at as first_contact_at',
      'c.status',
      'c.channel',
      'c.reason_id',
      'c.owner_id',
      'c.severity',
    ])
    .select(fixedAt.as('first_fixed_at'))
    .select(
      sql<boolean>`EXISTS (
        SELECT 1 FROM complaint_events e
        WHERE e.org_id = c.org_id AND e.complaint_id = c.id
          AND e.type = ${complaintEvents.statusChanged}
          AND e.data->>'from' IN ('fixed', 'closed')
          AND e.data->>'to' NOT IN ('fixed', 'closed', 'cancelled')
      )`.as('reopened'),
    )
    .select(
      sql<number>`(
        (SELECT count(*) FROM complaint_events e
         WHERE e.org_id = c.org_id AND e.complaint_id = c.id
           AND e.type = ${complaintEvents.messageReceived}
           AND e.created_at > c.created_at
           AND e.created_at < coalesce(${fixedAt}, 'infinity'::timestamptz))
        + (SELECT count(*) FROM calls k
           WHERE k.org_id = c.org_id AND k.complaint_id = c.id AND k.direction = 'inbound'
             AND k.started_at > c.created_at
             AND k.started_at < coalesce(${fixedAt}, 'infinity'::timestamptz))
      )::int`.as('later_contacts'),
    )
    .where('c.org_id', '=', orgId)
    .where('c.created_at', '>=', range.from)
    .where('c.created_at', '<', range.to);
}

/**
 * {@link complaintOutcomes} with the outcome named: wrap it as `outcomes` and select from it.
 * The classification, as SQL over that CTE's columns.
 */
export const outcomeKindSql = (alias: string) =>
  sql<ComplaintOutcomeKind>`CASE
    WHEN ${sql.ref(`${alias}.first_fixed_at`)} IS NULL
      OR ${sql.ref(`${alias}.status`)} NOT IN ('fixed', 'closed') THEN 'unresolved'
    WHEN ${sql.ref(`${alias}.reopened`)} OR ${sql.ref(`${alias}.later_contacts`)} > 0
      THEN 'more_contacts'
    ELSE 'first_contact' END`;

/** The outcome of each complaint in the range, for a report that lists them. */
export async function outcomesOf(db: Executor, orgId: string, range: OutcomeRange) {
  return db
    .with('o', () => complaintOutcomes(db, orgId, range))
    .selectFrom('o')
    .selectAll('o')
    .select(outcomeKindSql('o').as('outcome'))
    .orderBy('o.first_contact_at')
    .execute();
}
