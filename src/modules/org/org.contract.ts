import { z } from 'zod';
import { languageSchema, requiredText, text, uuid } from '../../platform/contract/fields.ts';

export { roleSchema } from '../kernel/kernel.contract.ts';
import { roleSchema } from '../kernel/kernel.contract.ts';

export const departmentView = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  headUserId: z.string().nullable(),
});
export type DepartmentView = z.infer<typeof departmentView>;
export const createDepartmentRequest = z.object({
  name: requiredText(200),
  parentId: uuid.nullish(),
  headUserId: uuid.nullish(),
});
export const updateDepartmentRequest = createDepartmentRequest.partial();

export const userView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  departmentId: z.string().nullable(),
  managerId: z.string().nullable(),
  locale: languageSchema,
  active: z.boolean(),
});
export type UserView = z.infer<typeof userView>;
export const createUserRequest = z.object({
  name: requiredText(200),
  email: z.email().max(254),
  role: roleSchema,
  departmentId: uuid.nullish(),
  managerId: uuid.nullish(),
  locale: languageSchema.default('vi'),
  password: text({ min: 10, max: 200 }),
});
export const updateUserRequest = z.object({
  name: requiredText(200).optional(),
  role: roleSchema.optional(),
  departmentId: uuid.nullish(),
  managerId: uuid.nullish(),
  locale: languageSchema.optional(),
  active: z.boolean().optional(),
  password: text({ min: 10, max: 200 }).optional(),
});

export const orgView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  referencePrefix: z.string(),
  defaultLanguage: languageSchema,
  timeZone: z.string(),
  /** ISO 3166-1 alpha-2: how phone numbers without a country code are read and shown. */
  country: z.string(),
});
export type OrgView = z.infer<typeof orgView>;
export const updateOrgRequest = z.object({
  name: requiredText(200).optional(),
  referencePrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/)
    .optional(),
  defaultLanguage: languageSchema.optional(),
  timeZone: text({ min: 1, max: 64 }).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const auditView = z.object({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

/** GET /api/departments. */
export const departmentList = z.object({ items: z.array(departmentView) });
/** DELETE /api/departments/:id. */
export const departmentDeleted = z.object({ ok: z.literal(true) });
/** GET /api/users and GET /api/users/:id/manager-chain. */
export const userList = z.object({ items: z.array(userView) });
