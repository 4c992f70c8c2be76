import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { commonFieldLabels, type FieldLabels } from '../contract/labels.ts';
import type { FieldProblem } from '../errors.ts';
import { translate, type Language } from '../i18n.ts';

/** A zod issue, whether it came from a route's schema or from a handler's own parse. */
type RawIssue = {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  params: Record<string, unknown>;
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function issueOf(issue: RawIssue, input: unknown): FieldProblem {
  const field = issue.path.map(String).join('.') || 'body';
  const { params } = issue;
  const blank = isBlank(valueAt(input, issue.path));
  const of = (messageKey: string, extra: Record<string, string | number> = {}): FieldProblem => ({
    field,
    messageKey,
    params: extra,
  });
  // Nothing given says "required" whatever rule the empty value broke (a pattern, a list).
  switch (issue.code) {
    case 'invalid_type':
      return of(blank ? 'field.required' : 'field.invalid_type');
    case 'too_small':
      if (params.origin === 'string')
        return blank || Number(params.minimum) <= 1
          ? of('field.required')
          : of('field.too_short', { min: Number(params.minimum) });
      if (params.origin === 'array')
        return Number(params.minimum) <= 1
          ? of('field.required')
          : of('field.too_few', { min: Number(params.minimum) });
      return of('field.too_small_number', { min: Number(params.minimum) });
    case 'too_big':
      if (params.origin === 'string') return of('field.too_long', { max: Number(params.maximum) });
      if (params.origin === 'array') return of('field.too_many', { max: Number(params.maximum) });
      return of('field.too_big_number', { max: Number(params.maximum) });
    case 'invalid_value':
      return blank
        ? of('field.required')
        : of('field.invalid_option', {
            options: Array.isArray(params.values) ? params.values.join(', ') : '',
          });
    case 'invalid_format':
      if (blank) return of('field.required');
      return of(params.format === 'email' ? 'field.invalid_email' : 'field.invalid_format');
    case 'unrecognized_keys':
      return {
        field,
        messageKey: 'field.unknown',
        params: { field: Array.isArray(params.keys) ? params.keys.join(', ') : '' },
      };
    case 'custom':
      return (issue.message ?? '').startsWith('field.')
        ? of(issue.message ?? 'field.invalid')
        : of('field.invalid');
    default:
      return of(blank ? 'field.required' : 'field.invalid');
  }
}

/** One issue per field, in the order the fields were checked: the first says it best. */
function firstPerField(issues: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true)));
}

/** The issues of a zod parse that a handler ran itself (multipart fields, for instance). */
export function fieldIssuesOfZod(
  issues: readonly {
    code: string;
    path: readonly PropertyKey[];
    message: string;
  }[],
  input: unknown,
): FieldProblem[] {
  return firstPerField(
    issues.map((issue) => {
      const { code, path, message, ...params } = issue;
      return issueOf({ code, path, message, params }, input);
    }),
  );
}

/** The issues of a request its route's schema refused; undefined for any other error. */
export function fieldIssuesOfValidation(
  error: unknown,
  input: unknown,
): FieldProblem[] | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const issues = error.validation.map((v) =>
    issueOf(
      {
        code: v.keyword,
        path: v.instancePath.split('/').filter((s) => s.length > 0),
        message: v.message,
        params: v.params as Record<string, unknown>,
      },
      input,
    ),
  );
  return issues.length > 0 ? firstPerField(issues) : undefined;
}

const quoted: Record<Language, (key: string) => string> = {
  vi: (key) => `Trường «${key}»`,
  en: (key) => `The field “${key}”`,
  zh: (key) => `字段“${key}”`,
};

/**
 * A field as the reader knows it: the route's label, else the common word for it, else the
 * API key quoted. Array indices match `*` in a label table (`items.*.name`).
 */
export function fieldLabel(field: string, lang: Language, labels?: FieldLabels): string {
  const starred = field.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
  const last = field.split('.').at(-1) ?? field;
  const found =
    labels?.[field] ??
    labels?.[starred] ??
    commonFieldLabels[field] ??
    commonFieldLabels[starred] ??
    commonFieldLabels[last];
  return found ? found[lang] : quoted[lang](field);
}

/** An issue as a sentence in the reader's language, naming the field by its label. */
export function localizeIssue(
  issue: FieldProblem,
  lang: Language,
  labels?: FieldLabels,
): { field: string; message: string } {
  return {
    field: issue.field,
    message: translate(lang, issue.messageKey, {
      field: fieldLabel(issue.field, lang, labels),
      ...issue.params,
    }),
  };
}
