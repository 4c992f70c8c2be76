import { z } from 'zod';
import { languageSchema, requiredText, text } from '../../platform/contract/fields.ts';
import { templateSteps, variablesOf } from './domain/variables.ts';

/** Exactly which variables each kind of template can use (the editor lists them). */
export const templateVariablesByStep = variablesOf;

export const templateStep = z.enum(templateSteps);
export const templateView = z.object({
  id: z.string(),
  step: templateStep,
  language: languageSchema,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  active: z.boolean(),
  unknownVariables: z.array(z.string()),
});
export type TemplateView = z.infer<typeof templateView>;
export const createTemplateRequest = z.object({
  step: templateStep,
  language: languageSchema,
  name: requiredText(200),
  subject: text({ max: 300 }).default(''),
  body: requiredText(20_000),
  active: z.boolean().default(true),
});
export const updateTemplateRequest = createTemplateRequest.partial();
export const suggestionView = z.object({
  templateId: z.string(),
  name: z.string(),
  language: languageSchema,
  subject: z.string(),
  body: z.string(),
});
export type SuggestionView = z.infer<typeof suggestionView>;

/** GET /api/templates. */
export const templateList = z.object({ items: z.array(templateView) });
/** DELETE /api/templates/:id. */
export const templateDeleted = z.object({ ok: z.literal(true) });
