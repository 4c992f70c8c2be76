import type { Clock } from '../clock.ts';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import * as repo from './rate-limit.repository.ts';

/** A route's budget per client address. */
export type RateLimit = {
  /** Requests let through per window. */
  max: number;
  windowMs: number;
  /**
   * When set, a request answered 400, 413 or 415 (refused input: a mistyped field, a file too
   * large or of a refused type) counts against this budget instead of `max`, so a customer who
   * corrects the form is not locked out of sending it.
   */
  invalidMax?: number;
};

/** A request that was counted: what `settle` needs to move it to the refused-input budget. */
export type Admission = repo.WindowKey & { invalidMax: number | undefined };

export type RateLimiter = {
  /** Counts a hit on `key`; `admission` is undefined when the budget is spent. */
  hit(
    key: string,
    limit: RateLimit,
  ): Promise<{ admission: Admission | undefined; retryAfterSeconds: number }>;
  /** Called with the status of the answer: refused input moves the hit to its own budget. */
  settle(admission: Admission, statusCode: number): Promise<void>;
};

const SWEEP_EVERY_MS = 60_000;
/** Answers that refuse what the client sent, as opposed to doing what it asked. */
const REFUSED_INPUT = new Set([400, 413, 415]);

/**
 * Fixed windows counted in PostgreSQL, so that every app process enforces one limit and a
 * restart does not reset it. A key's window opens with its first request; a hit is one upsert.
 * Ended windows are deleted at most once a minute per process, off the request's path.
 */
export function createRateLimiter(deps: { db: Db; clock: Clock; logger: Logger }): RateLimiter {
  const { db, clock, logger } = deps;
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  const sweep = () => {
    const nowMs = clock.now().getTime();
    if (nowMs - lastSweepMs < SWEEP_EVERY_MS) return;
    lastSweepMs = nowMs;
    repo
      .deleteEndedWindows(db)
      .catch((error: unknown) => logger.warn({ err: error }, 'rate-limit sweep failed'));
  };

  return {
    async hit(key, limit) {
      sweep();
      const result = await repo.countHit(db, {
        key,
        windowMs: limit.windowMs,
        max: limit.max,
        invalidMax: limit.invalidMax,
      });
      if (result.counted)
        return {
          admission: { ...result.window, invalidMax: limit.invalidMax },
          retryAfterSeconds: 0,
        };
      const leftMs = result.expiresAt
        ? result.expiresAt.getTime() - result.now.getTime()
        : limit.windowMs;
      return { admission: undefined, retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)) };
    },

    async settle(admission, statusCode) {
      if (admission.invalidMax === undefined || !REFUSED_INPUT.has(statusCode)) return;
      await repo.moveHitToInvalid(db, admission);
    },
  };
}
