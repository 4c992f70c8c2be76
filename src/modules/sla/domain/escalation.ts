/**
 * When an escalation level fires: an amount of time after a clock's breach, in business time by
 * default, so the next level up the org chart hears of a breach at 20:50 when the office opens,
 * not at 20:50, unless the policy says calendar time.
 */
import {
  addBusinessDays,
  addBusinessSeconds,
  addCalendarDays,
  addCalendarMinutes,
  type BusinessCalendar,
} from './business-calendar.ts';

export const escalationUnits = [
  'business_minutes',
  'business_hours',
  'business_days',
  'calendar_minutes',
  'calendar_hours',
  'calendar_days',
] as const;
export type EscalationUnit = (typeof escalationUnits)[number];

/** One level: who hears it is the n-th manager up from the owner; `amount` may be 0 (at once). */
export type EscalationStep = { level: number; amount: number; unit: EscalationUnit };

/**
 * The instant a level fires after `dueAt`. Business units count open time on the calendar, and
 * zero business time is the next open instant (the breach itself when the office is open);
 * business days keep the time of day (see addBusinessDays). Calendar minutes and hours are
 * elapsed time; calendar days keep the wall-clock time in the calendar's zone.
 * @throws RangeError for a negative or fractional amount, or an invalid Date.
 */
export function escalationAt(dueAt: Date, step: EscalationStep, calendar: BusinessCalendar): Date {
  const { amount } = step;
  if (!Number.isInteger(amount) || amount < 0)
    throw new RangeError(`escalation amount must be a whole number ≥ 0, got ${amount}`);
  switch (step.unit) {
    case 'business_minutes':
      return addBusinessSeconds(dueAt, amount * 60, calendar);
    case 'business_hours':
      return addBusinessSeconds(dueAt, amount * 3600, calendar);
    case 'business_days':
      return addBusinessDays(dueAt, amount, calendar);
    case 'calendar_minutes':
      return addCalendarMinutes(dueAt, amount);
    case 'calendar_hours':
      return addCalendarMinutes(dueAt, amount * 60);
    case 'calendar_days':
      return amount === 0 ? new Date(dueAt.getTime()) : addCalendarDays(dueAt, amount, calendar);
  }
}

/**
 * A stored level as it is meant: levels saved before delays had a unit were minutes of elapsed
 * time (`afterMinutes`), and keep that meaning.
 */
export function parseEscalationStep(value: unknown): EscalationStep | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.level !== 'number') return undefined;
  if (typeof v.amount === 'number' && (escalationUnits as readonly unknown[]).includes(v.unit))
    return { level: v.level, amount: v.amount, unit: v.unit as EscalationUnit };
  if (typeof v.afterMinutes === 'number')
    return { level: v.level, amount: v.afterMinutes, unit: 'calendar_minutes' };
  return undefined;
}
