import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { CalendarsTable, SlaPoliciesTable } from '../../platform/db/schema.ts';
import {
  parseEscalationStep,
  type CalendarRecord,
  type SourcedClockState,
} from './domain/index.ts';
import type { Names } from '../../platform/contract/names.ts';
import type { PolicyView } from './sla.contract.ts';
import type { CalendarInput, PolicyInput } from './sla.contract.ts';

/** What is stored as a record's names: one per language, and `name` in the org's default one. */
export type Naming = { name: string; names: Names };

/** A calendar as stored, with its names. */
export type StoredCalendar = CalendarRecord & { names: Names };

export const toCalendarRecord = (r: Selectable<CalendarsTable>): StoredCalendar => ({
  id: r.id,
  name: r.name,
  names: (r.names ?? {}) as Names,
  version: r.version,
  timeZone: r.time_zone,
  weeklyHours: r.weekly_hours as CalendarRecord['weeklyHours'],
  dateHours: (r.date_hours ?? {}) as CalendarRecord['dateHours'],
  holidays: (r.holidays ?? []) as CalendarRecord['holidays'],
  holidayCountry: r.holiday_country as CalendarRecord['holidayCountry'],
  holidayOverrides: (r.holiday_overrides ?? []) as CalendarRecord['holidayOverrides'],
  customHolidays: (r.custom_holidays ?? []) as CalendarRecord['customHolidays'],
  isDefault: r.is_default,
});

export async function listCalendars(db: Executor, orgId: string): Promise<StoredCalendar[]> {
  const rows = await db
    .selectFrom('calendars')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toCalendarRecord);
}

export async function findCalendar(
  db: Executor,
  orgId: string,
  id: string,
): Promise<StoredCalendar | undefined> {
  const r = await db
    .selectFrom('calendars')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toCalendarRecord(r) : undefined;
}

const calendarColumns = (c: CalendarInput & Naming) => ({
  name: c.name,
  names: JSON.stringify(c.names),
  time_zone: c.timeZone,
  weekly_hours: JSON.stringify(c.weeklyHours),
  date_hours: JSON.stringify(c.dateHours),
  holidays: JSON.stringify(c.holidays),
  holiday_country: c.holidayCountry,
  holiday_overrides: JSON.stringify(c.holidayOverrides),
  custom_holidays: JSON.stringify(c.customHolidays),
  is_default: c.isDefault,
});

