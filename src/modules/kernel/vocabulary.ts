/**
 * The words every module shares. A complaint's status, channel and severity are also what SLA
 * policies match on and pause by, and the eight steps and the clocks are named on every screen,
 * so they live below all the modules that use them. Each list is the one source: contracts
 * build their zod enums from these arrays, and the web app reads the enums' options.
 */

/** The one status field of a complaint (the moves it may make: complaints/domain/status.ts). */
export const complaintStatuses = [
  'new',
  'in_progress',
  'waiting_customer',
  'fixed',
  'closed',
  'cancelled',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Statuses that end the work on a case; leaving one of them is a reopen. */
export const terminalStatuses: readonly ComplaintStatus[] = ['fixed', 'closed', 'cancelled'];
export const isOpenStatus = (status: ComplaintStatus): boolean =>
  !terminalStatuses.includes(status);

/** Statuses an SLA policy may pause its clocks in (closed and cancelled stop them instead). */
export const pausableStatuses = ['new', 'in_progress', 'waiting_customer', 'fixed'] as const;

export const channels = ['web', 'email', 'phone', 'chat', 'walk_in', 'social', 'api'] as const;
export type Channel = (typeof channels)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const severityRank: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** The eight steps of the loop, in order (ids as in the glossary: step 1 is `thank`). */
export const loopSteps = [
  'thank',
  'clarify',
  'apologise',
  'commit',
  'fix',
  'update',
  'gift',
  'prevent',
] as const;
export type LoopStep = (typeof loopSteps)[number];

/** The measured targets of a complaint. Step 1's clock is `acknowledge`. */
export const clockKinds = [
  'acknowledge',
  'first_response',
  'next_update',
  'commitment',
  'fix',
  'manager_update',
  'verification',
] as const;
export type ClockKind = (typeof clockKinds)[number];

/** Internal clocks of the org's own departments. */
export const internalClockKinds = ['deadline_request', 'approval'] as const;
export type InternalClockKind = (typeof internalClockKinds)[number];

export const durationUnits = [
  'business_minutes',
  'business_hours',
  'business_days',
  'calendar_minutes',
  'calendar_hours',
  'calendar_days',
  'calendar_weeks',
  'close_of_business_days',
] as const;
export type DurationUnit = (typeof durationUnits)[number];
