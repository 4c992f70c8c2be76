import { z } from 'zod';

/** What the pipeline made of an inbound mail. */
export const inboundOutcomes = [
  /** A new complaint. */
  'created',
  /** A message on an existing case (threaded by Message-ID, or by reference from its customer). */
  'joined',
  /** A new complaint that names another customer's case: marked as possibly related to it. */
  'related',
  'auto_reply',
  'own_address',
  'no_sender',
  /** A delivery report: the mail it names is marked as bounced. */
  'bounce',
] as const;
export type InboundOutcome = (typeof inboundOutcomes)[number];

/** The one JSON line `ombud mail:receive` prints. */
export const receiveResult = z.object({
  reference: z.string().nullable(),
  complaintId: z.string().nullable(),
  /** True when this mail made a new complaint (false for a reply that joined, and for a duplicate). */
  created: z.boolean(),
  messageId: z.string().nullable(),
  outcome: z.enum(inboundOutcomes),
  /** The kept mail (for a duplicate, the first one). */
  inboundId: z.string(),
  isDuplicate: z.boolean(),
});
export type ReceiveResult = z.infer<typeof receiveResult>;

/** An inbound mail as kept: what was shown on the case, and the whole of it. */
export const inboundMailView = z.object({
  id: z.string(),
  complaintId: z.string().nullable(),
  relatedComplaintId: z.string().nullable(),
  outcome: z.enum(inboundOutcomes),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string(),
  subject: z.string(),
  /** The text as the customer sent it, quoted thread and signature included. */
  textFull: z.string(),
  /** The text shown on the case: without the quoted thread and the signature. */
  textShown: z.string(),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      isInline: z.boolean(),
      /** The case file it became; null for mail that made no case, or a refused file. */
      attachmentId: z.string().nullable(),
      /** Why it was not kept: its type, its size, or the case's or org's quota. */
      refused: z.enum(['type', 'too_large', 'quota']).nullable(),
    }),
  ),
  receivedAt: z.string(),
});
export type InboundMailView = z.infer<typeof inboundMailView>;
export const inboundMailList = z.object({ items: z.array(inboundMailView) });
