import type { Language } from './i18n.ts';
import { translate } from './i18n.ts';

/** One refused field: its key and what is wrong with it, as a message key and its values. */
export type FieldProblem = {
  field: string;
  messageKey: string;
  params: Record<string, string | number>;
};

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'invalid_transition'
  | 'recurrence_check_failed'
  | 'rate_limited'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'idempotency_conflict'
  | 'spam'
  | 'link_expired'
  | 'too_many_files'
  | 'quota_exceeded'
  | 'unavailable'
  | 'internal';

/** The one exhaustive table from error codes to HTTP statuses. */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  spam: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  recurrence_check_failed: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  too_many_files: 413,
  quota_exceeded: 413,
  link_expired: 410,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/**
 * The one application error. `messageKey` and `params` are translated at the edge, in the
 * language of the request, so services never deal with languages.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  /** Every refused field when there are several; the first is also `field` and `messageKey`. */
  readonly problems: readonly FieldProblem[];

  constructor(
    code: ErrorCode,
    options: {
      field?: string;
      messageKey?: string;
      params?: Record<string, string | number>;
      problems?: readonly FieldProblem[];
    } = {},
  ) {
    const first = options.problems?.[0];
    const messageKey = options.messageKey ?? first?.messageKey ?? `error.${code}`;
    super(messageKey);
    this.code = code;
    this.field = options.field ?? first?.field;
    this.messageKey = messageKey;
    this.params = options.params ?? first?.params ?? {};
    this.problems =
      options.problems ??
      (this.field ? [{ field: this.field, messageKey, params: this.params }] : []);
  }

  localizedMessage(lang: Language): string {
    return translate(lang, this.messageKey, { field: this.field ?? '', ...this.params });
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
export const invalidField = (
  field: string,
  messageKey = 'field.invalid',
  params: Record<string, string | number> = {},
): AppError => new AppError('validation_failed', { field, messageKey, params });

/** Several refused fields at once, so a form can mark each of them. */
export const invalidFields = (problems: readonly FieldProblem[]): AppError =>
  new AppError('validation_failed', { problems });
