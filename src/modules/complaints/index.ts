export { createComplaintService, type ComplaintService } from './complaints.service.ts';
export type { ComplaintTools } from './act.ts';
export type { HistoricalOutcome, ImportHistoricalComplaint } from './historical-import.ts';
export {
  historicalStatuses,
  type HistoricalComplaint,
  type HistoricalStatus,
} from './domain/historical.ts';
export { complaintJobHandlers, pauseEnded } from './complaints.jobs.ts';
export { registerComplaintRoutes } from './complaints.routes.ts';
export { registerPortalRoutes, registerPublicRoutes } from './portal.routes.ts';
export { registerFollowUpRoutes } from './follow-ups.routes.ts';
export { allowedContentTypes } from './domain/uploads.ts';
export { complaintEvents, type ComplaintEventType } from './domain/events.ts';
export {
  statuses,
  channels,
  severities,
  allowedTransitions,
  type ComplaintStatus,
} from './domain/status.ts';
export { loopSteps } from './domain/steps.ts';
export { rewardEligibilityOf, type RewardEligibility } from './reward-eligibility.repository.ts';
export type { CustomerMail, MailCase, MailFiles } from './email-intake.ts';
export type { MailFileRefusal, SavedFile } from './uploads.ts';
export {
  similarSubjectOf,
  similarKeyOf,
  casesOfCustomer,
  casesWithSimilarText,
  type SimilarCase,
  type SimilarSubject,
} from './similar.repository.ts';
export {
  surveyCaseOf,
  insertLowScoreFollowUp,
  followUpFallbackOf,
  type SurveyCase,
} from './survey-facts.repository.ts';
export type { StatusChange, StatusListener } from './case-work.ts';
export {
  complaintFactsOf,
  receivedTimesOf,
  type ComplaintFacts,
} from './problem-facts.repository.ts';
export {
  complaintOutcomes,
  complaintOutcomeKinds,
  outcomeKindSql,
  outcomesOf,
  type ComplaintOutcomeKind,
  type OutcomeRange,
} from './outcomes.repository.ts';
export {
  volumeByHourAndWeekday,
  outcomesByWeek,
  casesByWeek,
  followUpsByGroup,
  type CaseFilter,
  type VolumeCell,
  type OutcomeWeek,
} from './analytics.repository.ts';
export { outcomeDefinitions } from './domain/outcome-definitions.ts';
export { startOfLocalDay } from './domain/local-day.ts';
export { followUpDefinitions } from './domain/follow-up-definitions.ts';
