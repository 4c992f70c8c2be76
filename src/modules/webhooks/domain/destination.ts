/**
 * Where a webhook may be sent (server-side request forgery). Only http and https, and only to
 * public addresses: loopback, link-local (with the cloud metadata address 169.254.169.254),
 * private, shared (100.64/10), unspecified, multicast and reserved ranges are refused, in IPv4,
 * IPv6 and IPv4 written inside IPv6, unless an admin said the endpoint lives on such a network.
 */
export type UrlProblem = 'invalid' | 'scheme' | 'credentials';

/** The URL, or what is wrong with it, before any address is looked at. */
export function parseWebhookUrl(raw: string): { url: URL } | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (!url.hostname) return { problem: 'invalid' };
  return { url };
}

export { isPrivateAddress, literalAddress } from '../../../platform/private-address.ts';
