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

/** One LISTEN connection per process, fanned out to the open event streams. */
export function createLiveHub(connectionString: string, logger: Logger): LiveHub {
  const listeners = new Set<{
    filter: (e: LiveEvent) => boolean;
    listener: (e: LiveEvent) => void;
  }>();
  let client: pg.Client | undefined;
  let closed = false;
  let connecting: Promise<void> | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: 'ombud-live' });
    c.on('notification', (message) => {
      if (!message.payload) return;
      try {
        const event = JSON.parse(message.payload) as LiveEvent;
        for (const l of listeners) if (l.filter(event)) l.listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'bad live event');
      }
    });
    c.on('error', (error) => {
      logger.warn({ err: error }, 'live connection lost; reconnecting');
      client = undefined;
      connecting = undefined;
      if (!closed) setTimeout(() => void ensure(), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  };
  const ensure = (): Promise<void> => {
    if (client || closed) return Promise.resolve();
    connecting ??= connect().catch((error: unknown) => {
      connecting = undefined;
      logger.warn({ err: error }, 'live connection failed');
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
      await client?.end().catch(() => undefined);
    },
  };
}
