import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** One window of one key: what a later settlement of a counted request refers to. */
export type WindowKey = { key: string; windowStart: Date };

export type HitResult =
  | { counted: true; window: WindowKey; expiresAt: Date; now: Date }
  | { counted: false; expiresAt: Date | undefined; now: Date };

/**
 * Counts one request, in one atomic upsert on the database's clock (every process agrees on
 * it): a key without a current window opens one; otherwise the request is counted only while
 * the window has room, fewer than `max` requests let through and (when given) fewer than
 * `invalidMax` moved to the budget for refused input. A refused request changes nothing.
 */
export async function countHit(
  db: Db,
  hit: { key: string; windowMs: number; max: number; invalidMax: number | undefined },
): Promise<HitResult> {
  const length = sql`(${hit.windowMs}::bigint * interval '1 millisecond')`;
  // Milliseconds, as JavaScript holds them: the window's start is its identity when settling.
  const now = sql`date_trunc('milliseconds', now())`;
  const ended = sql`r.expires_at <= excluded.window_start`;
  const hasRoom =
    hit.invalidMax === undefined
      ? sql`r.hits < ${hit.max}`
      : sql`r.hits < ${hit.max} AND r.invalid_hits < ${hit.invalidMax}`;
  const { rows } = await sql<{
    counted: boolean;
    window_start: Date | null;
    expires_at: Date | null;
    now: Date;
  }>`
    WITH counted AS (
      INSERT INTO rate_limits AS r (key, window_start, hits, invalid_hits, expires_at)
      VALUES (${hit.key}, ${now}, 1, 0, ${now} + ${length})
      ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN ${ended} THEN excluded.window_start ELSE r.window_start END,
        hits = CASE WHEN ${ended} THEN 1 ELSE r.hits + 1 END,
        invalid_hits = CASE WHEN ${ended} THEN 0 ELSE r.invalid_hits END,
        expires_at = CASE WHEN ${ended} THEN excluded.expires_at ELSE r.expires_at END
      WHERE ${ended} OR (${hasRoom})
      RETURNING r.window_start, r.expires_at
    )
    SELECT true AS counted, window_start, expires_at, now() AS now FROM counted
    UNION ALL
    SELECT false, NULL, (SELECT expires_at FROM rate_limits WHERE key = ${hit.key}), now()
    WHERE NOT EXISTS (SELECT 1 FROM counted)
  `.execute(db);
  const row = rows[0]!;
  return row.counted && row.window_start && row.expires_at
    ? {
        counted: true,
        window: { key: hit.key, windowStart: row.window_start },
        expiresAt: row.expires_at,
        now: row.now,
      }
    : { counted: false, expiresAt: row.expires_at ?? undefined, now: row.now };
}

/** Moves a counted request from the main budget to the budget for refused input. */
export async function moveHitToInvalid(db: Db, window: WindowKey): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({
      hits: sql<number>`greatest(hits - 1, 0)`,
      invalid_hits: sql<number>`invalid_hits + 1`,
    })
    .where('key', '=', window.key)
    .where('window_start', '=', window.windowStart)
    .execute();
}

/** Deletes the rows whose window has ended (the next request of such a key opens a new one). */
export async function deleteEndedWindows(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
