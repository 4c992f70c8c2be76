import { sql, type OperationNodeSource, type RawBuilder } from 'kysely';
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
  await writeTogetherAfter(tx, undefined, writes, sql<number>`1`);
}

/**
 * {@link writeTogether} after a first data-modifying query (`lead`, with RETURNING) whose output
 * the writes read by its name, as `(SELECT … FROM name)`; answers `result`, an expression over it.
 * For a value that must be taken last, such as a counter whose row stays locked until commit.
 */
export async function writeTogetherAfter<T>(
  tx: Tx,
  lead: { name: string; query: PendingWrite } | undefined,
  writes: readonly PendingWrite[],
  result: RawBuilder<T>,
): Promise<T> {
  type Chain = {
    with(name: string, expression: () => PendingWrite): Chain;
    selectNoFrom(selections: unknown[]): { executeTakeFirstOrThrow(): Promise<{ result: T }> };
  };
  let chain = tx as unknown as Chain;
  if (lead) chain = chain.with(lead.name, () => lead.query);
  writes.forEach((write, i) => {
    chain = chain.with(`write_${i}`, () => write);
  });
  return (await chain.selectNoFrom([result.as('result')]).executeTakeFirstOrThrow()).result;
}
