import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { QueueSort } from './complaints.contract.ts';
import { complaintQuery, toComplaint, type Complaint } from './complaints.repository.ts';
import {
  countOf,
  filtersOf,
  matchesAll,
  rankedPage,
  RANKED_CANDIDATES,
  type QueueQuery,
} from './queue-search.repository.ts';

export type { OwnerFilter, QueueQuery } from './queue-search.repository.ts';

/** The words of a search folded as the stored text is (diacritics, case, đ), in order. */
export async function foldTerms(db: Executor, terms: readonly string[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const rows = await sql<{ folded: string }>`
    SELECT ombud_fold(t) AS folded FROM unnest(${[...terms]}::text[]) WITH ORDINALITY AS u (t, n)
    ORDER BY n`.execute(db);
  return rows.rows.map((r) => r.folded).filter((t) => t.length > 0);
}

export type QueuePage = {
  rows: Complaint[];
  /** Exact when neither flag is set; see `countOf`. */
  total: number;
  /** More than `total` match: counting stopped there. */
  totalIsCapped: boolean;
  /** `total` is the planner's estimate, rounded. */
  totalIsEstimate: boolean;
  /** There is a page after this one. */
  hasMore: boolean;
};

type Count = Pick<QueuePage, 'total' | 'totalIsCapped' | 'totalIsEstimate'>;
const exactly = (total: number): Count => ({ total, totalIsCapped: false, totalIsEstimate: false });
const moreThan = (total: number): Count => ({ total, totalIsCapped: true, totalIsEstimate: false });

async function listComplaintsOn(db: Executor, orgId: string, q: QueueQuery): Promise<QueuePage> {
  const filtered = filtersOf(db, orgId, q);
  const search = q.search;
  const where = search ? filtered.where(matchesAll(search.terms)) : filtered;
  const offset = (q.page - 1) * q.pageSize;

  let ids: string[];
  let count: Count | undefined;
  if (q.sort === 'relevance' && search) {
    const ranked = await rankedPage(db, filtered, search, q.pageSize + 1, offset);
    ids = ranked.ids;
    count =
      ranked.matches > RANKED_CANDIDATES ? moreThan(RANKED_CANDIDATES) : exactly(ranked.matches);
  } else {
    const order: Record<Exclude<QueueSort, 'dueAt' | 'relevance'>, [string, 'asc' | 'desc']> = {
      '-createdAt': ['c.created_at', 'desc'],
      createdAt: ['c.created_at', 'asc'],
      reference: ['c.reference', 'asc'],
      '-reference': ['c.reference', 'desc'],
      '-severity': ['severity_rank', 'desc'],
      severity: ['severity_rank', 'asc'],
      status: ['c.status', 'asc'],
    };
    const page = await where
      .select([
        'c.id',
        sql<number>`array_position(array['low','medium','high','critical'], c.severity)`.as(
          'severity_rank',
        ),
      ])
      .$call((qb) => {
        if (q.sort === 'dueAt' || q.sort === 'relevance')
          return qb.orderBy(sql`c.next_due_at NULLS LAST`).orderBy('c.id');
        const [column, direction] = order[q.sort];
        return qb
          .orderBy(sql.ref(column), direction)
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id');
      })
      .limit(q.pageSize + 1)
      .offset(offset)
      .execute();
    ids = page.map((r) => r.id);
    // The last page tells its own total; only a page with more after it, or past the end,
    // has to count.
    if (ids.length > 0 && ids.length <= q.pageSize) count = exactly(offset + ids.length);
    else if (ids.length === 0 && offset === 0) count = exactly(0);
  }
  const hasMore = ids.length > q.pageSize;
  ids = ids.slice(0, q.pageSize);
  const owner = q.owner;
  // The count and the page's cases are independent: on a pool they run side by side.
  const [counted, rows] = await Promise.all([
    count ??
      countOf(
        db,
        filtered,
        search,
        owner?.kind === 'userOrUnassigned'
          ? {
              mine: filtersOf(db, orgId, { ...q, owner: { kind: 'user', userId: owner.userId } }),
              nobodys: filtersOf(db, orgId, { ...q, owner: { kind: 'unassigned' } }),
            }
          : undefined,
      ),
    ids.length === 0 ? [] : complaintQuery(db, orgId).where('c.id', 'in', ids).execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, toComplaint(r)]));
  return {
    rows: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    ...counted,
    hasMore,
  };
}

/**
 * The queue page. A text search over many rows builds a big bitmap: with PostgreSQL's default
 * 4 MB of work memory it turns lossy and every row of its pages is rechecked, so searches get
 * more, for their own transaction only.
 */
export async function listComplaints(
  db: Executor,
  orgId: string,
  q: QueueQuery,
): Promise<QueuePage> {
  if (!q.search) return listComplaintsOn(db, orgId, q);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    return listComplaintsOn(tx, orgId, q);
  });
}
