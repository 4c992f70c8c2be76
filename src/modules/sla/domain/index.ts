export type {
  BusinessCalendar,
  CalendarParseResult,
  Pause,
  Period,
  PeriodsParseResult,
  Weekday,
  WeeklyHours,
} from './business-calendar.ts';
export {
  addBusinessDays,
  addBusinessMinutes,
  addBusinessSeconds,
  addCalendarDays,
  addCalendarMinutes,
  addCalendarWeeks,
  businessSecondsBetween,
  closeOfBusiness,
  endOfBusinessDay,
  isOpenAt,
  nextOpenInstant,
  parseBusinessCalendar,
  parsePeriods,
  subtractBusinessDays,
  subtractBusinessMinutes,
  subtractBusinessSeconds,
} from './business-calendar.ts';
export { WEEKDAYS } from './civil-date.ts';
export type { LunarDate, LunarOptions } from './lunar-calendar.ts';
export { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar-calendar.ts';
export type {
  Holiday,
  HolidayKind,
  HolidayOverrides,
  HolidaySwap,
  OverridesParseResult,
  VnHolidayOptions,
} from './vn-holidays.ts';
export {
  applyHolidaysToCalendar,
  generateVnHolidays,
  holidayKinds,
  parseHolidayOverrides,
} from './vn-holidays.ts';
export type { CustomHolidayDef, IcsYearRange, NamedDate } from './custom-holidays.ts';
export {
  expandCustomHolidays,
  holidayCalendars,
  IcsParseError,
  parseIcsHolidays,
} from './custom-holidays.ts';
export type { DayCount, DescribeLanguage, DurationUnit, OpenPause, Target } from './durations.ts';
export {
  consumed,
  dayCounts,
  describeTarget,
  dueAfter,
  dueWithPauses,
  durationUnits,
  instantAtShare,
  maxTargetAmount,
  validateTarget,
} from './durations.ts';
export type {
  ClockEvent,
  ClockKind,
  ClockPause,
  ClockPolicy,
  ClockStartRule,
  ClockState,
  SimpleClockState,
} from './clocks.ts';
export {
  clockKinds,
  clockStartRules,
  clockStates,
  clockStartAt,
  evaluateClocks,
  evaluateSimpleClock,
  nextDue,
  pauseIntervals,
} from './clocks.ts';
export {
  escalationAt,
  escalationUnits,
  parseEscalationStep,
  type EscalationStep,
  type EscalationUnit,
} from './escalation.ts';
export type { LocalisedText, RegulatoryPreset } from './presets.ts';
export { dayCountLabels, findRegulatoryPreset, regulatoryPresets } from './presets.ts';
export type { ClockSignal } from './clocks.ts';
export { clockSignals } from './clocks.ts';
export {
  choosePolicy,
  type ChoosablePolicy,
  type PolicyCase,
  type PolicyMatch,
} from './policy-choice.ts';
export {
  effectiveCalendar,
  holidaysOfYear,
  type CalendarRecord,
  type YearHolidays,
} from './effective-calendar.ts';
export { workingDayHours } from './working-day.ts';
export {
  evaluateWithOverlays,
  OPERATIONAL_SOURCE,
  overlayClockPolicy,
  overlayFromPreset,
  overlayProblem,
  type Overlay,
  type SourcedClockState,
} from './overlays.ts';
