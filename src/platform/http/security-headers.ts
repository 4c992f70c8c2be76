import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { strictTransportSecurity } from 'helmet';

/**
 * The content security policy of every page and API answer. The built web app loads only its
 * own hashed files (no inline script); Mantine sets styles at run time, hence inline styles.
 * Nothing may frame a page: the portal's confirm button must not be clickjacked. The routes
 * that send an uploaded file set their own, stricter policy (`default-src 'none'; sandbox`).
 */
export const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The security headers, built once and set on the raw response as a request arrives, so that
 * every answer carries them: pages, files, API answers, errors and the live stream.
 * `Referrer-Policy: no-referrer` keeps the portal's address, a bearer secret, out of other
 * sites' logs. HSTS is sent only over TLS (directly, or as a trusted proxy reports it).
 */
export function createSecurityHeaders(): (request: FastifyRequest, reply: FastifyReply) => void {
  const common = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });
  const done = (error?: unknown) => {
    if (error) throw error;
  };
  return (request, reply) => {
    common(request.raw, reply.raw, done);
    if (request.protocol === 'https') hsts(request.raw, reply.raw, done);
  };
}
