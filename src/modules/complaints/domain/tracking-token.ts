import { createHash, randomBytes } from 'node:crypto';

/**
 * The customer's private link. It starts with the org id (so lookups stay scoped by org) and
 * carries 192 random bits; only its SHA-256 is stored, so a database leak gives no links.
 */
export function issueTrackingToken(orgId: string): { token: string; hash: string } {
  const token = `${orgId.replaceAll('-', '')}${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function orgIdOfTrackingToken(token: string): string | undefined {
  if (!/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const hex = token.slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
