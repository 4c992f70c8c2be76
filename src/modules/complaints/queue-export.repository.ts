import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { departmentNameOf } from '../org/index.ts';
import { complaintQuery, toComplaint, type Complaint } from './complaints.repository.ts';
import { filtersOf, matchesAll, type QueueQuery } from './queue-search.repository.ts';

export type ExportedComplaint = Complaint & { committedDepartmentName: string | null };

/**
 * Every case the filtered queue holds (a search: every match, not the ranked first page), newest
 * first, in batches read by keyset on (created_at, id): each batch is one indexed range, so
 * the millionth row costs what the first does and only one batch is in memory at a time.
 */
export async function* queueExportBatches(
  db: Executor,
  orgId: string,
  q: QueueQuery,
  batchSize = 2000,
): AsyncGenerator<ExportedComplaint[]> {
  type Cursor = { createdAt: Date; id: string };
  let after: Cursor | null = null;
  for (;;) {
    const filtered = filtersOf(db, orgId, q);
    const matching = q.search ? filtered.where(matchesAll(q.search.terms)) : filtered;
    const cursor: Cursor | null = after;
    const page: { id: string; created_at: Date }[] = await matching
      .select(['c.id', 'c.created_at'])
      .$call((qb): typeof qb =>
        cursor
          ? qb
              // The first bound is a range of the (org, created_at) index; the second breaks ties.
              .where('c.created_at', '<=', cursor.createdAt)
              .where(sql<boolean>`(c.created_at, c.id) < (${cursor.createdAt}, ${cursor.id})`)
          : qb,
      )
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(batchSize)
      .execute();
    if (page.length === 0) return;
    const ids = page.map((r) => r.id);
    const rows = await complaintQuery(db, orgId)
      .select((eb) =>
        departmentNameOf(eb.ref('c.org_id'), eb.ref('c.committed_department_id')).as(
          'committed_department_name',
        ),
      )
      .where('c.id', 'in', ids)
      .execute();
    const byId = new Map(
      rows.map((r) => [
        r.id,
        { ...toComplaint(r), committedDepartmentName: r.committed_department_name ?? null },
      ]),
    );
    yield ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    if (page.length < batchSize) return;
    const last: { id: string; created_at: Date } = page[page.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}
