import { z } from 'zod';
import { requiredText, uuid } from '../../platform/contract/fields.ts';

export const reasonNames = z.object({
  vi: requiredText(200),
  en: requiredText(200),
  zh: requiredText(200),
});
export const reasonView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  names: z.object({ vi: z.string(), en: z.string(), zh: z.string() }),
  active: z.boolean(),
  sortOrder: z.number(),
});
export type ReasonView = z.infer<typeof reasonView>;
export const createReasonRequest = z.object({
  parentId: uuid.nullish(),
  code: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/),
  names: reasonNames,
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export const updateReasonRequest = createReasonRequest.partial();

/** GET /api/reasons. */
export const reasonList = z.object({ items: z.array(reasonView) });
/** DELETE /api/reasons/:id: a reason in use or with children is retired (made inactive) instead. */
export const reasonRemoved = z.object({ retired: z.boolean() });
