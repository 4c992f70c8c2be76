export { createWebhookService, type WebhookService } from './webhooks.service.ts';
export { registerWebhookRoutes } from './webhooks.routes.ts';
export { webhookJobHandlers, deliverWebhook } from './webhooks.jobs.ts';
export { webhooksDocument } from './webhooks.openapi.ts';
export type { WebhookEvent } from './enqueue.ts';
export {
  verifyWebhook,
  signWebhook,
  webhookHeaders,
  type Verification,
} from './domain/signature.ts';
export type { WebhookEventType, WebhookPayload } from './webhooks.contract.ts';
