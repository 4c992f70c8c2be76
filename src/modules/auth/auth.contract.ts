import { z } from 'zod';
import { roleSchema } from '../kernel/kernel.contract.ts';
import { languageSchema, text } from '../../platform/contract/fields.ts';

export const loginRequest = z.object({
  email: text({ min: 1, max: 254 }),
  password: text({ min: 1, max: 1000 }),
  org: text({ max: 63 }).optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    orgId: z.string(),
    orgName: z.string(),
    orgSlug: z.string(),
    locale: languageSchema,
    departmentId: z.string().nullable(),
    permissions: z.array(z.string()),
  }),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeRequest = z.object({ locale: languageSchema });

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  lastFour: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createApiKeyRequest = z.object({ name: text({ min: 1, max: 200 }) });
export const createApiKeyResponse = z.object({ apiKey: apiKeyView, token: z.string() });
export type ApiKeyView = z.infer<typeof apiKeyView>;

/** POST /api/auth/logout. */
export const logoutResponse = z.object({ ok: z.literal(true) });
