import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed deliveries in the Standard Webhooks style. Each request carries `webhook-id` (the event
 * id), `webhook-timestamp` (Unix seconds) and `webhook-signature`: `v1,` and the base64
 * HMAC-SHA256 of `${id}.${timestamp}.${body}`, keyed by the base64 part of the endpoint's
 * `whsec_…` secret. Several signatures may be given, separated by spaces.
 */
export const SECRET_PREFIX = 'whsec_';
/** Older than this (or as far ahead), a delivery is refused as a possible replay. */
export const TOLERANCE_SECONDS = 5 * 60;

const keyOf = (secret: string): Buffer =>
  Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );

/** The `v1,<base64>` signature of one delivery. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest();
  return `v1,${mac.toString('base64')}`;
}

/** After a rotation, the old secret keeps signing beside the new one this long. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** The three headers of a delivery signed at `now`, by each secret given (space-separated). */
export function webhookHeaders(
  secrets: string | readonly string[],
  id: string,
  now: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': [secrets]
      .flat()
      .map((secret) => signWebhook(secret, id, timestamp, body))
      .join(' '),
  };
}

/** The secrets that sign at `now`: the current one, and the old one for a day after a rotation. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; secretRotatedAt: string | null },
  now: Date,
): string[] {
  const rotatedAt = endpoint.secretRotatedAt ? new Date(endpoint.secretRotatedAt).getTime() : 0;
  const overlaps = endpoint.previousSecret && now.getTime() - rotatedAt < ROTATION_OVERLAP_MS;
  return overlaps ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

export type Verification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'too_old' | 'bad_signature' };

const header = (headers: Record<string, unknown>, name: string): string | undefined => {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const value = Array.isArray(found) ? found[0] : found;
  return typeof value === 'string' ? value : undefined;
};

/**
 * For a receiver: checks a delivery's signature against the endpoint's secret (in constant
 * time), and refuses one signed more than five minutes before or after `now` (a replay).
 * `body` is the raw request body, exactly as received.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, unknown>,
  body: string,
  now: Date,
): Verification {
  const id = header(headers, 'webhook-id');
  const stamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !stamp || !signatures) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(stamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS)
    return { ok: false, reason: 'too_old' };
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body));
  const matches = signatures.split(' ').some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return matches ? { ok: true, id, timestamp } : { ok: false, reason: 'bad_signature' };
}
