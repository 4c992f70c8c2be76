import { describe, expect, it } from 'vitest';
import { retryDelayMs, nextAttemptAt, RETRY_WINDOW_MS } from './backoff.ts';
import { signWebhook, verifyWebhook, webhookHeaders } from './signature.ts';

const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const now = new Date('2026-03-02T02:00:00Z');
const body = '{"id":"msg_1","type":"complaint.created"}';

describe('verifyWebhook', () => {
  const headers = webhookHeaders(secret, 'msg_1', now, body);

  it('accepts its own signature, with headers in any case', () => {
    expect(verifyWebhook(secret, headers, body, now)).toEqual({
      ok: true,
      id: 'msg_1',
      timestamp: now.getTime() / 1000,
    });
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(secret, upper, body, now).ok).toBe(true);
  });

  it.each([
    ['a changed body', secret, headers, `${body} `, now, 'bad_signature'],
    [
      'another secret',
      `whsec_${Buffer.alloc(32).toString('base64')}`,
      headers,
      body,
      now,
      'bad_signature',
    ],
    ['a changed id', secret, { ...headers, 'webhook-id': 'msg_2' }, body, now, 'bad_signature'],
    [
      'a replay after 5 minutes',
      secret,
      headers,
      body,
      new Date(now.getTime() + 301_000),
      'too_old',
    ],
    ['a time far ahead', secret, headers, body, new Date(now.getTime() - 301_000), 'too_old'],
    [
      'no signature',
      secret,
      { ...headers, 'webhook-signature': undefined },
      body,
      now,
      'missing_headers',
    ],
    [
      'a timestamp that is no number',
      secret,
      { ...headers, 'webhook-timestamp': '1e9' },
      body,
      now,
      'bad_timestamp',
    ],
  ])('refuses %s', (_, key, given, text, at, reason) => {
    expect(verifyWebhook(key, given, text, at)).toEqual({ ok: false, reason });
  });

  it('accepts any one of several signatures (a receiver between two secrets)', () => {
    const old = signWebhook(
      `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
      'msg_1',
      now.getTime() / 1000,
      body,
    );
    const both = { ...headers, 'webhook-signature': `${old} ${headers['webhook-signature']}` };
    expect(verifyWebhook(secret, both, body, now).ok).toBe(true);
  });
});

describe('retry backoff', () => {
  it('doubles from 30 s up to 4 hours, within ±20 %', () => {
    expect(retryDelayMs(1, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, 0.5)).toBe(60_000);
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 0.999999)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs(20, 0.5)).toBe(4 * 3600_000);
  });

  it('stops after a day from the start of the window', () => {
    expect(nextAttemptAt(1, 0.5, now, now)).toEqual(new Date(now.getTime() + 30_000));
    const late = new Date(now.getTime() + RETRY_WINDOW_MS - 60_000);
    expect(nextAttemptAt(10, 0.5, now, late)).toBeUndefined();
  });
});
