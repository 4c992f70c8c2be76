import { z } from 'zod';
import {
  atLeastOneOf,
  currencySchema,
  actorTypeSchema,
  isoInstant,
  languageSchema,
  optionalText,
  pageQuery,
  requiredText,
  text,
  uuid,
} from '../../platform/contract/fields.ts';
import { customerInput, customerView } from '../customers/customers.contract.ts';
import {
  channelSchema,
  clockKindSchema,
  severitySchema,
  statusSchema,
  stepSchema,
} from '../kernel/kernel.contract.ts';
import {
  complaintEventTypes,
  confirmationChannels,
  messageSteps,
  verbalMethods,
  visibilities,
} from './domain/events.ts';
import { stepStates } from './domain/steps.ts';
import { templateStep } from '../templates/templates.contract.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import {
  createComplaintLabels,
  messageLabels,
  noteLabels,
  publicFormLabels,
  verbalConfirmationLabels,
} from './complaints.labels.ts';

export { statusSchema, channelSchema, severitySchema, stepSchema };
export const eventTypeSchema = z.enum(complaintEventTypes);
/** The events of a case that an org's webhooks can subscribe to. */
export { complaintWebhookEvents, type ComplaintWebhookEvent } from './domain/events.ts';
export type ComplaintStatusCode = z.infer<typeof statusSchema>;
export type ChannelCode = z.infer<typeof channelSchema>;

/** An amount as a person types it (500000 VND, 12.5 USD); stored in minor units. */
const askAmount = z.number().min(0).max(1e13);

export const askInput = z.object({
  text: optionalText(5000),
  amount: askAmount.nullish(),
  currency: currencySchema.nullish(),
});

export const createComplaintRequest = withFieldLabels(
  z.object({
    customer: customerInput.meta(atLeastOneOf('phone', 'email', 'externalId')),
    channel: channelSchema.default('api'),
    reasonId: uuid.nullish(),
    severity: severitySchema.default('medium'),
    productRef: optionalText(200),
    orderRef: optionalText(200),
    description: requiredText(20_000),
    ask: askInput.optional(),
    language: languageSchema.optional(),
    ownerId: uuid.nullish(),
  }),
  createComplaintLabels,
);
export type CreateComplaintRequest = z.infer<typeof createComplaintRequest>;

/**
 * Whose cases the queue shows: mine, nobody's yet (new web and e-mail complaints), mine and
 * nobody's (an agent's working queue), or everyone's.
 */
export const queueScopes = ['mine', 'unassigned', 'mineAndUnassigned', 'all'] as const;
/** `relevance` ranks a search (see the README); without a search it falls back to `-createdAt`. */
export const queueSorts = [
  'relevance',
  'dueAt',
  '-createdAt',
  'createdAt',
  'reference',
  '-reference',
  '-severity',
  'severity',
  'status',
] as const;
export type QueueSort = (typeof queueSorts)[number];
export type QueueScope = (typeof queueScopes)[number];

export const listComplaintsQuery = z.object({
  scope: z.enum(queueScopes).default('all'),
  status: statusSchema.optional(),
  reasonId: uuid.optional(),
  channel: channelSchema.optional(),
  /** One person's cases, or `unassigned`: cases nobody owns yet. */
  ownerId: z.union([uuid, z.literal('unassigned')]).optional(),
  /** A department's queue: cases owned by its people, or promised on its behalf. */
  departmentId: uuid.optional(),
  q: text({ max: 200 }).optional(),
  /** By relevance when there is a search, else newest first. */
  sort: z.enum(queueSorts).optional(),
  /** Work-queue filters: clocks past due, due before the end of today (org time), waiting on the customer. */
  due: z.enum(['breached', 'today', 'waiting']).optional(),
  ...pageQuery,
});
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuery>;

