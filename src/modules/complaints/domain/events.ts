import { z } from 'zod';
import { channelSchema, statusSchema } from '../../kernel/kernel.contract.ts';
import { updateMethods, verificationOutcomes } from './follow-ups.ts';
import { escalationReasons } from './early-escalation.ts';
import { callDirections, callOutcomes } from './calls.ts';

/**
 * Every kind of event on a complaint's timeline, with the shape of its data. The timeline is
 * append-only and is also the case's audit trail; the clocks are derived from it
 * (clock-events.ts). Code names an event through `complaintEvents`, never as a bare string.
 */
export const complaintEvents = {
  received: 'complaint.received',
  acknowledged: 'complaint.acknowledged',
  statusChanged: 'complaint.status_changed',
  fixed: 'complaint.fixed',
  updated: 'complaint.updated',
  assigned: 'complaint.assigned',
  factsRecorded: 'facts.recorded',
  readbackSent: 'readback.sent',
  readbackConfirmed: 'readback.confirmed',
  messageSent: 'message.sent',
  messageReceived: 'message.received',
  noteAdded: 'note.added',
  trackingLinkIssued: 'tracking_link.issued',
  trackingLinksRevoked: 'tracking_link.revoked',
  attachmentAdded: 'attachment.added',
  commitmentMade: 'commitment.made',
  deadlineRequestSent: 'deadline_request.sent',
  deadlineRequestAnswered: 'deadline_request.answered',
  managerUpdateRecorded: 'manager_update.recorded',
  verificationRecorded: 'verification.recorded',
  verificationAttempted: 'verification.attempted',
  escalatedEarly: 'complaint.escalated',
  rewardGranted: 'reward.granted',
  problemLinked: 'problem.linked',
  problemUnlinked: 'problem.unlinked',
  surveyAnswered: 'survey.answered',
  callLogged: 'call.logged',
  messageBounced: 'message.bounced',
} as const;

export type ComplaintEventType = (typeof complaintEvents)[keyof typeof complaintEvents];

/** How a message reached the customer: by e-mail, or in the portal only (no address). */
export const deliveryChannels = ['email', 'portal'] as const;
/** How the customer confirmed the read-back, and how a verbal confirmation was given. */
export const confirmationChannels = ['portal', 'verbal'] as const;
export const verbalMethods = ['phone', 'in_person', 'chat', 'other'] as const;
/** A message to the customer is step 3's apology, or any other message. */
export const messageSteps = ['apologise', 'other'] as const;
export const visibilities = ['public', 'internal'] as const;

const deliveredVia = z.enum(deliveryChannels);
const version = z.number().int().min(1);

/** The data each event carries, checked when it is written. */
export const complaintEventData = {
  [complaintEvents.received]: z.object({
    channel: channelSchema,
    /** A historical case from a file: the source's case id and when it was imported. */
    imported: z.object({ externalId: z.string(), importedAt: z.string() }).optional(),
  }),
  [complaintEvents.acknowledged]: z.object({
    via: deliveredVia,
    to: z.string().nullable(),
    /** The thank-you as sent by e-mail (its tracking link masked); absent when none was sent. */
    subject: z.string().optional(),
    body: z.string().optional(),
  }),
  [complaintEvents.statusChanged]: z.object({
    from: statusSchema,
    to: statusSchema,
    note: z.string().optional(),
  }),
  [complaintEvents.fixed]: z.object({}),
  [complaintEvents.updated]: z.object({
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  }),
  [complaintEvents.assigned]: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    toName: z.string().nullable(),
    automatic: z.boolean().optional(),
  }),
  [complaintEvents.factsRecorded]: z.object({
    version,
    supersedesConfirmed: z.number().int().nullable(),
  }),
  [complaintEvents.readbackSent]: z.object({ version, via: deliveredVia, text: z.string() }),
  [complaintEvents.readbackConfirmed]: z.object({
    version,
    via: z.enum(confirmationChannels),
    by: z.string().nullable(),
    method: z.string(),
    note: z.string().optional(),
  }),
  [complaintEvents.messageSent]: z.object({
    step: z.enum(messageSteps),
    subject: z.string(),
    body: z.string(),
    via: deliveredVia,
    // An agent's reply may copy others, carry case files, and use simple formatting.
    cc: z.array(z.string()).optional(),
    attachmentIds: z.array(z.string()).optional(),
    format: z.enum(['plain', 'formatted']).optional(),
  }),
  [complaintEvents.messageReceived]: z.object({
    body: z.string(),
    via: z.enum(['portal', 'email']),
    subject: z.string().optional(),
    // The inbound mail it came in, kept whole (quoted thread and all).
    inboundId: z.uuid().optional(),
  }),
  [complaintEvents.noteAdded]: z.object({ body: z.string() }),
  [complaintEvents.trackingLinkIssued]: z.object({ revokedOthers: z.number().int().optional() }),
  [complaintEvents.trackingLinksRevoked]: z.object({ revoked: z.number().int() }),
  [complaintEvents.attachmentAdded]: z.object({
    attachmentId: z.string(),
    filename: z.string(),
    sizeBytes: z.number(),
  }),
  [complaintEvents.commitmentMade]: z.object({
    dueAt: z.string(),
    sequence: z.number().int().min(1),
    previousDueAt: z.string().nullable(),
    reason: z.string().nullable(),
    taskTypeName: z.string().nullable(),
    body: z.string(),
    via: deliveredVia,
    /** Made by Ombud when a pause moved the due; the pause began at `pauseFrom`. */
    automatic: z.boolean().optional(),
    pauseFrom: z.string().optional(),
  }),
  [complaintEvents.deadlineRequestSent]: z.object({
    requestId: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    question: z.string(),
  }),
  [complaintEvents.deadlineRequestAnswered]: z.object({
    requestId: z.string(),
    dueAt: z.string(),
    note: z.string().nullable(),
  }),
  // Step 6: the manager's update, and the call-back's result (or the customer's own answer in
  // the portal); the clocks of the step stop on them. A failed try of a call-back is an attempt.
  [complaintEvents.managerUpdateRecorded]: z.object({
    followUpId: z.string().nullable(),
    method: z.enum(updateMethods),
    note: z.string().nullable(),
  }),
  [complaintEvents.verificationRecorded]: z.object({
    followUpId: z.string().nullable(),
    outcome: z.enum(verificationOutcomes),
    via: z.enum(['call', 'portal']),
    attempts: z.number().int().min(0),
    note: z.string().nullable(),
  }),
  // A satisfaction survey answered by the customer (the survey row keeps the whole answer).
  [complaintEvents.surveyAnswered]: z.object({
    surveyId: z.string(),
    csat: z.number().int().min(1).max(5),
    ces: z.number().int().min(1).max(7).nullable(),
    nps: z.number().int().min(0).max(10).nullable(),
    comment: z.string().nullable(),
  }),
  [complaintEvents.escalatedEarly]: z.object({
    reasons: z.array(z.enum(escalationReasons)),
    to: z.string(),
    toName: z.string().nullable(),
  }),
  // Step 7 and empowerment: a thank-you gift or a compensation granted (the ledger has the rest).
  [complaintEvents.rewardGranted]: z.object({
    grantId: z.string(),
    kind: z.enum(['gift', 'compensation']),
    type: z.string(),
    amountMinor: z.number(),
    currency: z.string(),
    reference: z.string().nullable(),
    approvalLevel: z.number().int().nullable(),
  }),
  // Step 8: the complaint was linked to a problem record (or moved to another), or unlinked.
  [complaintEvents.problemLinked]: z.object({
    problemId: z.string(),
    reference: z.string(),
    source: z.enum(['manual', 'suggestion']),
    fromProblemId: z.string().nullable(),
  }),
  [complaintEvents.problemUnlinked]: z.object({ problemId: z.string(), reference: z.string() }),
  // Phone: a call logged on the case (the calls table has the number, the notes, the recording).
  // A delivery report named mail we sent on the case: it did not reach the customer.
  [complaintEvents.messageBounced]: z.object({
    outgoingId: z.string(),
    to: z.string(),
    subject: z.string().nullable(),
    error: z.string(),
  }),
  [complaintEvents.callLogged]: z.object({
    callId: z.string(),
    direction: z.enum(callDirections),
    outcome: z.enum(callOutcomes),
    startedAt: z.string(),
    durationSeconds: z.number().int(),
  }),
  [complaintEvents.verificationAttempted]: z.object({
    followUpId: z.string(),
    attempt: z.number().int().min(1),
    note: z.string().nullable(),
    nextAttemptAt: z.string(),
  }),
} satisfies Record<ComplaintEventType, z.ZodType>;

