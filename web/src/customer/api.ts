import { currentLanguage, t } from './i18n.ts';

/**
 * The few calls the customer pages make, with fetch (or XMLHttpRequest, for an upload that
 * reports its progress). Types come from the contracts; the answers are not re-validated here,
 * to keep the validation library off a customer's phone (the console's client does that).
 */
export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Every refused field with its message. */
  readonly errors: readonly FieldError[];

  constructor(status: number, code: string, message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/** The share of an upload's bytes sent so far, 0 to 1. */
export type UploadProgress = (fraction: number) => void;

type ErrorBody = {
  error?: { code?: unknown; message?: unknown; field?: unknown; errors?: unknown };
};

function errorOf(status: number, json: unknown): ApiError {
  const error = (json as ErrorBody | undefined)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
    return new ApiError(status, `http_${status}`, t('errors.unexpected', { status }));
  const listed = Array.isArray(error.errors)
    ? (error.errors as FieldError[]).filter(
        (e) => typeof e?.field === 'string' && typeof e.message === 'string',
      )
    : [];
  const errors =
    listed.length > 0
      ? listed
      : typeof error.field === 'string'
        ? [{ field: error.field, message: error.message }]
        : [];
  return new ApiError(status, error.code, error.message, errors);
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendWithProgress(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: FormData,
  onProgress: UploadProgress,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      onProgress(1);
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(body);
  });
}

/** One call: JSON or a form with files in, the JSON answer out, or an ApiError. */
export async function request<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  onProgress?: UploadProgress,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let answer: { status: number; text: string };
  try {
    if (onProgress && payload instanceof FormData) {
      answer = await sendWithProgress(method, url, headers, payload, onProgress);
    } else {
      // No browser cache: an answer worded in another language must not come back.
      const response = await fetch(url, {
        method,
        headers,
        body: payload,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      answer = { status: response.status, text: await response.text() };
    }
  } catch {
    throw new ApiError(0, 'network_error', t('errors.network'));
  }
  const json = parse(answer.text);
  if (answer.status < 200 || answer.status >= 300) throw errorOf(answer.status, json);
  return json as T;
}

/**
 * Splits an error into a message for each named form field it refused (all of them at once)
 * and a message for the whole form: what no shown field can display.
 */
export function splitApiError(
  error: unknown,
  fields: readonly string[],
): { field: Record<string, string>; general: string | null } {
  if (!error) return { field: {}, general: null };
  if (error instanceof ApiError && error.errors.length > 0) {
    const field: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const e of error.errors) {
      if (fields.includes(e.field)) field[e.field] ??= e.message;
      else elsewhere.push(e.message);
    }
    return { field, general: elsewhere.length > 0 ? elsewhere.join(' ') : null };
  }
  return { field: {}, general: error instanceof Error ? error.message : String(error) };
}

/** A path parameter as it goes in a URL. */
export const segment = encodeURIComponent;
