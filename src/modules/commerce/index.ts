export { createCohortReport, type CohortReportService } from './cohorts.service.ts';
export { registerCohortRoutes } from './cohorts.routes.ts';
export {
  cohortMembers,
  insertOrders,
  insertReferrals,
  insertSubscriptionEvents,
  type NewOrder,
  type NewReferral,
  type NewSubscriptionEvent,
} from './cohorts.repository.ts';
export type { CohortReport } from './cohorts.contract.ts';