export type ComplaintEventData<T extends ComplaintEventType> = z.input<
  (typeof complaintEventData)[T]
>;

export const complaintEventTypes = Object.values(complaintEvents) as [
  ComplaintEventType,
  ...ComplaintEventType[],
];

/** One event of a complaint as the rest of the module sees it. */
export type ComplaintEvent = {
  [T in ComplaintEventType]: { type: T; data: ComplaintEventData<T> };
}[ComplaintEventType];

export const isComplaintEventType = (type: string): type is ComplaintEventType =>
  (complaintEventTypes as readonly string[]).includes(type);

/**
 * What an org's webhooks hear of a case: the public names of the events, which are not the
 * timeline's own (a status change is a reopen or a close, a commitment the first or a later one).
 */
export const complaintWebhookEvents = [
  'complaint.created',
  'complaint.acknowledged',
  'complaint.commitment_made',
  'complaint.recommitted',
  'complaint.fixed',
  'complaint.reopened',
  'complaint.closed',
  'message.received',
  'followup.manager_update_recorded',
  'followup.verification_recorded',
  'compensation.granted',
  'gift.granted',
  'survey.answered',
] as const;
export type ComplaintWebhookEvent = (typeof complaintWebhookEvents)[number];

const terminal = ['fixed', 'closed', 'cancelled'];

const webhookOf: Partial<
  Record<ComplaintEventType, (data: Record<string, unknown>) => ComplaintWebhookEvent | undefined>
> = {
  [complaintEvents.received]: () => 'complaint.created',
  [complaintEvents.acknowledged]: () => 'complaint.acknowledged',
  [complaintEvents.commitmentMade]: (d) =>
    d.sequence === 1 ? 'complaint.commitment_made' : 'complaint.recommitted',
  [complaintEvents.fixed]: () => 'complaint.fixed',
  [complaintEvents.statusChanged]: (d) =>
    d.to === 'closed'
      ? 'complaint.closed'
      : (d.from === 'fixed' || d.from === 'closed') && !terminal.includes(String(d.to))
        ? 'complaint.reopened'
        : undefined,
  [complaintEvents.messageReceived]: () => 'message.received',
  [complaintEvents.managerUpdateRecorded]: () => 'followup.manager_update_recorded',
  [complaintEvents.verificationRecorded]: () => 'followup.verification_recorded',
  [complaintEvents.rewardGranted]: (d) =>
    d.kind === 'compensation' ? 'compensation.granted' : 'gift.granted',
  [complaintEvents.surveyAnswered]: () => 'survey.answered',
};

/** The webhook event a timeline event is, if it is one. */
export const webhookEventOf = (
  type: ComplaintEventType,
  data: Record<string, unknown>,
): ComplaintWebhookEvent | undefined => webhookOf[type]?.(data);
