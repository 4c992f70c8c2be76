export { createCommerceService, type CommerceService } from './commerce.service.ts';
export { registerCommerceRoutes } from './commerce.routes.ts';
export { commerceJobHandlers, runImport } from './commerce.jobs.ts';
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
export { createWinBack, type WinBackService } from './win-back.service.ts';
export { registerWinBackRoutes } from './win-back.routes.ts';
