import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { complaintEvents } from './domain/events.ts';
import type { ComplaintStatus } from './domain/status.ts';
import { customerEmailOf } from '../customers/index.ts';

/** What the surveys module reads of a case: no more than these facts. */
export type SurveyCase = {
  orgId: string;
  id: string;
  reference: string;
  status: ComplaintStatus;
  channel: string;
  reasonId: string | null;
  /** The agent the answer is credited to: the owner, else the intake agent. */
  agentId: string | null;
  intakeAgentId: string | null;
  /** First contact: the case's received instant (its creation), nothing earlier or later. */
  receivedAt: Date;
  language: Language;
  customerId: string;
  /** The case's contact address, else the customer's. */
  email: string | null;
  /**
   * When the case's current resolution began: the last change into fixed or closed from a
   * status that was neither (a fix then a close is one resolution; a reopen starts another).
   */
  resolvedAt: Date | null;
  /** A verification call-back of the case is still due. */
  isVerificationDue: boolean;
};

export async function surveyCaseOf(
  db: Executor,
  orgId: string,
  id: string,
): Promise<SurveyCase | undefined> {
  const r = await db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.status',
      'c.channel',
      'c.reason_id',
      'c.owner_id',
      'c.intake_agent_id',
      'c.created_at',
      'c.language',
      'c.customer_id',
      sql<
        string | null
      >`coalesce(c.contact_email, ${customerEmailOf(eb.ref('c.org_id'), eb.ref('c.customer_id'))})`.as(
        'email',
      ),
      eb
        .selectFrom('complaint_events as e')
        .select(sql<Date | null>`max(e.created_at)`.as('at'))
        .whereRef('e.org_id', '=', 'c.org_id')
        .whereRef('e.complaint_id', '=', 'c.id')
        .where('e.type', '=', complaintEvents.statusChanged)
        .where(sql<boolean>`e.data->>'to' IN ('fixed', 'closed')`)
        .where(sql<boolean>`e.data->>'from' NOT IN ('fixed', 'closed')`)
        .as('resolved_at'),
      eb
        .exists(
          eb
            .selectFrom('follow_ups as f')
            .select('f.id')
            .whereRef('f.org_id', '=', 'c.org_id')
            .whereRef('f.complaint_id', '=', 'c.id')
            .where('f.kind', '=', 'verification')
            .where('f.status', '=', 'due'),
        )
        .as('verification_due'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    orgId,
    id: r.id,
    reference: r.reference,
    status: r.status as ComplaintStatus,
    channel: r.channel,
    reasonId: r.reason_id,
    agentId: r.owner_id ?? r.intake_agent_id,
    intakeAgentId: r.intake_agent_id,
    receivedAt: r.created_at,
    language: r.language as Language,
    customerId: r.customer_id,
    email: r.email,
    resolvedAt: r.resolved_at,
    isVerificationDue: Boolean(r.verification_due),
  };
}

/**
 * A low survey score's follow-up for the manager, with its due; one open per case (a second
 * low answer while it is open adds nothing). Returns whether one was made.
 */
export async function insertLowScoreFollowUp(
  tx: Tx,
  row: {
    orgId: string;
    complaintId: string;
    resolvedAt: Date;
    assigneeId: string | null;
    dueAt: Date;
    createdAt: Date;
  },
): Promise<string | undefined> {
  const r = await tx
    .insertInto('follow_ups')
    .values({
      org_id: row.orgId,
      complaint_id: row.complaintId,
      kind: 'low_score',
      fixed_at: row.resolvedAt,
      assignee_id: row.assigneeId,
      due_at: row.dueAt,
      created_at: row.createdAt,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'complaint_id', 'kind']).where('status', '=', 'due').doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** Who makes step 6's updates when the org chart names no manager (the org's fallback). */
export async function followUpFallbackOf(db: Executor, orgId: string): Promise<string | null> {
  const r = await db
    .selectFrom('follow_up_settings')
    .select('fallback_user_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r?.fallback_user_id ?? null;
}
