export { createSlaService, type SlaService } from './sla.service.ts';
export type { ClockInput, DueSummary, StepDues } from './clock-engine.ts';
export { clockTimer, clocksStale, type ClockTimer } from './sla.jobs.ts';
export { registerSlaRoutes } from './sla.routes.ts';
export {
  describeTarget,
  dueAfter,
  businessSecondsBetween,
  workingDayHours,
  type Target,
  type BusinessCalendar,
  type ClockEvent,
  type ClockSignal,
  type CalendarRecord,
} from './domain/index.ts';
export type { CalendarInput, PolicyInput } from './sla.contract.ts';
export { defaultCalendar, defaultPolicies, standardPolicy } from './sla.defaults.ts';
export { namingOf } from './naming.ts';
