import { z } from 'zod';
import { actorTypeSchema, isoInstant, text, uuid } from '../../platform/contract/fields.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import { attachmentView, createComplaintRequest } from './complaints.contract.ts';
import { customerInput } from '../customers/customers.contract.ts';
import { callLabels, recordingLabels } from './complaints.labels.ts';
import { callDirections, callOutcomes, maxCallSeconds } from './domain/calls.ts';

export { callDirections, callOutcomes };
export const callDirectionSchema = z.enum(callDirections);
export const callOutcomeSchema = z.enum(callOutcomes);

const callFields = z.object({
  direction: callDirectionSchema,
  /** As typed; stored in E.164, read in the org's country when it has no country code. */
  phone: text({ min: 1, max: 30 }),
  startedAt: isoInstant,
  durationSeconds: z.number().int().min(0).max(maxCallSeconds),
  outcome: callOutcomeSchema,
  notes: text({ max: 20_000 }).optional(),
});

/** A call logged on a case. */
export const logCallRequest = withFieldLabels(callFields, callLabels);
export type LogCallRequest = z.infer<typeof logCallRequest>;

/**
 * The complaint a call starts: the intake of `POST /api/complaints`, on the phone channel. The
 * customer's number defaults to the call's, so a name is enough.
 */
export const callComplaintInput = createComplaintRequest
  .omit({ channel: true })
  .extend({ customer: customerInput });

/**
 * A call logged through `POST /api/calls`: it joins the case `complaintId` names, or starts the
 * `complaint` it describes, in one transaction. Exactly one of the two is given.
 */
export const logCallOnCaseRequest = withFieldLabels(
  callFields.extend({
    complaintId: uuid.optional(),
    complaint: callComplaintInput.optional(),
  }),
  callLabels,
);
export type LogCallOnCaseRequest = z.infer<typeof logCallOnCaseRequest>;

/**
 * One call. Its `id` and its `recording.id` are what a later award for the agent cites as
 * evidence.
 */
export const callView = z.object({
  id: z.string(),
  complaintId: z.string(),
  direction: callDirectionSchema,
  phone: z.string(),
  startedAt: z.string(),
  durationSeconds: z.number(),
  outcome: callOutcomeSchema,
  notes: z.string(),
  loggedBy: z.object({
    type: actorTypeSchema,
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  recording: attachmentView.nullable(),
  createdAt: z.string(),
});
export type CallView = z.infer<typeof callView>;

/** `POST /api/calls`: the call, and the case it started when it started one. */
export const loggedCallView = callView.extend({
  startedComplaint: z
    .object({
      id: z.string(),
      reference: z.string(),
      trackingUrl: z.string().optional(),
      /** False when an Idempotency-Key replays the first answer. */
      created: z.boolean(),
    })
    .optional(),
});
export type LoggedCallView = z.infer<typeof loggedCallView>;
export const callList = z.object({ items: z.array(callView) });

/** The recording of a call, as the browser sends it. */
export const recordingUploadForm = withFieldLabels(
  z.object({ file: z.file().describe('The recording: MP3, M4A, Ogg or WAV') }),
  recordingLabels,
);
