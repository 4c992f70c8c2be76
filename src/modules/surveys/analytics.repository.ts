import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../platform/db/index.ts';

/**
 * The analytics filters over survey answers: the case's first contact in [from, to), and the
 * reason, channel and department the survey recorded for the case.
 */
export type AnswerFilter = {
  from: Date;
  to: Date;
  reasonId?: string | undefined;
  channel?: string | undefined;
  departmentId?: string | undefined;
};

/** Answers of a group: how many, their CSAT sum, and how many scored 4 or 5. */
export type AnswerTally = { answers: number; csatSum: number; satisfied: number };

type SurveyQuery<O> = SelectQueryBuilder<Database, 'surveys', O>;

function answered<O>(q: SurveyQuery<O>, orgId: string, f: AnswerFilter): SurveyQuery<O> {
  let out = q
    .where('surveys.org_id', '=', orgId)
    .where('surveys.csat', 'is not', null)
    .where('surveys.first_contact_at', '>=', f.from)
    .where('surveys.first_contact_at', '<', f.to);
  if (f.reasonId) out = out.where('surveys.reason_id', '=', f.reasonId);
  if (f.channel) out = out.where('surveys.channel', '=', f.channel);
  if (f.departmentId) out = out.where('surveys.department_id', '=', f.departmentId);
  return out;
}

const tally = [
  sql<number>`count(*)::int`.as('answers'),
  sql<number>`sum(surveys.csat)::int`.as('csatSum'),
  sql<number>`count(*) FILTER (WHERE surveys.csat >= 4)::int`.as('satisfied'),
] as const;

/**
 * Answers by the ISO weekday and hour of the case's first contact in the org's zone, as the
 * survey recorded them when it was made.
 */
export async function answersByHourAndWeekday(
  db: Executor,
  orgId: string,
  f: AnswerFilter,
): Promise<(AnswerTally & { weekday: number; hour: number })[]> {
  return answered(
    db
      .selectFrom('surveys')
      .select(['surveys.first_contact_weekday as weekday', 'surveys.first_contact_hour as hour'])
      .select(tally),
    orgId,
    f,
  )
    .groupBy(['surveys.first_contact_weekday', 'surveys.first_contact_hour'])
    .execute();
}

export const answerDimensions = ['reason', 'channel', 'agent', 'department'] as const;
export type AnswerDimension = (typeof answerDimensions)[number];
const columnOf = {
  reason: 'surveys.reason_id',
  channel: 'surveys.channel',
  agent: 'surveys.agent_id',
  department: 'surveys.department_id',
} as const;

/** Answers grouped by reason, channel, agent or department; `key` null when the survey had none. */
export async function answersBy(
  db: Executor,
  orgId: string,
  dimension: AnswerDimension,
  f: AnswerFilter,
): Promise<(AnswerTally & { key: string | null })[]> {
  const column = columnOf[dimension];
  return answered(
    db
      .selectFrom('surveys')
      .select(sql<string | null>`${sql.ref(column)}`.as('key'))
      .select(tally),
    orgId,
    f,
  )
    .groupBy(column)
    .execute();
}
