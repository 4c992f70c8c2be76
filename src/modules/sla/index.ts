export {
  createSlaService,
  slaJobs,
  choosePolicy,
  type SlaService,
  type ClockSource,
  type ClockInput,
  type ManagerChain,
} from './sla.service.ts';
export { registerSlaRoutes } from './sla.routes.ts';
export { effectiveCalendar, type CalendarRecord } from './effective-calendar.ts';
export {
  describeTarget,
  dueAfter,
  businessSecondsBetween,
  type Target,
  type BusinessCalendar,
  type ClockEvent,
} from './domain/index.ts';
export type { CalendarInput, PolicyInput } from './sla.contract.ts';
export { defaultCalendar, defaultPolicies, standardPolicy } from './sla.defaults.ts';
