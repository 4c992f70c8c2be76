import './channels.messages.ts';
import dns from 'node:dns/promises';
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { recordAudit } from '../audit/index.ts';
import type { MailboxInput, MailboxView } from './channels.contract.ts';
import { isPrivateAddress } from '../../platform/private-address.ts';
import * as repo from './mailboxes.repository.ts';
import type { Mailbox } from './mailboxes.repository.ts';
import { MAX_RAW_BYTES } from './parse-mail.ts';

/** The keyword a fetched message gets when the org keeps its mail in the folder it came to. */
export const FETCHED_KEYWORD = '$OmbudFetched';
/** Messages taken in one poll; the next poll takes the rest. */
const BATCH = 200;

export type Mailboxes = ReturnType<typeof createMailboxes>;

/**
 * IMAP: an org's mailbox, fetched by the worker into the same pipeline as the SMTP listener and
 * the CLI. A session per mailbox stays connected and IDLE where the server can, so new mail
 * comes in at once; otherwise (and after any break) the mailbox is polled on an interval.
 */
export function createMailboxes(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  receive: (orgSlug: string, raw: Buffer, source: 'imap') => Promise<unknown>;
  slugOf: (orgId: string) => Promise<string | undefined>;
  /** Lets mailboxes on loopback and private networks be reached (tests, a server next door). */
  allowPrivateHosts: boolean;
  timeoutMs?: number;
}) {
  const { db, clock, logger } = deps;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  /** The address to connect to, checked: a host name that resolves inside our network is refused. */
  async function checkedAddress(host: string): Promise<string> {
    const found = net.isIP(host)
      ? [{ address: host }]
      : await dns.lookup(host, { all: true }).catch(() => []);
    if (found.length === 0) throw invalidField('host', 'error.host_unknown');
    if (!deps.allowPrivateHosts && found.some((a) => isPrivateAddress(a.address)))
      throw invalidField('host', 'error.host_private');
    return found[0]!.address;
  }

  async function connect(mailbox: Mailbox): Promise<ImapFlow> {
    const address = await checkedAddress(mailbox.host);
    const client = new ImapFlow({
      host: address,
      port: mailbox.port,
      secure: mailbox.isSecure,
      // The certificate is checked against the name the admin gave, not the address we chose.
      ...(net.isIP(mailbox.host) ? {} : { servername: mailbox.host }),
      auth: { user: mailbox.username, pass: mailbox.password },
      logger: false,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: 5 * 60_000,
    });
    // A broken connection is reported by the session; it must not crash the worker.
    client.on('error', (error: unknown) =>
      logger.warn({ err: error, orgId: mailbox.orgId }, 'IMAP connection error'),
    );
    await client.connect();
    return client;
  }

  /** Takes the new messages of the selected mailbox, marking each once it is kept. */
  async function take(client: ImapFlow, mailbox: Mailbox): Promise<number> {
    const slug = await deps.slugOf(mailbox.orgId);
    if (!slug) return 0;
    const lock = await client.getMailboxLock(mailbox.folder);
    let received = 0;
    try {
      const flags = client.mailbox ? client.mailbox.permanentFlags : undefined;
      const canKeyword = flags?.has('\\*') ?? false;
      const query = mailbox.processedFolder
        ? { all: true }
        : canKeyword
          ? { unKeyword: FETCHED_KEYWORD }
          : { seen: false };
      const uids = ((await client.search(query, { uid: true })) || []).slice(0, BATCH);
      for (const uid of uids) {
        const message = await client.fetchOne(
          String(uid),
          { source: true, size: true },
          { uid: true },
        );
        if (!message) continue;
        if (message.source && message.source.length <= MAX_RAW_BYTES)
          await deps.receive(slug, message.source, 'imap');
        else logger.warn({ orgId: mailbox.orgId, uid }, 'IMAP message too large; left unread');
        // Marked only after it is kept: a crash in between fetches it again, and the
        // pipeline knows it by its Message-ID.
        if (mailbox.processedFolder)
          await client.messageMove(String(uid), mailbox.processedFolder, { uid: true });
        else
          await client.messageFlagsAdd(
            String(uid),
            canKeyword ? [FETCHED_KEYWORD, '\\Seen'] : ['\\Seen'],
            { uid: true },
          );
        received += 1;
      }
    } finally {
      lock.release();
    }
    return received;
  }

  async function note(mailbox: Mailbox, received: number, error: unknown) {
    const message = error ? (error instanceof Error ? error.message : String(error)) : null;
    await repo.notePoll(db, mailbox.orgId, {
      at: clock.now(),
      received,
      error: message?.slice(0, 500) ?? null,
    });
  }

  /** One poll on a connection of its own. */
  async function pollOnce(mailbox: Mailbox): Promise<{ received: number; error: string | null }> {
    let received = 0;
    let client: ImapFlow | undefined;
    try {
      client = await connect(mailbox);
      received = await take(client, mailbox);
      await note(mailbox, received, null);
      return { received, error: null };
    } catch (error) {
      await note(mailbox, received, error);
      return { received, error: error instanceof Error ? error.message : String(error) };
    } finally {
      await client?.logout().catch(() => client?.close());
    }
  }

  const toView = (m: Mailbox): MailboxView => ({
    host: m.host,
    port: m.port,
    isSecure: m.isSecure,
    username: m.username,
    folder: m.folder,
    processedFolder: m.processedFolder,
    isEnabled: m.isEnabled,
    lastPolledAt: m.lastPolledAt?.toISOString() ?? null,
    lastError: m.lastError,
    receivedCount: m.receivedCount,
  });

  return {
    pollOnce,

    async view(orgId: string): Promise<MailboxView | null> {
      const m = await repo.findMailbox(db, orgId);
      return m ? toView(m) : null;
    },

    async save(scope: Scope, input: MailboxInput): Promise<MailboxView> {
      const before = await repo.findMailbox(db, scope.orgId);
      const password = input.password || before?.password;
      if (!password) throw invalidField('password', 'field.required');
      await checkedAddress(input.host);
      const mailbox = {
        orgId: scope.orgId,
        host: input.host,
        port: input.port,
        isSecure: input.isSecure,
        username: input.username,
        password,
        folder: input.folder,
        processedFolder: input.processedFolder ?? null,
        isEnabled: input.isEnabled,
      };
      await db.transaction().execute(async (tx) => {
        await repo.saveMailbox(tx, mailbox, clock.now());
        const { password: _secret, ...shown } = mailbox;
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'mailbox.saved',
          entityType: 'mailbox',
          entityId: scope.orgId,
          after: { ...shown, passwordChanged: Boolean(input.password) },
        });
      });
      return toView((await repo.findMailbox(db, scope.orgId))!);
    },

    async remove(scope: Scope): Promise<void> {
      await db.transaction().execute(async (tx) => {
        if (!(await repo.deleteMailbox(tx, scope.orgId))) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'mailbox.removed',
          entityType: 'mailbox',
          entityId: scope.orgId,
        });
      });
    },

    async pollNow(scope: Scope): Promise<{ received: number; error: string | null }> {
      const m = await repo.findMailbox(db, scope.orgId);
      if (!m) throw new AppError('not_found');
      return pollOnce(m);
    },

    /**
     * The worker's side: every `intervalMs`, lease the enabled mailboxes no other worker holds,
     * keep one IDLE session open on each, and poll each (also catching what IDLE missed).
     */
    startPollers(options: { holder: string; intervalMs: number }): { stop(): Promise<void> } {
      const sessions = new Map<string, { client: ImapFlow; busy: Promise<unknown> }>();
      let stopped = false;

      const run = (orgId: string, mailbox: Mailbox) => {
        const session = sessions.get(orgId);
        if (!session) return;
        session.busy = session.busy
          .then(async () => {
            await note(mailbox, await take(session.client, mailbox), null);
            // IDLE at once rather than after the client's idle timer: new mail comes in now.
            void session.client.idle().catch(() => undefined);
          })
          .catch(async (error: unknown) => {
            await note(mailbox, 0, error).catch(() => undefined);
            sessions.delete(orgId);
            session.client.close();
          });
      };

      const tick = async () => {
        const held = await repo.leaseMailboxes(
          db,
          options.holder,
          clock.now(),
          Math.ceil((options.intervalMs * 3) / 1000),
        );
        const heldIds = new Set(held.map((m) => m.orgId));
        for (const [orgId, session] of sessions)
          if (!heldIds.has(orgId)) {
            sessions.delete(orgId);
            await session.client.logout().catch(() => session.client.close());
          }
        for (const mailbox of held) {
          if (stopped) return;
          if (!sessions.has(mailbox.orgId)) {
            try {
              const client = await connect(mailbox);
              sessions.set(mailbox.orgId, { client, busy: Promise.resolve() });
              // New mail while IDLE: take it at once.
              client.on('exists', () => run(mailbox.orgId, mailbox));
              client.on('close', () => sessions.delete(mailbox.orgId));
            } catch (error) {
              await note(mailbox, 0, error);
              continue;
            }
          }
          run(mailbox.orgId, mailbox);
        }
      };

      let timer: NodeJS.Timeout | undefined;
      const loop = () => {
        if (stopped) return;
        tick()
          .catch((error: unknown) => logger.error({ err: error }, 'IMAP poll failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, options.intervalMs);
          });
      };
      loop();
      return {
        async stop() {
          stopped = true;
          if (timer) clearTimeout(timer);
          await Promise.all(
            [...sessions.values()].map(async (s) => {
              await s.busy.catch(() => undefined);
              await s.client.logout().catch(() => s.client.close());
            }),
          );
          sessions.clear();
          await repo.releaseMailboxes(db, options.holder);
        },
      };
    },
  };
}
