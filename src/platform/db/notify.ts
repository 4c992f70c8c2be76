import { sql } from 'kysely';
import type { Executor } from './index.ts';

/** NOTIFY in the caller's transaction: PostgreSQL delivers it only if the transaction commits. */
export async function notify(executor: Executor, channel: string, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(executor);
}
