import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../platform/db/index.ts';
import { departmentMemberIds } from '../org/index.ts';
import { followUpCompliance } from './domain/follow-ups.ts';
import { listForComplaints } from './follow-ups.repository.ts';
import { complaintOutcomes, outcomeKindSql } from './outcomes.repository.ts';

/**
 * The filters of the analytics page, over complaints: first contact (the case's creation) in
 * [from, to), and optionally its reason, its channel, and the department of its agent (the
 * owner, else the intake agent; the same agent a survey answer is credited to).
 */
export type CaseFilter = {
  from: Date;
  to: Date;
  /** The org's IANA zone: hours, weekdays and weeks are read in it. */
  timeZone: string;
  reasonId?: string | undefined;
  channel?: string | undefined;
  departmentId?: string | undefined;
};

type CaseQuery<O> = SelectQueryBuilder<Database & { c: Database['complaints'] }, 'c', O>;

function filtered<O>(q: CaseQuery<O>, orgId: string, f: CaseFilter): CaseQuery<O> {
  let out = q
    .where('c.org_id', '=', orgId)
    .where('c.created_at', '>=', f.from)
    .where('c.created_at', '<', f.to);
  if (f.reasonId) out = out.where('c.reason_id', '=', f.reasonId);
  if (f.channel) out = out.where('c.channel', '=', f.channel);
  if (f.departmentId)
    out = out.where(
      sql<string | null>`coalesce(c.owner_id, c.intake_agent_id)`,
      'in',
      departmentMemberIds(orgId, f.departmentId),
    );
  return out;
}

/** The ISO week (its Monday, `YYYY-MM-DD`) of an instant in a zone, as SQL. */
const weekOf = (at: string, timeZone: string) =>
  sql<string>`to_char(date_trunc('week', ${sql.ref(at)} AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;

export type VolumeCell = { weekday: number; hour: number; complaints: number };

/** Complaints by ISO weekday (1 Monday .. 7 Sunday) and hour (0-23) of first contact, in the zone. */
export async function volumeByHourAndWeekday(
  db: Executor,
  orgId: string,
  f: CaseFilter,
): Promise<VolumeCell[]> {
  const local = sql`(c.created_at AT TIME ZONE ${f.timeZone})`;
  const rows = await filtered(
    db
      .selectFrom('complaints as c')
      .select([
        sql<number>`extract(isodow FROM ${local})::int`.as('weekday'),
        sql<number>`extract(hour FROM ${local})::int`.as('hour'),
        sql<number>`count(*)::int`.as('complaints'),
      ]),
    orgId,
    f,
  )
    .groupBy(['weekday', 'hour'])
    .orderBy('weekday')
    .orderBy('hour')
    .execute();
  return rows;
}

export type OutcomeWeek = {
  week: string;
  firstContact: number;
  moreContacts: number;
  unresolved: number;
};

/**
 * How the complaints first contacted in each week ended, by the one outcome definition
 * (`outcomes.repository.ts`). Every case first contacted in the range is in its week's count,
 * whether resolved or not.
 */
export async function outcomesByWeek(
  db: Executor,
  orgId: string,
  f: CaseFilter,
): Promise<OutcomeWeek[]> {
  const rows = await filtered(
    db
      .with('o', () => complaintOutcomes(db, orgId, { from: f.from, to: f.to }))
      .selectFrom('o')
      .innerJoin('complaints as c', (j) =>
        j.on('c.org_id', '=', orgId).onRef('c.id', '=', 'o.complaint_id'),
      )
      .select([
        weekOf('o.first_contact_at', f.timeZone).as('week'),
        outcomeKindSql('o').as('outcome'),
        sql<number>`count(*)::int`.as('n'),
      ]),
    orgId,
    f,
  )
    .groupBy(['week', 'outcome'])
    .orderBy('week')
    .execute();
  const weeks = new Map<string, OutcomeWeek>();
  for (const r of rows) {
    const w = weeks.get(r.week) ?? {
      week: r.week,
      firstContact: 0,
      moreContacts: 0,
      unresolved: 0,
    };
    if (r.outcome === 'first_contact') w.firstContact += r.n;
    else if (r.outcome === 'more_contacts') w.moreContacts += r.n;
    else w.unresolved += r.n;
    weeks.set(r.week, w);
  }
  return [...weeks.values()];
}

/** The cases that pass the filters, each with the ISO week of its first contact and its policy. */
export async function casesByWeek(
  db: Executor,
  orgId: string,
  f: CaseFilter,
): Promise<{ complaintId: string; week: string; policyId: string | null }[]> {
  return filtered(
    db
      .selectFrom('complaints as c')
      .select([
        'c.id as complaintId',
        weekOf('c.created_at', f.timeZone).as('week'),
        'c.policy_id as policyId',
      ]),
    orgId,
    f,
  ).execute();
}

/**
 * Step 6's compliance (manager's update on time, verification rate) per group of cases, by the
 * follow-up report's own definition (`followUpCompliance`).
 */
export async function followUpsByGroup(
  db: Executor,
  orgId: string,
  cases: readonly { complaintId: string; group: string }[],
  now: Date,
) {
  const groupOf = new Map(cases.map((c) => [c.complaintId, c.group]));
  const tasks = await listForComplaints(db, orgId, [...groupOf.keys()]);
  const groups = new Map<string, typeof tasks>();
  for (const task of tasks) {
    const g = groupOf.get(task.complaintId)!;
    groups.set(g, [...(groups.get(g) ?? []), task]);
  }
  return {
    groups: [...groups].map(([group, list]) => ({ group, ...followUpCompliance(list, now) })),
    total: followUpCompliance(tasks, now),
  };
}
