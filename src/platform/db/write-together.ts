import { sql, type OperationNodeSource } from 'kysely';
import type { Tx } from './index.ts';

/** A statement built by its owner's repository and not yet sent: an INSERT, UPDATE or DELETE. */
export type PendingWrite = OperationNodeSource;

/**
 * Sends several writes as one statement, each a data-modifying WITH query: one round trip
 * instead of one per write. They see the same snapshot and none sees another's rows, so they
 * must not depend on each other's results; foreign keys between them are checked at the end of
 * the statement, as for separate statements in one transaction. The repository that owns each
 * table still builds its own SQL.
 */
export async function writeTogether(tx: Tx, writes: readonly PendingWrite[]): Promise<void> {
  if (writes.length === 0) return;
  type Chain = {
    with(name: string, expression: () => PendingWrite): Chain;
    selectNoFrom(selections: unknown[]): { execute(): Promise<unknown> };
  };
  let chain = tx as unknown as Chain;
  writes.forEach((write, i) => {
    chain = chain.with(`write_${i}`, () => write);
  });
  await chain.selectNoFrom([sql<number>`1`.as('done')]).execute();
}
