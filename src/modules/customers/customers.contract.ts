import { z } from 'zod';
import {
  isoDate,
  languageSchema,
  optionalText,
  requiredText,
  text,
} from '../../platform/contract/fields.ts';

export const customerInput = z.object({
  name: requiredText(200),
  phone: text({ max: 30 }).nullish(),
  email: z.email().max(254).nullish(),
  externalId: text({ min: 1, max: 100 }).nullish(),
  preferredLanguage: languageSchema.optional(),
  tier: optionalText(50),
  customerSince: isoDate.nullish(),
});
export type CustomerInput = z.infer<typeof customerInput>;

export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  externalId: z.string().nullable(),
  tier: z.string().nullable(),
  customerSince: z.string().nullable(),
  preferredLanguage: languageSchema,
  /** This record was made from input that conflicted with that customer: maybe the same person. */
  possibleDuplicateOf: z.string().nullable(),
  createdAt: z.string(),
});
export type CustomerView = z.infer<typeof customerView>;
export const customerList = z.object({ items: z.array(customerView) });
export const updateCustomerRequest = z.object({
  name: requiredText(200).optional(),
  phone: text({ max: 30 }).nullish(),
  email: z.email().max(254).nullish(),
  externalId: text({ min: 1, max: 100 }).nullish(),
  tier: optionalText(50),
  customerSince: isoDate.nullish(),
  preferredLanguage: languageSchema.optional(),
});
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequest>;
export const mergeCustomerRequest = z.object({ intoId: z.uuid() });
