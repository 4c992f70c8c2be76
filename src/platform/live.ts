import pg from 'pg';
import type { Executor } from './db/index.ts';
import { notify } from './db/notify.ts';
import type { Logger } from './logger.ts';

/** Something that happened which open screens should see at once (SSE). */
export type LiveEvent = {
  orgId: string;
  topic: 'notice' | 'deadline_request' | 'complaint';
  /** Who should get it: a user, the members of a department, or anyone watching a complaint. */
  userIds?: string[];
  departmentId?: string;
  complaintId?: string;
  payload: Record<string, unknown>;
};

const CHANNEL = 'ombud_live';

/**
 * Publishes in the caller's transaction: PostgreSQL delivers a NOTIFY only on commit, so
 * nobody hears of a change that rolled back, and every server process hears it.
 */
export async function publishLive(executor: Executor, event: LiveEvent): Promise<void> {
  const text = JSON.stringify(event);
  // NOTIFY payloads are limited to 8000 bytes; big payloads carry ids only.
  const payload =
    text.length < 7900 ? text : JSON.stringify({ ...event, payload: { truncated: true } });
  await notify(executor, CHANNEL, payload);
}

export type LiveHub = {
  /** Resolves once the process is listening, so nothing published after it is missed. */
  subscribe(
    filter: (event: LiveEvent) => boolean,
    listener: (event: LiveEvent) => void,
  ): Promise<() => void>;
  close(): Promise<void>;
};

/** Waits between reconnection attempts: doubling from a quarter second, at most ten seconds. */
const reconnectDelayMs = (attempt: number): number =>
  Math.min(10_000, 250 * 2 ** Math.max(0, attempt));

/**
 * One LISTEN connection per process, fanned out to the open event streams. When the database
 * drops it (a restart, a failover, pg_terminate_backend) it reconnects with backoff for as long
 * as anyone listens, and LISTENs again; what was published while it was away is not replayed.
 */
export function createLiveHub(connectionString: string, logger: Logger): LiveHub {
  const listeners = new Set<{
    filter: (e: LiveEvent) => boolean;
    listener: (e: LiveEvent) => void;
  }>();
  let client: pg.Client | undefined;
  let closed = false;
  let connecting: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const scheduleReconnect = (): void => {
    if (closed || retryTimer || listeners.size === 0) return;
    const delay = reconnectDelayMs(failures);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void ensure();
    }, delay);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString,
      application_name: 'ombud-live',
      keepAlive: true,
    });
    let isLost = false;
    const lost = (error?: Error): void => {
      if (isLost) return;
      isLost = true;
      if (client !== c) return;
      client = undefined;
      if (closed) return;
      logger.warn({ reason: error?.message }, 'live connection lost');
      scheduleReconnect();
    };
    c.on('notification', (message) => {
      if (!message.payload) return;
      try {
        const event = JSON.parse(message.payload) as LiveEvent;
        for (const l of listeners) if (l.filter(event)) l.listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'bad live event');
      }
    });
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      isLost = true;
      await c.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    if (failures > 0) logger.info({ attempts: failures }, 'live connection restored');
    failures = 0;
    client = c;
  };

  const ensure = (): Promise<void> => {
    if (client || closed) return Promise.resolve();
    connecting ??= connect()
      .catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message }, 'live connection failed');
        scheduleReconnect();
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  return {
    async subscribe(filter, listener) {
      const entry = { filter, listener };
      listeners.add(entry);
      await ensure();
      return () => {
        listeners.delete(entry);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      if (retryTimer) clearTimeout(retryTimer);
      await connecting;
      await client?.end().catch(() => undefined);
    },
  };
}
