export { createRewardService, type RewardService } from './rewards.service.ts';
export { registerRewardRoutes } from './rewards.routes.ts';
export { rewardJobHandlers, approvalClock } from './rewards.jobs.ts';
export { compensationOf } from './compensation-totals.repository.ts';
