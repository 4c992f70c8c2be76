import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { escapeLike } from '../../platform/db/search.ts';
import { departmentMemberIds } from '../org/index.ts';
import type { ListComplaintsQuery, QueueSort } from './complaints.contract.ts';
import { complaintQuery, toComplaint, type Complaint } from './complaints.repository.ts';
import { FIELD_SEPARATOR, SECTION_SEPARATOR } from './domain/search-text.ts';

/** The largest total a list counts exactly. */
export const TOTAL_CAP = 10_000;

/** Whose cases: one person's, nobody's, or both (an agent's own work and what nobody took). */
export type OwnerFilter =
  | { kind: 'user'; userId: string }
  | { kind: 'unassigned' }
  | { kind: 'userOrUnassigned'; userId: string };

export type QueueQuery = Omit<ListComplaintsQuery, 'sort' | 'scope' | 'ownerId'> & {
  sort: QueueSort;
  owner: OwnerFilter | undefined;
  /** The search, already folded by the database (see `foldTerms`). */
  search: { terms: string[]; phrase: string } | null;
  endOfToday: Date;
};

/** The words of a search folded as the stored text is (diacritics, case, đ), in order. */
export async function foldTerms(db: Executor, terms: readonly string[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const rows = await sql<{ folded: string }>`
    SELECT ombud_fold(t) AS folded FROM unnest(${[...terms]}::text[]) WITH ORDINALITY AS u (t, n)
    ORDER BY n`.execute(db);
  return rows.rows.map((r) => r.folded).filter((t) => t.length > 0);
}

// Word boundaries only mean something for letters and digits PostgreSQL's regular expressions
// see as word characters (ASCII here); Chinese and other scripts score by substring.
const isWordy = (term: string) => /^[a-z0-9]/.test(term) && /^[\x20-\x7e]+$/.test(term);
const regexEscape = (term: string) => term.replace(/[^a-z0-9]/g, '\\$&');

/**
 * How well a complaint matches the search, highest first: the whole search equal to one of
 * the case's identifiers (reference, the customer's name, phone, e-mail, external id, an order
 * or product) 1000; per word, a word of the identifiers starting with it 100, a whole word of
 * the reason or task type names 10 (5 as a word start), a whole word of what happened 2 (1
 * as a word start). So a customer named "Nhung" comes before the cases that merely say
 * "nhưng" ("but"), and a reference typed in full comes first of all.
 */
function relevance(search: { terms: string[]; phrase: string }): RawBuilder<number> {
  const [identity, labels, content] = [sql`s.identity`, sql`s.labels`, sql`s.content`];
  // A regular expression costs more than a substring test, so it runs only where the word is.
  const has = (term: string, section: RawBuilder<unknown>) =>
    sql`position(${term} IN ${section}) > 0`;
  const exact = sql`CASE WHEN position(${FIELD_SEPARATOR + search.phrase + FIELD_SEPARATOR} IN ${FIELD_SEPARATOR} || ${identity} || ${FIELD_SEPARATOR}) > 0 THEN 1000 ELSE 0 END`;
  const perTerm = search.terms.map((term) => {
    if (!isWordy(term))
      return sql`(CASE WHEN ${has(term, identity)} THEN 100 ELSE 0 END
        + CASE WHEN ${has(term, labels)} THEN 10 ELSE 0 END
        + CASE WHEN ${has(term, content)} THEN 2 ELSE 0 END)`;
    const start = `\\m${regexEscape(term)}`;
    const word = `${start}\\M`;
    return sql`(CASE WHEN NOT ${has(term, identity)} THEN 0 WHEN ${identity} ~ ${start} THEN 100 ELSE 0 END
      + CASE WHEN NOT ${has(term, labels)} THEN 0 WHEN ${labels} ~ ${word} THEN 10 WHEN ${labels} ~ ${start} THEN 5 ELSE 0 END
      + CASE WHEN NOT ${has(term, content)} THEN 0 WHEN ${content} ~ ${word} THEN 2 WHEN ${content} ~ ${start} THEN 1 ELSE 0 END)`;
  });
  // The row's sections are split once (OFFSET 0 keeps the planner from inlining them back
  // into every use), not once per word and section.
  const section = (n: number) => sql`split_part(c.search_folded, ${SECTION_SEPARATOR}, ${n})`;
  return sql<number>`(SELECT ${sql.join([exact, ...perTerm], sql` + `)}
    FROM (SELECT ${section(1)} AS identity, ${section(2)} AS labels, ${section(3)} AS content OFFSET 0) AS s)`;
}

async function listComplaintsOn(
  db: Executor,
  orgId: string,
  q: QueueQuery,
): Promise<{ rows: Complaint[]; total: number; totalIsCapped: boolean }> {
  let where = db.selectFrom('complaints as c').where('c.org_id', '=', orgId);
  const owner = q.owner;
  if (owner?.kind === 'user') where = where.where('c.owner_id', '=', owner.userId);
  if (owner?.kind === 'unassigned') where = where.where('c.owner_id', 'is', null);
  if (owner?.kind === 'userOrUnassigned')
    where = where.where((eb) =>
      eb.or([eb('c.owner_id', '=', owner.userId), eb('c.owner_id', 'is', null)]),
    );
  if (q.status) where = where.where('c.status', '=', q.status);
  if (q.reasonId) where = where.where('c.reason_id', '=', q.reasonId);
  if (q.channel) where = where.where('c.channel', '=', q.channel);
  if (q.departmentId) {
    const departmentId = q.departmentId;
    where = where.where((eb) =>
      eb.or([
        eb('c.owner_id', 'in', departmentMemberIds(orgId, departmentId)),
        eb('c.committed_department_id', '=', departmentId),
      ]),
    );
  }
  if (q.due === 'breached') where = where.where('c.is_breached', '=', true);
  if (q.due === 'today') where = where.where('c.next_due_at', '<', q.endOfToday);
  if (q.due === 'waiting') where = where.where('c.status', '=', 'waiting_customer');
  // The work queue by due time lists open work only, which its partial index covers.
  if (q.sort === 'dueAt') where = where.where('c.status', 'not in', ['closed', 'cancelled']);
  // Every word must match somewhere: a substring of the stored folded text, trigram-indexed.
  for (const term of q.search?.terms ?? []) {
    where = where.where(sql<boolean>`c.search_folded LIKE ${`%${escapeLike(term)}%`}`);
  }
  // Counting every match of a broad queue costs more than the page itself; past the cap the
  // screen says "10,000+".
  const totalRow = await db
    .selectFrom(
      where
        .select(sql<number>`1`.as('one'))
        .limit(TOTAL_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const counted = Number(totalRow.n);
  const total = Math.min(counted, TOTAL_CAP);
  const totalIsCapped = counted > TOTAL_CAP;

  const order: Record<Exclude<QueueSort, 'dueAt' | 'relevance'>, [string, 'asc' | 'desc']> = {
    '-createdAt': ['c.created_at', 'desc'],
    createdAt: ['c.created_at', 'asc'],
    reference: ['c.reference', 'asc'],
    '-reference': ['c.reference', 'desc'],
    '-severity': ['severity_rank', 'desc'],
    severity: ['severity_rank', 'asc'],
    status: ['c.status', 'asc'],
  };
  const search = q.search;
  const ids = await where
    .select([
      'c.id',
      sql<number>`array_position(array['low','medium','high','critical'], c.severity)`.as(
        'severity_rank',
      ),
    ])
    .$call((qb) => {
      if (q.sort === 'relevance' && search)
        return qb
          .orderBy(relevance(search), 'desc')
          .orderBy(sql`c.next_due_at NULLS LAST`)
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id');
      if (q.sort === 'dueAt' || q.sort === 'relevance')
        return qb.orderBy(sql`c.next_due_at NULLS LAST`).orderBy('c.id');
      const [column, direction] = order[q.sort];
      return qb.orderBy(sql.ref(column), direction).orderBy('c.created_at', 'desc').orderBy('c.id');
    })
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  if (ids.length === 0) return { rows: [], total, totalIsCapped };
  const rows = await complaintQuery(db, orgId)
    .where(
      'c.id',
      'in',
      ids.map((i) => i.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toComplaint(r)]));
  return {
    rows: ids.flatMap((i) => (byId.has(i.id) ? [byId.get(i.id)!] : [])),
    total,
    totalIsCapped,
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
): ReturnType<typeof listComplaintsOn> {
  if (!q.search) return listComplaintsOn(db, orgId, q);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    return listComplaintsOn(tx, orgId, q);
  });
}
