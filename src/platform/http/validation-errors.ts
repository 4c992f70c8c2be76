import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate, type Language } from '../i18n.ts';

type Localized = { message: string; field: string };

/** Turns the first zod issue of a rejected request into a sentence naming the field. */
export function localizeValidationError(error: unknown, lang: Language): Localized | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const issue = error.validation[0];
  if (!issue) return undefined;
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
  const params = issue.params as Record<string, unknown>;
  const message = (): string => {
    switch (issue.keyword) {
      case 'invalid_type':
        return /received undefined|received null/.test(issue.message ?? '')
          ? translate(lang, 'field.required', { field })
          : translate(lang, 'field.invalid_type', { field });
      case 'too_small':
        if (params.origin === 'string') {
          return Number(params.minimum) <= 1
            ? translate(lang, 'field.required', { field })
            : translate(lang, 'field.too_short', { field, min: Number(params.minimum) });
        }
        return translate(lang, 'field.too_small_number', { field, min: Number(params.minimum) });
      case 'too_big':
        return params.origin === 'string' || params.origin === 'array'
          ? translate(lang, 'field.too_long', { field, max: Number(params.maximum) })
          : translate(lang, 'field.too_big_number', { field, max: Number(params.maximum) });
      case 'invalid_value':
        return translate(lang, 'field.invalid_option', {
          field,
          options: Array.isArray(params.values) ? params.values.join(', ') : '',
        });
      case 'invalid_format':
        return translate(lang, 'field.invalid_format', { field });
      case 'unrecognized_keys': {
        const keys = Array.isArray(params.keys) ? params.keys.join(', ') : '';
        return translate(lang, 'field.unknown', { field: keys });
      }
      case 'custom':
        return (issue.message ?? '').startsWith('field.')
          ? translate(lang, issue.message ?? '', { field })
          : translate(lang, 'field.invalid', { field });
      default:
        return translate(lang, 'field.invalid', { field });
    }
  };
  return { message: message(), field };
}
