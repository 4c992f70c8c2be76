import { z } from 'zod';
import { isoInstant, text, uuid } from '../../platform/contract/fields.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import { complaintWebhookEvents } from '../complaints/complaints.contract.ts';

/** Step 8's problem records, as webhooks hear of them. */
export const problemWebhookEvents = ['problem.created', 'problem.status_changed'] as const;

/** Every event an endpoint can subscribe to. */
export const webhookEventTypes = [...complaintWebhookEvents, ...problemWebhookEvents] as const;
export const webhookEventType = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventType>;
/** What "send test event" sends; no endpoint subscribes to it, every endpoint can receive it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The most consecutive failed deliveries an endpoint takes before it is switched off. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 15;

const labels = {
  url: { vi: 'Địa chỉ nhận (URL)', en: 'Endpoint URL', zh: '接收地址（URL）' },
  events: { vi: 'Sự kiện', en: 'Events', zh: '事件' },
  description: { vi: 'Mô tả', en: 'Description', zh: '描述' },
  allowPrivate: {
    vi: 'Cho phép địa chỉ mạng nội bộ',
    en: 'Allow private destinations',
    zh: '允许内网地址',
  },
  maxConsecutiveFailures: {
    vi: 'Số lần thất bại liên tiếp trước khi tắt',
    en: 'Failures in a row before switching off',
    zh: '连续失败多少次后停用',
  },
  enabled: { vi: 'Đang bật', en: 'Enabled', zh: '已启用' },
};

const urlField = text({ max: 2000, min: 1 });
const eventsField = z.array(webhookEventType).min(1).max(webhookEventTypes.length);
const failuresField = z.number().int().min(1).max(1000);

/** POST /api/webhooks. */
export const webhookInput = withFieldLabels(
  z.object({
    url: urlField,
    events: eventsField,
    description: text({ max: 500 }).default(''),
    allowPrivate: z.boolean().default(false),
    maxConsecutiveFailures: failuresField.default(DEFAULT_MAX_CONSECUTIVE_FAILURES),
  }),
  labels,
);
export type WebhookInput = z.infer<typeof webhookInput>;

/** PATCH /api/webhooks/:id. Switching an endpoint back on starts its failure count again. */
export const webhookPatch = withFieldLabels(
  z.object({
    url: urlField.optional(),
    events: eventsField.optional(),
    description: text({ max: 500 }).optional(),
    allowPrivate: z.boolean().optional(),
    maxConsecutiveFailures: failuresField.optional(),
    enabled: z.boolean().optional(),
  }),
  labels,
);
export type WebhookPatch = z.infer<typeof webhookPatch>;

export const webhookView = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  allowPrivate: z.boolean(),
  maxConsecutiveFailures: z.number().int(),
  consecutiveFailures: z.number().int(),
  /** Why it is off: switched off by an admin, or by Ombud after failures in a row. */
  disabledReason: z.enum(['manual', 'failures']).nullable(),
  disabledAt: z.string().nullable(),
  secretRotatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookView>;
export const webhookList = z.object({ items: z.array(webhookView) });

/** The endpoint with its signing secret: only the answer to a create or a rotation has it. */
export const webhookWithSecret = z.object({
  endpoint: webhookView,
  secret: z.string().meta({ description: '`whsec_` and the base64 key; shown this once' }),
});

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export const deliveryView = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  /** The start of the receiver's answer (at most 1 KB), or why there was none. */
  lastResponse: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  isTest: z.boolean(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;
export const deliveryList = z.object({ items: z.array(deliveryView) });
export const deliveryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const webhookParams = z.object({ id: uuid });

/** The body of every delivery, signed as described under `webhooks` in the API document. */
export const webhookPayload = z.object({
  id: z.uuid().meta({ description: 'The event id, also sent as `webhook-id`' }),
  type: z.union([webhookEventType, z.literal(WEBHOOK_TEST_EVENT)]),
  createdAt: isoInstant,
  orgId: z.uuid(),
  data: z.record(z.string(), z.unknown()).meta({
    description:
      'The resource: `complaint` (id, reference, status, channel, severity, reasonId, customerId, ownerId, language, createdAt, committedDueAt) and what the event adds (`message`, `commitment`, `followUp`, `change`, `grant` for `compensation.granted` and `gift.granted`, `survey` for `survey.answered`); or `problem` for problem events',
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;
