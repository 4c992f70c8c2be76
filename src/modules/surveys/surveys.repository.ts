import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { SurveysTable } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n.ts';
import {
  defaultSurveySettings,
  type ReportRow,
  type SurveySettings,
  type SurveyStatus,
  type SurveyTiming,
} from './domain/surveys.ts';

export type Survey = {
  orgId: string;
  id: string;
  complaintId: string;
  resolvedAt: Date;
  status: SurveyStatus;
  skipReason: string | null;
  sendAt: Date;
  tokenHash: string | null;
  language: Language;
  channel: string;
  agentId: string | null;
  departmentId: string | null;
  reasonId: string | null;
  firstContactAt: Date;
  firstContactHour: number;
  firstContactWeekday: number;
  askedCes: boolean;
  askedNps: boolean;
  question: string | null;
  csat: number | null;
  ces: number | null;
  nps: number | null;
  comment: string | null;
  questionAnswer: string | null;
  sentAt: Date | null;
  answeredAt: Date | null;
};

const toSurvey = (r: Selectable<SurveysTable>): Survey => ({
  orgId: r.org_id,
  id: r.id,
  complaintId: r.complaint_id,
  resolvedAt: r.resolved_at,
  status: r.status as SurveyStatus,
  skipReason: r.skip_reason,
  sendAt: r.send_at,
  tokenHash: r.token_hash,
  language: r.language as Language,
  channel: r.channel,
  agentId: r.agent_id,
  departmentId: r.department_id,
  reasonId: r.reason_id,
  firstContactAt: r.first_contact_at,
  firstContactHour: r.first_contact_hour,
  firstContactWeekday: r.first_contact_weekday,
  askedCes: r.asked_ces,
  askedNps: r.asked_nps,
  question: r.question,
  csat: r.csat,
  ces: r.ces,
  nps: r.nps,
  comment: r.comment,
  questionAnswer: r.question_answer,
  sentAt: r.sent_at,
  answeredAt: r.answered_at,
});

export async function findSettings(db: Executor, orgId: string): Promise<SurveySettings> {
  const r = await db
    .selectFrom('survey_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!r) return defaultSurveySettings;
  return {
    isEnabled: r.is_enabled,
    timing: r.timing as SurveyTiming,
    delayHours: r.delay_hours,
    askCes: r.ask_ces,
    askNps: r.ask_nps,
    question: r.question,
  };
}

export async function saveSettings(
  tx: Tx,
  orgId: string,
  s: SurveySettings,
  at: Date,
): Promise<void> {
  const values = {
    is_enabled: s.isEnabled,
    timing: s.timing,
    delay_hours: s.delayHours,
    ask_ces: s.askCes,
    ask_nps: s.askNps,
    question: JSON.stringify(s.question),
    updated_at: at,
  };
  await tx
    .insertInto('survey_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/** A new survey of one resolution; undefined when that resolution already has one. */
export async function insertSurvey(
  tx: Tx,
  s: Omit<
    Survey,
    | 'id'
    | 'status'
    | 'skipReason'
    | 'tokenHash'
    | 'csat'
    | 'ces'
    | 'nps'
    | 'comment'
    | 'questionAnswer'
    | 'sentAt'
    | 'answeredAt'
    | 'askedCes'
    | 'askedNps'
    | 'question'
  > & { createdAt: Date },
): Promise<string | undefined> {
  const r = await tx
    .insertInto('surveys')
    .values({
      org_id: s.orgId,
      complaint_id: s.complaintId,
      resolved_at: s.resolvedAt,
      send_at: s.sendAt,
      language: s.language,
      channel: s.channel,
      agent_id: s.agentId,
      department_id: s.departmentId,
      reason_id: s.reasonId,
      first_contact_at: s.firstContactAt,
      first_contact_hour: s.firstContactHour,
      first_contact_weekday: s.firstContactWeekday,
      created_at: s.createdAt,
    })
    .onConflict((oc) => oc.columns(['org_id', 'complaint_id', 'resolved_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export async function findSurvey(
  db: Executor,
  orgId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Survey | undefined> {
  let q = db.selectFrom('surveys').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}

export async function findByTokenHash(
  db: Executor,
  orgId: string,
  tokenHash: string,
): Promise<Survey | undefined> {
  const r = await db
    .selectFrom('surveys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}

export async function listForComplaint(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<Survey[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .orderBy('resolved_at', 'desc')
    .execute();
  return rows.map(toSurvey);
}

/** The case's survey waiting for its answer, if any (the portal shows it). */
export async function findOpenOfComplaint(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<Survey | undefined> {
  const r = await db
    .selectFrom('surveys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', ['sent', 'answered'])
    .orderBy('resolved_at', 'desc')
    .executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}

export async function markSent(
  tx: Tx,
  orgId: string,
  id: string,
  sent: {
    tokenHash: string;
    at: Date;
    askedCes: boolean;
    askedNps: boolean;
    question: string | null;
  },
): Promise<void> {
  await tx
    .updateTable('surveys')
    .set({
      status: 'sent',
      token_hash: sent.tokenHash,
      sent_at: sent.at,
      asked_ces: sent.askedCes,
      asked_nps: sent.askedNps,
      question: sent.question,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function endSurvey(
  tx: Tx,
  orgId: string,
  id: string,
  status: 'cancelled' | 'skipped',
  reason: string,
): Promise<void> {
  await tx
    .updateTable('surveys')
    .set({ status, skip_reason: reason })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function setSendAt(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('surveys')
    .set({ send_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** A reopen ends the case's surveys not yet answered (the re-fix may bring a new one). */
export async function cancelUnanswered(tx: Tx, orgId: string, complaintId: string): Promise<void> {
  await tx
    .updateTable('surveys')
    .set({ status: 'cancelled', skip_reason: 'reopened' })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', ['scheduled', 'sent'])
    .execute();
}

export async function saveAnswer(
  tx: Tx,
  orgId: string,
  id: string,
  a: {
    csat: number;
    ces: number | null;
    nps: number | null;
    comment: string | null;
    questionAnswer: string | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .updateTable('surveys')
    .set({
      status: 'answered',
      csat: a.csat,
      ces: a.ces,
      nps: a.nps,
      comment: a.comment,
      question_answer: a.questionAnswer,
      answered_at: a.at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Surveys sent in [from, to), for the report. */
export async function listForReport(
  db: Executor,
  orgId: string,
  from: Date,
  to: Date,
): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('surveys')
    .select(['status', 'csat', 'sent_at'])
    .where('org_id', '=', orgId)
    .where('sent_at', '>=', from)
    .where('sent_at', '<', to)
    .execute();
  return rows.map((r) => ({
    status: r.status as SurveyStatus,
    csat: r.csat,
    sentAt: r.sent_at,
  }));
}
