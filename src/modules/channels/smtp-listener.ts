import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../../platform/logger.ts';
import type { RateLimiter } from '../../platform/http/rate-limit.ts';
import type { ChannelService } from './channels.service.ts';

export type SmtpListener = { port: number; close(): Promise<void> };

type SmtpError = Error & { responseCode: number };
const refusal = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * Ombud's own SMTP listener (off unless INBOUND_SMTP_PORT is set): mail to
 * `<org-slug>@<INBOUND_DOMAIN>` becomes that org's. Unknown recipients are refused at RCPT, so
 * a sender learns at once and nothing is read for nobody; mail past the size limit is refused
 * by SIZE and again if it lies; each sending address has a budget of messages per minute (per
 * inbound domain, counted in the database so every process holds it).
 */
export async function startSmtpListener(deps: {
  port: number;
  host: string;
  domain: string | undefined;
  maxBytes: number;
  messagesPerMinute: number;
  channels: ChannelService;
  /** Whether an org with this slug exists. */
  isOrg: (slug: string) => Promise<boolean>;

  rateLimiter: RateLimiter;
  logger: Logger;
}): Promise<SmtpListener> {
  const { channels, logger } = deps;
  const slugs = new WeakMap<SMTPServerSession, Set<string>>();

  async function orgOf(address: string): Promise<string | undefined> {
    const at = address.lastIndexOf('@');
    if (at < 1) return undefined;
    // An address an org set up as its own (`support@company.vn`) first.
    const own = await channels.orgSlugOfAddress(address.toLowerCase());
    if (own) return own;
    if (!deps.domain) return undefined;
    const domain = address.slice(at + 1).toLowerCase();
    // `<slug>@` and `<slug>+anything@` the platform's domain.
    const local = address.slice(0, at).toLowerCase().split('+')[0] ?? '';
    if (domain !== deps.domain || !/^[a-z0-9-]{1,63}$/.test(local)) return undefined;
    return (await deps.isOrg(local)) ? local : undefined;
  }

  const server = new SMTPServer({
    name: deps.domain ?? 'ombud',
    banner: 'Ombud',
    size: deps.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    maxClients: 100,
    socketTimeout: 60_000,
    logger: false,
    onMailFrom(_address, session, callback) {
      slugs.delete(session);
      const key = `smtp:${deps.domain ?? ''}:${session.remoteAddress}`;
      deps.rateLimiter
        .hit(key, { max: deps.messagesPerMinute, windowMs: 60_000 })
        .then(({ admission }) =>
          callback(admission ? undefined : refusal(421, 'Too many messages; try again later')),
        )
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'inbound rate limit unavailable');
          callback(refusal(451, 'Try again later'));
        });
    },
    onRcptTo(address, session, callback) {
      orgOf(address.address)
        .then((slug) => {
          if (!slug) return callback(refusal(550, 'No such recipient here'));
          const list = slugs.get(session) ?? new Set<string>();
          list.add(slug);
          slugs.set(session, list);
          callback();
        })
        .catch(() => callback(refusal(451, 'Try again later')));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(refusal(552, 'Message too large'));
        const raw = Buffer.concat(chunks);
        const orgs = [...(slugs.get(session) ?? [])];
        slugs.delete(session);
        Promise.all(orgs.map((slug) => channels.receive(slug, raw, 'smtp')))
          .then(() => callback())
          .catch((error: unknown) => {
            logger.error({ err: error }, 'an inbound mail could not be kept');
            // Temporary: the sender's server tries again, so the mail is not lost.
            callback(refusal(451, 'Could not take the message now; try again later'));
          });
      });
    },
  });
  server.on('error', (error) => logger.warn({ err: error }, 'inbound SMTP'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  logger.info({ port: address.port, domain: deps.domain }, 'inbound SMTP listening');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
