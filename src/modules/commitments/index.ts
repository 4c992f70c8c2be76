export { createCommitmentService, type CommitmentService } from './commitments.service.ts';
export { registerCommitmentRoutes } from './commitments.routes.ts';
export { commitmentJobHandlers } from './commitments.jobs.ts';
