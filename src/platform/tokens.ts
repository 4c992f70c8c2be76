import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets (session tokens, API keys, tracking links) carry their org id in clear, so they are
 * looked up by (org_id, hash) like every other record. Only the SHA-256 of a token is stored:
 * the tokens are 192 to 256 random bits, so a slow hash adds nothing and a database leak gives
 * no working secret.
 */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

const uuidOfHex = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** A session token or API key: `<prefix><org id hex>.<256 random bits>`. */
export function issueToken(orgId: string, prefix = ''): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  const token = `${prefix}${orgId.replaceAll('-', '')}.${secret}`;
  return { token, hash: hashToken(token) };
}

export function orgIdOfToken(token: string, prefix = ''): string | undefined {
  if (!token.startsWith(prefix)) return undefined;
  const hex = token.slice(prefix.length).split('.')[0] ?? '';
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return uuidOfHex(hex);
}

/** The customer's private link: the org id hex and 192 random bits, URL-safe, no dot. */
export function issueTrackingToken(orgId: string): { token: string; hash: string } {
  const token = `${orgId.replaceAll('-', '')}${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/**
 * Text with the secret part of every customer link hidden (the tracking page and the survey),
 * for staff screens and sent mail: staff must not act as the customer, nor answer a survey
 * about their own work.
 */
export function maskTrackingTokens(text: string): string {
  return text.replace(/\/(track|survey)\/([0-9a-f]{32})[A-Za-z0-9_-]{32}/g, '/$1/$2…');
}

export function orgIdOfTrackingToken(token: string): string | undefined {
  if (!/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  return uuidOfHex(token.slice(0, 32));
}
