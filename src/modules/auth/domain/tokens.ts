import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets carry their org id in clear, so they are looked up by (org_id, hash) like every
 * other record. Only the SHA-256 of a token is stored: the tokens are 256-bit random, so a
 * slow hash adds nothing.
 */
export function issueToken(orgId: string, prefix = ''): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  const token = `${prefix}${orgId.replaceAll('-', '')}.${secret}`;
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function orgIdOfToken(token: string, prefix = ''): string | undefined {
  if (!token.startsWith(prefix)) return undefined;
  const hex = token.slice(prefix.length).split('.')[0] ?? '';
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
