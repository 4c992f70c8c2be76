import { z } from 'zod';
import { optionalText, requiredText, uuid } from '../../platform/contract/fields.ts';
import { statusSchema } from '../kernel/kernel.contract.ts';
import { listComplaintsQuery } from './complaints.contract.ts';

/** The most cases one bulk request may change: a page of the queue at its largest. */
export const BULK_MAX_IDS = 200;
const bulkIds = z.array(uuid).min(1).max(BULK_MAX_IDS);

/**
 * One action on many cases (POST /api/complaints/bulk). Each case is changed as the one-case
 * action changes it, in its own transaction, with the same events, and audited. Every action
 * sets a state (an owner, a status), so a retry changes nothing the first request changed.
 */
export const bulkActionRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    ids: bulkIds,
    /** null: nobody owns them any more. */
    ownerId: uuid.nullable(),
  }),
  z.object({
    action: z.literal('changeStatus'),
    ids: bulkIds,
    status: statusSchema,
    note: optionalText(5000),
  }),
]);
export type BulkActionRequest = z.infer<typeof bulkActionRequest>;
export const bulkActions = bulkActionRequest.options.map((o) => o.shape.action.value);
export type BulkAction = BulkActionRequest['action'];

/** What happened to one case: changed, already so, or refused with the reason. */
export const bulkOutcomes = ['changed', 'unchanged', 'refused'] as const;
export const bulkResult = z.object({
  id: z.string(),
  outcome: z.enum(bulkOutcomes),
  /** Why a case was refused, in the request's language (not_found for another org's case). */
  error: z
    .object({ code: z.string(), message: z.string(), field: z.string().optional() })
    .optional(),
});
export const bulkActionResponse = z.object({
  action: z.string(),
  results: z.array(bulkResult),
  changed: z.number(),
  unchanged: z.number(),
  refused: z.number(),
});
export type BulkActionResponse = z.infer<typeof bulkActionResponse>;

/** What a saved view keeps: the queue's filters and sort, never a page. */
export const savedViewQuery = listComplaintsQuery.omit({ page: true, pageSize: true });
export type SavedViewQuery = z.infer<typeof savedViewQuery>;

export const savedView = z.object({
  id: z.string(),
  name: z.string(),
  query: savedViewQuery,
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;

export const savedViewList = z.object({
  items: z.array(savedView),
  /** What the queue opens with: the person's default view, or their role's. */
  defaultQuery: savedViewQuery,
  defaultViewId: z.string().nullable(),
});
export type SavedViewList = z.infer<typeof savedViewList>;

export const createSavedViewRequest = z.object({
  name: requiredText(100),
  query: savedViewQuery,
  isDefault: z.boolean().default(false),
});
export const updateSavedViewRequest = z.object({
  name: requiredText(100).optional(),
  query: savedViewQuery.optional(),
  isDefault: z.boolean().optional(),
});
export const savedViewRemoved = z.object({ ok: z.literal(true) });

/** The queue as a file: the list's filters and search, every matching case (no pages). */
export const exportComplaintsQuery = listComplaintsQuery
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
