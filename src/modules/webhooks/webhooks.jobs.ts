import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';

/**
 * One try of one delivery. A failed try is not the job's failure: the handler records it and
 * queues the next try itself (its own backoff, for a day), so the job fails only when the
 * database does. The handler re-reads the delivery and does nothing when that try was made.
 */
export const deliverWebhook = defineJob({
  name: 'webhooks.deliver',
  version: 1,
  payload: z.object({ orgId: uuid, deliveryId: uuid, attempt: z.number().int().min(1) }),
  // Waits on another server's answer; each try locks its own delivery's endpoint.
  parallel: 4,
  maxAttempts: 5,
});

export function webhookJobHandlers(webhooks: {
  deliver(p: z.output<typeof deliverWebhook.payload>): Promise<void>;
}): JobHandler[] {
  return [handleJob(deliverWebhook, (p) => webhooks.deliver(p))];
}