export async function insertCalendar(
  db: Tx,
  orgId: string,
  c: CalendarInput & Naming,
): Promise<StoredCalendar> {
  if (c.isDefault)
    await db
      .updateTable('calendars')
      .set({ is_default: false })
      .where('org_id', '=', orgId)
      .execute();
  const r = await db
    .insertInto('calendars')
    .values({ org_id: orgId, ...calendarColumns(c) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCalendarRecord(r);
}

export async function updateCalendar(
  db: Tx,
  orgId: string,
  id: string,
  c: CalendarInput & Naming,
  at: Date,
): Promise<StoredCalendar | undefined> {
  if (c.isDefault)
    await db
      .updateTable('calendars')
      .set({ is_default: false })
      .where('org_id', '=', orgId)
      .where('id', '!=', id)
      .execute();
  const r = await db
    .updateTable('calendars')
    .set((eb) => ({ ...calendarColumns(c), version: eb('version', '+', 1), updated_at: at }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toCalendarRecord(r) : undefined;
}

/** A policy as stored: `name` is the name in the org's default language. */
export const toPolicyView = (r: Selectable<SlaPoliciesTable>): PolicyView => ({
  id: r.id,
  name: r.name,
  names: (r.names ?? {}) as Names,
  priority: r.priority,
  match: {
    reasonIds: r.match_reason_ids,
    severities: r.match_severities as PolicyView['match']['severities'],
    channels: r.match_channels as PolicyView['match']['channels'],
    tiers: r.match_tiers,
  },
  calendarId: r.calendar_id,
  targets: r.targets as PolicyView['targets'],
  internalTargets: (r.internal_targets ?? {}) as PolicyView['internalTargets'],
  warnAtPercent: r.warn_at_percent,
  pauseStatuses: r.pause_statuses as PolicyView['pauseStatuses'],
  pausedClocks: r.paused_clocks as PolicyView['pausedClocks'],
  startRule: r.start_rule as PolicyView['startRule'],
  pauseMovesCommitment: r.pause_moves_commitment,
  pauseOnReadBack: r.pause_on_readback,
  escalation: (Array.isArray(r.escalation) ? r.escalation : []).flatMap(
    (step) => parseEscalationStep(step) ?? [],
  ),
  preset: r.preset,
  active: r.is_active,
  targetsSince: (r.targets_since ?? {}) as PolicyView['targetsSince'],
});

const policyColumns = (p: PolicyInput & Naming & Pick<PolicyView, 'targetsSince'>) => ({
  name: p.name,
  names: JSON.stringify(p.names),
  priority: p.priority,
  match_reason_ids: p.match.reasonIds,
  match_severities: p.match.severities,
  match_channels: p.match.channels,
  match_tiers: p.match.tiers,
  calendar_id: p.calendarId,
  targets: JSON.stringify(p.targets),
  internal_targets: JSON.stringify(p.internalTargets),
  warn_at_percent: p.warnAtPercent,
  pause_statuses: p.pauseStatuses,
  paused_clocks: p.pausedClocks,
  start_rule: p.startRule,
  pause_moves_commitment: p.pauseMovesCommitment,
  pause_on_readback: p.pauseOnReadBack,
  escalation: JSON.stringify(p.escalation),
  preset: p.preset,
  is_active: p.active,
  targets_since: JSON.stringify(p.targetsSince),
});

export async function listPolicies(db: Executor, orgId: string): Promise<PolicyView[]> {
  const rows = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('priority')
    .orderBy('name')
    .execute();
  return rows.map(toPolicyView);
}

export async function findPolicy(
  db: Executor,
  orgId: string,
  id: string,
): Promise<PolicyView | undefined> {
  const r = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toPolicyView(r) : undefined;
}

export async function insertPolicy(
  db: Tx,
  orgId: string,
  p: PolicyInput & Naming & Pick<PolicyView, 'targetsSince'>,
): Promise<PolicyView> {
  const r = await db
    .insertInto('sla_policies')
    .values({ org_id: orgId, ...policyColumns(p) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPolicyView(r);
}

export async function updatePolicy(
  db: Tx,
  orgId: string,
  id: string,
  p: PolicyInput & Naming & Pick<PolicyView, 'targetsSince'>,
  at: Date,
): Promise<PolicyView | undefined> {
  const r = await db
    .updateTable('sla_policies')
    .set({ ...policyColumns(p), updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toPolicyView(r) : undefined;
}

/** The stored state of a complaint's clocks, replaced whole after every evaluation. */
/** The clock rows of a case that has none yet (a new one), as a statement not yet sent. */
export function insertClocksWrite(
  tx: Tx,
  orgId: string,
  complaintId: string,
  states: readonly SourcedClockState[],
) {
  return tx.insertInto('complaint_clocks').values(
    states.map((s) => ({
      org_id: orgId,
      complaint_id: complaintId,
      source: s.source,
      clock: s.clock,
      state: s.state,
      started_at: s.startedAt,
      due_at: s.dueAt,
      warn_at: s.warnAt,
      stopped_at: s.stoppedAt,
    })),
  );
}

export async function replaceClocks(
  tx: Tx,
  orgId: string,
  complaintId: string,
  states: readonly SourcedClockState[],
): Promise<void> {
  await tx
    .deleteFrom('complaint_clocks')
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .execute();
  if (states.length === 0) return;
  await tx
    .insertInto('complaint_clocks')
    .values(
      states.map((s) => ({
        org_id: orgId,
        complaint_id: complaintId,
        source: s.source,
        clock: s.clock,
        state: s.state,
        started_at: s.startedAt,
        due_at: s.dueAt,
        warn_at: s.warnAt,
        stopped_at: s.stoppedAt,
      })),
    )
    .execute();
}
