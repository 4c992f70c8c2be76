import { z } from 'zod';

/**
 * Field builders shared by the server and the web app. Text is stored exactly as given (no
 * trimming), so what the customer wrote is what the record says. Only what PostgreSQL or
 * UTF-8 cannot hold faithfully is refused: NUL and unpaired surrogates.
 */
// eslint-disable-next-line no-control-regex
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string): boolean => !unstorable.test(value);

export function text(options: { max: number; min?: number }) {
  return z
    .string()
    .min(options.min ?? 0)
    .max(options.max)
    .refine(isStorableText, { message: 'field.invalid_text' });
}

/** A required text: at least one non-space character. */
export function requiredText(max: number) {
  return text({ max, min: 1 }).refine((v) => v.trim().length > 0, { message: 'field.required' });
}

export const optionalText = (max: number) => text({ max }).nullish();

export const uuid = z.uuid();
export const isoInstant = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const languageSchema = z.enum(['vi', 'en', 'zh']);
/** Who can act on a record: staff, an integration's API key, the customer, or Ombud itself. */
export const actorTypes = ['user', 'api', 'customer', 'system'] as const;
export const actorTypeSchema = z.enum(actorTypes);
export type LanguageCode = z.infer<typeof languageSchema>;
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

/**
 * For the API document: at least one of these text fields is given and not empty, as a JSON
 * Schema `anyOf` to put on an object with `.meta()`. The server checks the rule itself.
 */
export const atLeastOneOf = (...fields: string[]) => ({
  anyOf: fields.map((field) => ({
    required: [field],
    properties: { [field]: { type: 'string', minLength: 1 } },
  })),
});

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The first refused field, by its API key. */
    field: z.string().optional(),
    /** Every refused field, the first included, each with its own message. */
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