export const complaintListItem = z.object({
  id: z.string(),
  reference: z.string(),
  status: statusSchema,
  channel: channelSchema,
  severity: severitySchema,
  reasonId: z.string().nullable(),
  reasonName: z.string().nullable(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  description: z.string(),
  nextDueAt: z.string().nullable(),
  nextDueClock: clockKindSchema.nullable(),
  isBreached: z.boolean(),
  isPaused: z.boolean(),
  committedDueAt: z.string().nullable(),
});
export type ComplaintListItem = z.infer<typeof complaintListItem>;
export const complaintList = z.object({
  items: z.array(complaintListItem),
  /**
   * How many cases match: exact up to 1,000, where counting stops. Past it, `totalIsCapped`
   * (a search: "more than 1,000") or `totalIsEstimate` (a list without a search: the
   * database's estimate, rounded, "about 12,000") says that it is not exact.
   */
  total: z.number(),
  /** True when more than `total` cases match (counting stopped there). */
  totalIsCapped: z.boolean(),
  /** True when `total` is an estimate, not a count. */
  totalIsEstimate: z.boolean(),
  /** True when there is a page after this one. */
  hasMore: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type ComplaintList = z.infer<typeof complaintList>;

export const factVersionView = z.object({
  version: z.number(),
  whatHappened: z.string(),
  occurredAt: z.string().nullable(),
  productRef: z.string().nullable(),
  orderRef: z.string().nullable(),
  askText: z.string(),
  askAmount: z.number().nullable(),
  askCurrency: z.string().nullable(),
  readBack: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  sentAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmation: z
    .object({
      via: z.enum(confirmationChannels),
      by: z.string().nullable(),
      method: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type FactVersionView = z.infer<typeof factVersionView>;

export const attachmentView = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedBy: actorTypeSchema,
  /** Whether the customer sees the file in the portal. */
  visibleToCustomer: z.boolean(),
  /** A file, or the recording of a call on the case (internal). */
  kind: z.enum(['file', 'call_recording']),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;
export const attachmentList = z.object({ items: z.array(attachmentView) });

export const complaintDetail = z.object({
  complaint: z.object({
    id: z.string(),
    reference: z.string(),
    status: statusSchema,
    channel: channelSchema,
    severity: severitySchema,
    reasonId: z.string().nullable(),
    /** In the case's language; `reasonNames` has every language, for the reader's. */
    reasonName: z.string().nullable(),
    reasonNames: z.partialRecord(languageSchema, z.string()).nullable(),
    productRef: z.string().nullable(),
    orderRef: z.string().nullable(),
    description: z.string(),
    askText: z.string().nullable(),
    askAmount: z.number().nullable(),
    askCurrency: z.string().nullable(),
    language: languageSchema,
    intakeAgentId: z.string().nullable(),
    intakeAgentName: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    /** The contact points given with this complaint: its mail goes to this address. */
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    trackingUrl: z.string().optional(),
  }),
  customer: z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    tier: z.string().nullable(),
    customerSince: z.string().nullable(),
    preferredLanguage: languageSchema,
    possibleDuplicateOf: z.string().nullable(),
  }),
  facts: z.object({
    current: factVersionView.nullable(),
    confirmed: factVersionView.nullable(),
    versions: z.array(factVersionView),
  }),
  steps: z.array(
    z.object({
      step: stepSchema,
      state: z.enum(stepStates),
      at: z.string().nullable(),
      by: z.string().nullable().default(null),
    }),
  ),
  allowedStatuses: z.array(statusSchema),
  attachments: z.array(attachmentView),
});
export type ComplaintDetail = z.infer<typeof complaintDetail>;

export const timelineEvent = z.object({
  id: z.string(),
  type: eventTypeSchema,
  actorType: actorTypeSchema,
  actorName: z.string().nullable(),
  visibility: z.enum(visibilities),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;
export const timelineResponse = z.object({ events: z.array(timelineEvent) });

export const updateComplaintRequest = z.object({
  reasonId: uuid.nullish(),
  severity: severitySchema.optional(),
  productRef: optionalText(200),
  orderRef: optionalText(200),
  ownerId: uuid.nullish(),
});

export const changeStatusRequest = z.object({ status: statusSchema, note: optionalText(5000) });

export const recordFactsRequest = z.object({
  whatHappened: requiredText(20_000),
  occurredAt: isoInstant.nullish(),
  productRef: optionalText(200),
  orderRef: optionalText(200),
  askText: requiredText(5000),
  askAmount: askAmount.nullish(),
  askCurrency: currencySchema.nullish(),
});
export type RecordFactsRequest = z.infer<typeof recordFactsRequest>;

export const sendReadbackRequest = z.object({ version: z.number().int().min(1) });
export const verbalConfirmationRequest = withFieldLabels(
  z.object({
    version: z.number().int().min(1),
    confirmedBy: requiredText(200),
    method: z.enum(verbalMethods),
    note: optionalText(2000),
  }),
  verbalConfirmationLabels,
);

export const suggestionsQuery = z.object({ step: templateStep });
export const suggestionsResponse = z.object({
  suggestions: z.array(
    z.object({
      templateId: z.string(),
      name: z.string(),
      language: languageSchema,
      subject: z.string(),
      body: z.string(),
    }),
  ),
});

export const sendMessageRequest = withFieldLabels(
  z.object({
    step: z.enum(messageSteps).default('other'),
    subject: optionalText(300),
    body: requiredText(20_000),
    cc: z.array(z.email().max(254)).max(10).optional(),
    attachmentIds: z.array(z.uuid()).max(10).optional(),
    format: z.enum(['plain', 'formatted']).default('plain'),
  }),
  messageLabels,
);
export const addNoteRequest = withFieldLabels(z.object({ body: requiredText(20_000) }), noteLabels);
export const issueTrackingLinkRequest = z
  .object({ revokeOthers: z.boolean().optional() })
  .optional();
export const trackingLinkResponse = z.object({ trackingUrl: z.string(), revoked: z.number() });
export const revokeTrackingLinksResponse = z.object({ revoked: z.number() });

// The public web form: no account, minimal fields, a honeypot for bots.
const publicComplaintFields = z.object({
  name: requiredText(200),
  phone: text({ max: 30 }).nullish(),
  email: z.email().max(254).nullish(),
  description: requiredText(20_000),
  reasonId: uuid.nullish(),
  orderRef: optionalText(200),
  askText: optionalText(5000),
  language: languageSchema.default('vi'),
  website: text({ max: 500 }).optional(),
});
/** The form as JSON. The server also checks that a phone or an e-mail is given, and valid. */
export const publicComplaintRequest = withFieldLabels(
  publicComplaintFields.meta(atLeastOneOf('phone', 'email')),
  publicFormLabels,
);
export type PublicComplaintRequest = z.infer<typeof publicComplaintRequest>;
export const publicComplaintResponse = z.object({ reference: z.string(), trackingUrl: z.string() });
export const publicOrgView = z.object({
  name: z.string(),
  slug: z.string(),
  defaultLanguage: languageSchema,
  /** What the form may carry: files in one complaint, and bytes in each. */
  uploads: z.object({ maxFiles: z.number(), maxBytes: z.number() }),
  reasons: z.array(z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string() })),
});

export const portalView = z.object({
  reference: z.string(),
  status: statusSchema,
  orgName: z.string(),
  /** The language the customer chose (on the form, or later in the portal). */
  language: languageSchema,
  /** The org's zone: times in the portal are its wall times. */
  timeZone: z.string(),
  customerName: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  readBack: z
    .object({
      version: z.number(),
      text: z.string(),
      sentAt: z.string().nullable(),
      confirmedAt: z.string().nullable(),
    })
    .nullable(),
  steps: complaintDetail.shape.steps,
  events: z.array(
    z.object({
      id: z.string(),
      type: eventTypeSchema,
      actorType: actorTypeSchema,
      actorName: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  attachments: z.array(attachmentView),
  /** "Did the fix work?": asked once per fix, while the case is fixed and not yet answered. */
  askFixWorked: z.boolean(),
});
export type PortalView = z.infer<typeof portalView>;
export const portalConfirmRequest = z.object({ version: z.number().int().min(1) });
export const portalLanguageRequest = z.object({ language: languageSchema });
export const mergeCustomerResponse = z.object({
  customer: customerView,
  movedComplaints: z.number(),
});

/** POST /api/complaints/:id/notes. */
export const noteAdded = z.object({ ok: z.literal(true) });

// Bodies the handlers read part by part as they stream, described for the API document.
const uploadedFiles = z.array(z.file()).max(10);
/** The customer's reply from the portal as the browser sends it: a text and files. */
export const portalReplyForm = z.object({
  body: z.string().max(20_000).optional().describe('The reply; may be empty when files are sent'),
  files: uploadedFiles.optional().describe('Photos, documents or recordings'),
});
/** The same reply without files. */
export const portalReplyJson = z.object({ body: z.string().max(20_000) });
/** The public form as the browser sends it with photos or documents: its fields, then files. */
export const publicComplaintForm = withFieldLabels(
  publicComplaintFields
    .extend({ files: uploadedFiles.optional().describe('Photos or documents (after the fields)') })
    .meta(atLeastOneOf('phone', 'email')),
  publicFormLabels,
);
/** Files added to a case by staff or an integration. */
export const attachmentUploadForm = z.object({
  file: uploadedFiles.min(1).describe('Photos, documents or recordings'),
});
