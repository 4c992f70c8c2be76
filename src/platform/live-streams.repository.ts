import { sql } from 'kysely';
import type { Db } from './db/index.ts';

// Advisory locks of this class serialise the opening of streams per holder; the two-key form
// never meets the one-key locks (migrations).
const OPEN_LOCK_CLASS = 4_242_002;

/**
 * Records an open stream for `holder` if fewer than `max` of its streams are open (rows whose
 * lease ran out do not count, and are removed). The holder's advisory lock makes the count and
 * the insert one step across every process; the insert sees what others committed before it.
 */
export async function openStreamIfRoom(
  db: Db,
  stream: { id: string; holder: string; max: number; leaseMs: number },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${OPEN_LOCK_CLASS}, hashtext(${stream.holder}))`.execute(
      tx,
    );
    await tx
      .deleteFrom('live_streams')
      .where('holder', '=', stream.holder)
      .where('expires_at', '<=', sql<Date>`now()`)
      .execute();
    const { open } = await tx
      .selectFrom('live_streams')
      .select((eb) => eb.fn.countAll<string>().as('open'))
      .where('holder', '=', stream.holder)
      .executeTakeFirstOrThrow();
    if (Number(open) >= stream.max) return false;
    await tx
      .insertInto('live_streams')
      .values({
        id: stream.id,
        holder: stream.holder,
        expires_at: sql<Date>`now() + ${stream.leaseMs}::bigint * interval '1 millisecond'`,
      })
      .execute();
    return true;
  });
}

export async function renewStreams(db: Db, ids: string[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('live_streams')
    .set({ expires_at: sql<Date>`now() + ${leaseMs}::bigint * interval '1 millisecond'` })
    .where('id', 'in', ids)
    .execute();
}

export async function closeStreams(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('live_streams').where('id', 'in', ids).execute();
}

/** Removes the rows of streams whose process went away without closing them. */
export async function deleteExpiredStreams(db: Db): Promise<void> {
  await db
    .deleteFrom('live_streams')
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute();
}
