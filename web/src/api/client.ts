import type { z } from 'zod';
import { errorResponse } from '../../../src/platform/contract/fields.ts';
import { i18n } from '../i18n/i18n.ts';
import {
  addresses,
  endpoints,
  multipart,
  type Endpoint,
  type EndpointName,
  type Endpoints,
} from './endpoints.ts';

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Every refused field with its message (the first is also `field` and `message`). */
  readonly errors: readonly FieldError[];

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    errors?: readonly FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.errors = errors ?? (field ? [{ field, message }] : []);
  }
}

let csrfToken: string | null = null;

/** Kept from login and `/api/auth/me`; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type ParamsPart<P extends string> = [PathParamNames<P>] extends [never]
  ? unknown
  : { params: Record<PathParamNames<P>, string> };

/** An object type with nothing required: `Empty extends T` holds when every field of T is optional. */
type Empty = Record<never, never>;

type QueryPart<E> = E extends { query: infer Q extends z.ZodType }
  ? Empty extends z.input<Q>
    ? { query?: z.input<Q> }
    : { query: z.input<Q> }
  : unknown;

type BodyPart<E> = E extends { body: typeof multipart }
  ? { body: FormData }
  : E extends { body: infer B extends z.ZodType }
    ? { body: z.input<B> }
    : unknown;

/** The share of an upload's bytes sent so far, 0 to 1. */
export type UploadProgress = (fraction: number) => void;

type ProgressPart<E> = E extends { body: typeof multipart }
  ? { onUploadProgress?: UploadProgress }
  : unknown;

/** What `api.call(name, request)` takes: path params, query and body, typed by the table. */
export type RequestOf<N extends EndpointName> = ParamsPart<Endpoints[N]['path']> &
  QueryPart<Endpoints[N]> &
  BodyPart<Endpoints[N]> &
  ProgressPart<Endpoints[N]> & { signal?: AbortSignal };

/** What `api.call(name)` resolves to: the response schema's output. */
export type ResponseOf<N extends EndpointName> = z.output<Endpoints[N]['response']>;

type CallArgs<N extends EndpointName> =
  Empty extends RequestOf<N> ? [request?: RequestOf<N>] : [request: RequestOf<N>];

type AnyRequest = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
  onUploadProgress?: UploadProgress;
};

/**
 * fetch() cannot tell how much of a body has gone out, so an upload that reports its progress
 * goes by XMLHttpRequest; the answer is read the same way as fetch's.
 */
function sendWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body: BodyInit | undefined },
  onProgress: UploadProgress,
  signal: AbortSignal | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      onProgress(1);
      resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(init.body as XMLHttpRequestBodyInit | null);
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls one endpoint of the table. Request types follow from the endpoint's schemas, and the
 * response is parsed with its response schema, so a server that drifts from the contract fails
 * here, loudly, instead of somewhere in a screen.
 */
async function call<N extends EndpointName>(
  name: N,
  ...[request]: CallArgs<N>
): Promise<ResponseOf<N>> {
  const spec: Endpoint = endpoints[name];
  const { params, query, body, signal, onUploadProgress } = (request ?? {}) as AnyRequest;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'vi',
  };
  if (spec.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let payload: BodyInit | undefined;
  if (spec.body === multipart) {
    payload = body as FormData;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response: Response;
  const url = `${fillPath(spec.path, params)}${queryString(query)}`;
  try {
    response = onUploadProgress
      ? await sendWithProgress(
          url,
          { method: spec.method, headers, body: payload },
          onUploadProgress,
          signal,
        )
      : await fetch(url, {
          method: spec.method,
          headers,
          body: payload,
          credentials: 'same-origin',
          // The query cache is the only cache: the browser keeps some answers without being told
          // to (a 410 indefinitely), and an answer worded in another language must not come back.
          cache: 'no-store',
          signal,
        });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  const json = await readJson(response);
  if (!response.ok) {
    const error = errorResponse.safeParse(json);
    if (!error.success) {
      throw new ApiError(
        response.status,
        `http_${response.status}`,
        i18n.t('errors.unexpected', { status: response.status }),
      );
    }
    const { code, message, field, errors } = error.data.error;
    throw new ApiError(response.status, code, message, field, errors);
  }

  const parsed = spec.response.safeParse(json);
  if (!parsed.success) {
    console.error(`${spec.method} ${spec.path}: the response does not match its contract`, {
      issues: parsed.error.issues,
    });
    throw new ApiError(response.status, 'invalid_response', i18n.t('errors.invalidResponse'));
  }
  return parsed.data as ResponseOf<N>;
}

type AddressName = keyof typeof addresses;
type AddressQuery<A extends AddressName> = (typeof addresses)[A] extends {
  query: infer Q extends z.ZodType;
}
  ? { query?: z.input<Q> }
  : unknown;
type AddressRequest<A extends AddressName> = ParamsPart<(typeof addresses)[A]['path']> &
  AddressQuery<A>;

/** The URL of an address the browser opens itself (the live stream, a download). */
function url<A extends AddressName>(name: A, request: AddressRequest<A>): string {
  const { params, query } = request as AnyRequest;
  return `${fillPath(addresses[name].path, params)}${queryString(query)}`;
}

export const api = { call, url };

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return i18n.t('errors.unexpected', { status: '?' });
}
