export { createReasonService, type ReasonService } from './reasons.service.ts';
export { registerReasonRoutes } from './reasons.routes.ts';
export { reasonNamesOf } from './reasons.repository.ts';
export type { ReasonView } from './reasons.contract.ts';
export { reasonRenamed } from './reasons.jobs.ts';
