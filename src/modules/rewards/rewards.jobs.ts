import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import type { RewardService } from './rewards.service.ts';

/**
 * An approval's clock at one level is due: if the approver has not answered, the request climbs
 * to the next person up the org chart. The handler re-reads the request and does nothing if it
 * was answered or has moved on.
 */
export const approvalClock = defineJob({
  name: 'rewards.approval-clock',
  version: 1,
  payload: z.object({ orgId: uuid, approvalId: uuid, level: z.number().int().min(1).max(100) }),
});

export function rewardJobHandlers(rewards: RewardService): JobHandler[] {
  return [
    handleJob(approvalClock, ({ orgId, approvalId, level }) =>
      rewards.climbOnBreach(orgId, approvalId, level),
    ),
  ];
}
