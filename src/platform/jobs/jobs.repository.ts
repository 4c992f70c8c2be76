import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

export type JobRow = {
  orgId: string | null;
  kind: string;
  version: number;
  payload: Record<string, unknown>;
  runAt: Date;
  dedupeKey: string | null;
  coalesceKey: string | null;
  maxAttempts: number;
  priority: number;
};

export type ClaimedJob = {
  id: string;
  orgId: string | null;
  kind: string;
  version: number;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

/** Writes jobs in the caller's transaction; a key already taken makes that job a no-op. */
export async function insertJobs(tx: Tx, rows: JobRow[]): Promise<void> {
  for (const write of jobWrites(tx, rows)) await write.execute();
}

/** The statements that write these jobs (at most two), built but not sent. */
export function jobWrites(tx: Tx, rows: JobRow[]) {
  const once = rows.filter((r) => r.coalesceKey === null);
  const coalescing = rows.filter((r) => r.coalesceKey !== null);
  const values = (list: JobRow[]) =>
    list.map((r) => ({
      org_id: r.orgId,
      kind: r.kind,
      version: r.version,
      payload: JSON.stringify(r.payload),
      dedupe_key: r.dedupeKey,
      coalesce_key: r.coalesceKey,
      run_at: r.runAt,
      max_attempts: r.maxAttempts,
      priority: r.priority,
      locked_by: null,
      locked_until: null,
      last_error: null,
      finished_at: null,
    }));
  const writes = [];
  if (once.length > 0)
    writes.push(
      tx
        .insertInto('jobs')
        .values(values(once))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'kind', 'dedupe_key'])
            .where('dedupe_key', 'is not', null)
            .doNothing(),
        ),
    );
  if (coalescing.length > 0)
    writes.push(
      tx
        .insertInto('jobs')
        .values(values(coalescing))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'kind', 'coalesce_key'])
            .where('coalesce_key', 'is not', null)
            .where('status', '=', 'pending')
            .doNothing(),
        ),
    );
  return writes;
}

/**
 * Claims ready jobs. SKIP LOCKED lets any number of workers claim side by side; the lease
 * brings back a job whose worker died mid-run.
 */
export async function claimJobs(
  db: Db,
  claim: { workerId: string; now: Date; leaseMs: number; limit: number; orgIds: string[] | null },
): Promise<ClaimedJob[]> {
  const rows = await sql<{
    id: string;
    org_id: string | null;
    kind: string;
    version: number;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>`
    WITH claimed AS (
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${claim.workerId},
        locked_until = ${new Date(claim.now.getTime() + claim.leaseMs)}
      WHERE id IN (
        SELECT id FROM jobs
        WHERE ((status = 'pending' AND run_at <= ${claim.now})
           OR (status = 'running' AND locked_until < ${claim.now}))
          AND (${claim.orgIds}::uuid[] IS NULL OR org_id = ANY(${claim.orgIds}::uuid[]))
        ORDER BY priority, run_at
        LIMIT ${claim.limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, org_id, kind, version, payload, attempts, max_attempts, priority, run_at)
    -- The batch runs in this order too (RETURNING has none): a job that waits behind others,
    -- such as the mail of a group of notices, runs after those claimed with it.
    SELECT id, org_id, kind, version, payload, attempts, max_attempts FROM claimed
    ORDER BY priority, run_at, id`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    version: r.version,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Keeps this worker's running jobs leased while it works through them. */
export async function extendLeases(
  db: Db,
  workerId: string,
  ids: readonly string[],
  until: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ locked_until: until })
    .where('id', 'in', [...ids])
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

export async function markDone(db: Db, id: string, workerId: string, at: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: at, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function markDead(
  db: Db,
  id: string,
  workerId: string,
  at: Date,
  reason: string,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'dead', finished_at: at, locked_until: null, last_error: reason.slice(0, 2000) })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Puts a failed job back for a later attempt. */
export async function markForRetry(
  db: Db,
  id: string,
  workerId: string,
  retryAt: Date,
  error: string,
): Promise<void> {
  try {
    await db
      .updateTable('jobs')
      .set({
        status: 'pending',
        run_at: retryAt,
        locked_until: null,
        last_error: error.slice(0, 2000),
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute();
  } catch (failure) {
    // A coalescing job whose key was queued again while it ran: the newer job does the work.
    if (!isUniqueViolation(failure)) throw failure;
    await db
      .updateTable('jobs')
      .set({
        status: 'done',
        finished_at: retryAt,
        locked_until: null,
        last_error: `superseded by a newer job after: ${error}`.slice(0, 2000),
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute();
  }
}

/**
 * Seeded history is not news: pending jobs of an org that are of the given kinds, or whose time
 * has passed, count as done without running.
 */
export async function retirePendingJobs(
  tx: Tx,
  orgId: string,
  filter: { names: readonly string[]; runBefore: Date; at: Date },
): Promise<void> {
  await tx
    .updateTable('jobs')
    .set({ status: 'done', finished_at: filter.at })
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        ...(filter.names.length > 0 ? [eb('kind', 'in', [...filter.names])] : []),
        eb('run_at', '<', filter.runBefore),
      ]),
    )
    .execute();
}
