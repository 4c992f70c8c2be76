import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { DueSummary } from '../sla/index.ts';
import type { Complaint } from './complaints.repository.ts';

// The writes of intake, built here and sent together with the other modules' in one round trip.

export type NewComplaint = Pick<
  Complaint,
  | 'orgId'
  | 'reference'
  | 'status'
  | 'channel'
  | 'reasonId'
  | 'severity'
  | 'productRef'
  | 'orderRef'
  | 'description'
  | 'askText'
  | 'askAmount'
  | 'askCurrency'
  | 'language'
  | 'customerId'
  | 'intakeAgentId'
  | 'ownerId'
  | 'acknowledgedAt'
  | 'createdAt'
  | 'contactEmail'
  | 'contactPhone'
> & {
  searchText: string;
  /** A historical case from a file: the source's case id, when it came in, how it ended. */
  imported?: {
    externalId: string;
    importedAt: Date;
    closedAt: Date | null;
    departmentId: string | null;
  };
};

/**
 * A new complaint with an id chosen by the caller and its clocks' due summary already known
 * (intake derives both in memory), as a statement not yet sent.
 */
export function insertComplaintWrite(tx: Tx, c: NewComplaint & { id: string; due: DueSummary }) {
  return tx.insertInto('complaints').values({
    id: c.id,
    org_id: c.orgId,
    reference: c.reference,
    status: c.status,
    channel: c.channel,
    reason_id: c.reasonId,
    severity: c.severity,
    product_ref: c.productRef,
    order_ref: c.orderRef,
    description: c.description,
    ask_text: c.askText,
    ask_amount: c.askAmount,
    ask_currency: c.askCurrency,
    language: c.language,
    customer_id: c.customerId,
    intake_agent_id: c.intakeAgentId,
    owner_id: c.ownerId,
    confirmed_fact_version: null,
    acknowledged_at: c.acknowledgedAt,
    created_at: c.createdAt,
    updated_at: c.createdAt,
    search_text: c.searchText,
    contact_email: c.contactEmail,
    contact_phone: c.contactPhone,
    policy_id: c.due.policyId,
    next_due_at: c.due.nextDueAt,
    next_due_clock: c.due.nextDueClock,
    is_breached: c.due.isBreached,
    is_paused: c.due.isPaused,
    ...(c.imported && {
      external_id: c.imported.externalId,
      imported_at: c.imported.importedAt,
      closed_at: c.imported.closedAt,
      committed_department_id: c.imported.departmentId,
    }),
  });
}

/** The name under which {@link nextSequenceWrite}'s number is read in the same statement. */
export const SEQUENCE_CTE = 'new_sequence';

/** The next number of the org's counter for the year, as the lead of the last statement. */
export const nextSequenceWrite = (tx: Tx, orgId: string, year: number) =>
  tx
    .insertInto('complaint_sequences')
    .values({ org_id: orgId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('complaint_sequences.last_value', '+', 1) })),
    )
    .returning('last_value');

/**
 * The new reference in SQL, from that number, written as domain/reference.ts formatReference
 * writes it (a test holds the two together): KN-2026-000123.
 */
export const referenceSql = (prefix: string, year: number): RawBuilder<string> =>
  sql<string>`(SELECT ${prefix} || '-' || ${String(year)} || '-' ||
    CASE WHEN last_value < 1000000 THEN lpad(last_value::text, 6, '0') ELSE last_value::text END
    FROM ${sql.table(SEQUENCE_CTE)})`;

export const setReferenceWrite = (
  tx: Tx,
  orgId: string,
  id: string,
  reference: string | RawBuilder<string>,
  searchText: string | RawBuilder<string>,
) =>
  tx
    .updateTable('complaints')
    .set({ reference, search_text: searchText })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
