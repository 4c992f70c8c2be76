import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn } from '../../platform/contract/names.ts';
import { recordAudit } from '../audit/index.ts';
import type { OrgService } from '../org/index.ts';
import { cachedCalendar } from './calendar-cache.ts';
import {
  holidaysOfYear,
  parseBusinessCalendar,
  parseIcsHolidays,
  type BusinessCalendar,
  type CalendarRecord,
} from './domain/index.ts';
import type { CalendarInput, CalendarView } from './sla.contract.ts';
import { clocksStale } from './sla.jobs.ts';
import { namingOf } from './naming.ts';
import * as repo from './sla.repository.ts';

/** A calendar as the reader sees it: its name in their language (else the org's default one). */
export function toCalendarView(r: repo.StoredCalendar, lang: Language): CalendarView {
  return {
    id: r.id,
    version: r.version,
    name: nameIn(r.names, lang, r.name),
    names: r.names,
    timeZone: r.timeZone,
    weeklyHours: r.weeklyHours as CalendarView['weeklyHours'],
    dateHours: r.dateHours as CalendarView['dateHours'],
    holidays: r.holidays,
    holidayCountry: r.holidayCountry,
    holidayOverrides: r.holidayOverrides as CalendarView['holidayOverrides'],
    customHolidays: r.customHolidays as CalendarView['customHolidays'],
    isDefault: r.isDefault,
  };
}

/** Business calendars: hours, holidays generated year by year, overrides and imports. */
export function createCalendars(deps: { db: Db; clock: Clock; jobs: JobQueue; org: OrgService }) {
  const { db, clock, jobs, org } = deps;

  function validate(input: CalendarInput): void {
    const parsed = parseBusinessCalendar({
      timeZone: input.timeZone,
      weeklyHours: input.weeklyHours,
      holidays: input.holidays.map((h) => h.date),
      dateHours: input.dateHours,
    });
    if (!parsed.ok) throw invalidField(parsed.field, 'field.invalid');
    // Generating a year exercises the overrides and custom days, which must be valid dates.
    try {
      const record: CalendarRecord = {
        ...input,
        name: input.name ?? '',
        id: 'check',
        version: 0,
        isDefault: false,
      };
      for (const o of input.holidayOverrides) holidaysOfYear(record, o.year);
      holidaysOfYear(record, clock.now().getUTCFullYear());
    } catch {
      throw invalidField('holidayOverrides', 'field.invalid');
    }
  }

  async function getCalendar(executor: Executor, orgId: string, id: string) {
    const c = await repo.findCalendar(executor, orgId, id);
    if (!c) throw new AppError('not_found');
    return c;
  }

  async function create(
    tx: Tx,
    orgId: string,
    actor: Actor,
    input: CalendarInput,
    lang: Language = 'vi',
  ): Promise<CalendarView> {
    validate(input);
    const { naming } = await namingOf(tx, org, orgId, input);
    const created = await repo.insertCalendar(tx, orgId, { ...input, ...naming });
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'calendar.created',
      entityType: 'calendar',
      entityId: created.id,
      after: input,
    });
    return toCalendarView(created, lang);
  }

  async function update(
    orgId: string,
    actor: Actor,
    id: string,
    input: CalendarInput,
    lang: Language,
  ): Promise<CalendarView> {
    validate(input);
    return db.transaction().execute(async (tx) => {
      const before = await getCalendar(tx, orgId, id);
      const { naming } = await namingOf(tx, org, orgId, input, before.names);
      const after = await repo.updateCalendar(tx, orgId, id, { ...input, ...naming }, clock.now());
      if (!after) throw new AppError('not_found');
      await recordAudit(tx, {
        orgId,
        actor,
        action: 'calendar.updated',
        entityType: 'calendar',
        entityId: id,
        before: toCalendarView(before, lang),
        after: input,
      });
      // Holidays and hours move due times: every open complaint is recomputed.
      await jobs.enqueue(tx, clocksStale, { orgId });
      return toCalendarView(after, lang);
    });
  }

  return {
    getCalendar,
    listCalendars: async (orgId: string, lang: Language) =>
      (await repo.listCalendars(db, orgId)).map((c) => toCalendarView(c, lang)),
    getCalendarView: async (orgId: string, id: string, lang: Language) =>
      toCalendarView(await getCalendar(db, orgId, id), lang),
    /** In the caller's transaction: provisioning makes the default calendar with the org. */
    createCalendarIn: create,
    createCalendar: (orgId: string, actor: Actor, input: CalendarInput, lang: Language) =>
      db.transaction().execute((tx) => create(tx, orgId, actor, input, lang)),
    updateCalendar: update,

    /** The calendar to compute a department's or a task's due times with (default if none). */
    async calendarFor(
      executor: Executor,
      orgId: string,
      calendarId: string | null,
    ): Promise<{ record: repo.StoredCalendar; calendar: BusinessCalendar }> {
      const record = calendarId
        ? await repo.findCalendar(executor, orgId, calendarId)
        : (await repo.listCalendars(executor, orgId))[0];
      if (!record) throw new AppError('not_found');
      return { record, calendar: cachedCalendar(record, clock.now()) };
    },

    async holidays(orgId: string, calendarId: string, year: number) {
      const record = await getCalendar(db, orgId, calendarId);
      const { generated, effective, workdays } = holidaysOfYear(record, year);
      const overrides = record.holidayOverrides.find((o) => o.year === year);
      return {
        year,
        generated,
        effective,
        workdays: workdays.map((w) => ({
          date: w.date,
          hours: w.hours.map((p) => [p[0], p[1]] as [string, string]),
        })),
        overrides: overrides
          ? (JSON.parse(JSON.stringify(overrides)) as CalendarView['holidayOverrides'][number])
          : null,
      };
    },

    async importIcs(
      orgId: string,
      actor: Actor,
      calendarId: string,
      ics: string,
      fromYear: number,
      toYear: number,
      lang: Language,
    ): Promise<{ imported: number }> {
      let days: { date: string; name: string }[];
      try {
        days = parseIcsHolidays(ics, { fromYear, toYear });
      } catch (error) {
        throw invalidField('ics', 'field.invalid', {
          detail: error instanceof Error ? error.message : '',
        });
      }
      const record = await getCalendar(db, orgId, calendarId);
      const known = new Set(record.holidays.map((h) => h.date));
      const added = days.filter((d) => !known.has(d.date));
      await update(
        orgId,
        actor,
        calendarId,
        {
          ...toCalendarView(record, lang),
          holidays: [...record.holidays, ...added].sort((a, b) => a.date.localeCompare(b.date)),
        },
        lang,
      );
      return { imported: added.length };
    },
  };
}
