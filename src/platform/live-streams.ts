import { createHash, randomUUID } from 'node:crypto';
import type { Db } from './db/index.ts';
import type { Logger } from './logger.ts';
import * as repo from './live-streams.repository.ts';

/** One open stream's place in its session's budget. */
export type LiveStreamSlot = {
  /** Gives the slot up; idempotent. */
  release(): void;
};

export type LiveStreamSlots = {
  maxPerSession: number;
  /**
   * A slot for one more stream of this session, or undefined when its budget is spent. `end`
   * ends the stream when the process shuts down.
   */
  open(session: string, end: () => void): Promise<LiveStreamSlot | undefined>;
  /** Ends every stream this process holds and gives up their slots (on shutdown). */
  releaseAll(): Promise<void>;
};

const LEASE_MS = 90_000;
const RENEW_EVERY_MS = 30_000;

/**
 * The budget of open live-update streams per session, counted in PostgreSQL so that it holds
 * across every app process. A slot is a row with a lease this process renews while the stream
 * is open; a crashed process's rows stop counting when their lease runs out (90 s).
 */
export function createLiveStreamSlots(deps: {
  db: Db;
  logger: Logger;
  maxPerSession: number;
}): LiveStreamSlots {
  const { db, logger } = deps;
  const held = new Map<string, () => void>();
  const warn = (what: string) => (error: unknown) =>
    logger.warn({ err: error }, `live stream slots: ${what} failed`);

  let renewal: NodeJS.Timeout | undefined;
  const renewHeld = () => {
    if (held.size === 0) {
      clearInterval(renewal);
      renewal = undefined;
      return;
    }
    repo.renewStreams(db, [...held.keys()], LEASE_MS).catch(warn('renewal'));
    repo.deleteExpiredStreams(db).catch(warn('sweep'));
  };

  return {
    maxPerSession: deps.maxPerSession,

    async open(session, end) {
      // The session's identity stays out of the table: only a hash of it is stored.
      const holder = createHash('sha256').update(`live|${session}`).digest('hex');
      const id = randomUUID();
      const opened = await repo.openStreamIfRoom(db, {
        id,
        holder,
        max: deps.maxPerSession,
        leaseMs: LEASE_MS,
      });
      if (!opened) return undefined;
      held.set(id, end);
      if (!renewal) {
        renewal = setInterval(renewHeld, RENEW_EVERY_MS);
        renewal.unref();
      }
      return {
        release() {
          if (!held.delete(id)) return;
          repo.closeStreams(db, [id]).catch(warn('release'));
        },
      };
    },

    async releaseAll() {
      clearInterval(renewal);
      renewal = undefined;
      const streams = [...held];
      held.clear();
      for (const [, end] of streams) end();
      await repo
        .closeStreams(
          db,
          streams.map(([id]) => id),
        )
        .catch(warn('release'));
    },
  };
}
