import { sql } from 'kysely';
import type { Tx } from './index.ts';

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

export const isForeignKeyViolation = (error: unknown): boolean => codeOf(error) === '23503';
export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === '23505';

/**
 * Runs `fn` inside a savepoint. When it throws an error that `isExpected` accepts, the work of
 * `fn` is undone, the transaction goes on, and the answer is undefined; anything else rethrows.
 */
export async function attempt<T>(
  tx: Tx,
  isExpected: (error: unknown) => boolean,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  await sql`SAVEPOINT ombud_attempt`.execute(tx);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT ombud_attempt`.execute(tx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ombud_attempt`.execute(tx);
    if (isExpected(error)) return undefined;
    throw error;
  }
}
