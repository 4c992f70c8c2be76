import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress, literalAddress, parseWebhookUrl } from './domain/destination.ts';

/** The start of an answer that the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;
/** More of an answer than this is not read: the connection is closed. */
const RESPONSE_READ_BYTES = 64 * 1024;

export type Destination =
  | { ok: true; url: URL; address: string; family: 4 | 6 }
  | { ok: false; problem: 'invalid' | 'scheme' | 'credentials' | 'unresolved' | 'private' };

/**
 * Resolves the URL's host to every address it has and checks each one: a name with a single
 * private address among public ones is refused, since the connection could land on either.
 * The address returned is the one the delivery connects to, so no second lookup can answer
 * differently between the check and the connection (DNS rebinding).
 */
export async function resolveDestination(raw: string, allowPrivate: boolean): Promise<Destination> {
  const parsed = parseWebhookUrl(raw);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  const { url } = parsed;
  const literal = literalAddress(url.hostname);
  let addresses: { address: string; family: number }[];
  if (literal) addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await dns.promises.lookup(url.hostname, { all: true, verbatim: true });
    } catch {
      return { ok: false, problem: 'unresolved' };
    }
  }
  if (addresses.length === 0) return { ok: false, problem: 'unresolved' };
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    return { ok: false, problem: 'private' };
  const first = addresses[0]!;
  return { ok: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export type SendOutcome = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The start of the answer, or why there was none. */
  excerpt: string | null;
  error: string | null;
};

/**
 * One POST to a checked destination: connected to the address that was checked (the Host
 * header and TLS name stay the URL's), no redirect followed (a 3xx is a failure), the whole
 * exchange within `timeoutMs`, and no more of the answer read than the log needs.
 */
export function postJson(
  destination: Extract<Destination, { ok: true }>,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<SendOutcome> {
  const { url, address, family } = destination;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === 'https:' ? https : http;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, latencyMs: elapsed() });
    };
    const request = client.request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        lookup: pinned,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Ombud-Webhooks/1',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const done = () => {
          const statusCode = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
          finish({
            ok: statusCode >= 200 && statusCode < 300,
            statusCode,
            excerpt: truncateUtf8(excerpt),
            error: null,
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (read < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
          read += chunk.length;
          if (read >= RESPONSE_READ_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      finish({
        ok: false,
        statusCode: null,
        excerpt: null,
        error: `timeout after ${timeoutMs} ms`,
      });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) =>
      finish({ ok: false, statusCode: null, excerpt: null, error: error.message.slice(0, 500) }),
    );
    request.end(body);
  });
}

/** At most 1 KB of text, never ending inside a character. */
function truncateUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  const cut = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
  let out = cut;
  while (Buffer.byteLength(out) > RESPONSE_EXCERPT_BYTES) out = out.slice(0, -1);
  // eslint-disable-next-line no-control-regex
  return out.replace(/\u0000/g, '');
}
