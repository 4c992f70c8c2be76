import { describe, expect, it } from 'vitest';
import {
  hashToken,
  issueToken,
  issueTrackingToken,
  maskTrackingTokens,
  orgIdOfToken,
  orgIdOfTrackingToken,
} from './tokens.ts';

const orgId = '0b7e1a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('tokens', () => {
  it('session tokens and API keys carry their org and hash to what is stored', () => {
    const { token, hash } = issueToken(orgId, 'omb_');
    expect(token.startsWith('omb_0b7e1a523c4d4e5f8a9b0c1d2e3f4a5b.')).toBe(true);
    expect(orgIdOfToken(token, 'omb_')).toBe(orgId);
    expect(orgIdOfToken(token)).toBeUndefined();
    expect(hashToken(token)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tracking tokens are URL-safe and carry their org', () => {
    const { token, hash } = issueTrackingToken(orgId);
    expect(token).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/);
    expect(orgIdOfTrackingToken(token)).toBe(orgId);
    expect(hashToken(token)).toBe(hash);
  });

  it('two tokens are never the same', () => {
    const seen = new Set(Array.from({ length: 200 }, () => issueTrackingToken(orgId).token));
    expect(seen.size).toBe(200);
  });

  it.each(['', 'x', `${'0'.repeat(32)}`, `${'g'.repeat(32)}${'a'.repeat(32)}`, '../../etc/passwd'])(
    'refuses a malformed tracking token %j',
    (token) => {
      expect(orgIdOfTrackingToken(token)).toBeUndefined();
    },
  );
});

describe('maskTrackingTokens', () => {
  it('hides the secret part of every tracking link, and only that', () => {
    const { token } = issueTrackingToken(orgId);
    const text = `Xem tại https://ombud.vn/track/${token} hoặc <a href="https://ombud.vn/track/${token}">đây</a>. /track/short`;
    const masked = maskTrackingTokens(text);
    expect(masked).not.toContain(token);
    expect(masked).toContain('/track/0b7e1a523c4d4e5f8a9b0c1d2e3f4a5b…');
    expect(masked.match(/…/g)).toHaveLength(2);
    expect(masked).toContain('/track/short');
  });
});
