import { z } from 'zod';
import { isoDate, requiredText, text, uuid } from '../../platform/contract/fields.ts';
import { severitySchema } from '../kernel/kernel.contract.ts';
import { followUpKinds, followUpStatuses, verificationOutcomes } from './domain/follow-ups.ts';

/** Step 6 over HTTP: the follow-up tasks, what records them, the settings and the report. */

export const followUpKindSchema = z.enum(followUpKinds);

export const followUpView = z.object({
  id: z.string(),
  complaintId: z.string(),
  reference: z.string(),
  customerName: z.string().nullable(),
  complaintStatus: z.string(),
  kind: followUpKindSchema,
  fixedAt: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(followUpStatuses),
  dueAt: z.string().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  outcome: z.string().nullable(),
  method: z.string().nullable(),
  note: z.string().nullable(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const followUpList = z.object({ items: z.array(followUpView) });

export const followUpQuery = z.object({
  /** `mine` (the default): the caller's tasks; `all`: the org's (managers). */
  scope: z.enum(['mine', 'all']).default('mine'),
  kind: followUpKindSchema.optional(),
});

export const managerUpdateRequest = z.discriminatedUnion('method', [
  z.object({
    method: z.enum(['call', 'email', 'visit', 'chat']),
    /** What was said to the customer. */
    note: requiredText(5000),
  }),
  z.object({
    method: z.literal('message'),
    /** An internal note besides the message (optional). */
    note: text({ max: 5000 }).nullish(),
    subject: text({ max: 300 }).nullish(),
    body: requiredText(20_000),
  }),
]);
export type ManagerUpdateRequest = z.infer<typeof managerUpdateRequest>;

export const verificationRequest = z
  .object({
    outcome: z.enum(verificationOutcomes),
    /** What the customer said; required when the fix did not work (it is the reopen's reason). */
    note: text({ max: 5000 }).nullish(),
  })
  .refine((v) => v.outcome !== 'not_fixed' || (v.note ?? '').trim().length > 0, {
    path: ['note'],
    message: 'field.required',
  });
export type VerificationRequest = z.infer<typeof verificationRequest>;

export const skipFollowUpRequest = z.object({ reason: requiredText(2000) });

export const portalVerificationRequest = z
  .object({
    works: z.boolean(),
    comment: text({ max: 5000 }).nullish(),
  })
  .refine((v) => v.works || (v.comment ?? '').trim().length > 0, {
    path: ['comment'],
    message: 'field.required',
  });

export const escalationRulesView = z.object({
  enabled: z.boolean(),
  onSecondContact: z.boolean(),
  keywords: z.array(requiredText(100)).max(50),
  minSeverity: severitySchema.nullable(),
  tiers: z.array(requiredText(50)).max(20),
});

export const followUpSettingsView = z.object({
  escalation: escalationRulesView,
  managerUpdate: z.boolean(),
  verification: z.boolean(),
  fallbackUserId: uuid.nullable(),
  retryHours: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(24 * 14),
    )
    .min(1)
    .max(10),
  maxAttempts: z.number().int().min(1).max(10),
});
export type FollowUpSettingsView = z.infer<typeof followUpSettingsView>;

export const followUpReportQuery = z.object({ from: isoDate, to: isoDate });

const share = z.object({ count: z.number(), share: z.number().nullable() });

export const followUpReport = z.object({
  from: z.string(),
  to: z.string(),
  managerUpdate: z.object({
    fixes: z.number(),
    onTime: share,
    late: share,
    missing: share,
    open: z.number(),
  }),
  verification: z.object({
    fixes: z.number(),
    works: share,
    reopened: share,
    unreachable: share,
    declined: share,
    open: z.number(),
  }),
  definitions: z.array(z.object({ term: z.string(), text: z.string() })),
});
export type FollowUpReport = z.infer<typeof followUpReport>;
