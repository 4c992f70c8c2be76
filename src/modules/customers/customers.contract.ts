import { z } from 'zod';
import {
  isoDate,
  languageSchema,
  optionalText,
  requiredText,
  text,
} from '../../platform/contract/fields.ts';
import { withFieldLabels, type FieldLabels } from '../../platform/contract/labels.ts';

/** The customer record's fields as the screens name them. */
const customerLabels: FieldLabels = {
  name: { vi: 'Tên khách hàng', en: 'Customer name', zh: '客户姓名' },
  phone: { vi: 'Số điện thoại', en: 'Phone number', zh: '电话号码' },
  email: { vi: 'Email', en: 'E-mail', zh: '电子邮件' },
  externalId: { vi: 'Mã khách hàng', en: 'Customer ID', zh: '客户编号' },
};

export const customerInput = withFieldLabels(
  z.object({
    name: requiredText(200),
    phone: text({ max: 30 }).nullish(),
    email: z.email().max(254).nullish(),
    externalId: text({ min: 1, max: 100 }).nullish(),
    preferredLanguage: languageSchema.optional(),
    tier: optionalText(50),
    customerSince: isoDate.nullish(),
  }),
  customerLabels,
);
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
export const updateCustomerRequest = withFieldLabels(
  z.object({
    name: requiredText(200).optional(),
    phone: text({ max: 30 }).nullish(),
    email: z.email().max(254).nullish(),
    externalId: text({ min: 1, max: 100 }).nullish(),
    tier: optionalText(50),
    customerSince: isoDate.nullish(),
    preferredLanguage: languageSchema.optional(),
  }),
  customerLabels,
);
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequest>;
export const mergeCustomerRequest = z.object({ intoId: z.uuid() });
