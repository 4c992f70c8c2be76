import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { escapeLike } from '../../platform/db/search.ts';
import { departmentMemberIds } from '../org/index.ts';
import type { ListComplaintsQuery, QueueSort } from './complaints.contract.ts';
import { FIELD_SEPARATOR, SECTION_SEPARATOR } from './domain/search-text.ts';

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

/** A list without a search counts this far; past it the queue gives an estimate. */
export const COUNT_CAP = 1_000;
/**
 * A search counts this far ("more than 500"), and a ranked search ranks at most this many
 * matches, the newest ones.
 */
export const SEARCH_CAP = 500;
export const RANKED_CANDIDATES = SEARCH_CAP;
/**
 * A search of words first reads the newest cases of the filter, this many at most, by the
 * created-at index. A broad search ("giao hang cham", one case in eight) finds its candidates
 * there at once; only a rarer one goes on to the trigram index, whose bitmap for a broad search
 * would cover a large part of the table. A search with a digit or an @ (a reference, a phone
 * number, an e-mail address) is never broad and goes to the index at once.
 */
export const SEARCH_WINDOW = 10_000;

export function filtersOf(db: Executor, orgId: string, q: QueueQuery) {
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
  return where;
}

// Every word must match somewhere: a substring of the stored folded text, trigram-indexed.
export const matchesAll = (terms: readonly string[]) =>
  sql<boolean>`${sql.join(
    terms.map((term) => sql`c.search_folded LIKE ${`%${escapeLike(term)}%`}`),
    sql` AND `,
  )}`;

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

type Filtered = ReturnType<typeof filtersOf>;
type Search = { terms: string[]; phrase: string };

const mayBeBroad = (search: Search) => search.terms.every((term) => !/[\d@]/.test(term));

/**
 * The newest matches of the search, at most `limit`: among the newest `SEARCH_WINDOW` cases
 * of the filter, or among all of them.
 */
function newestMatches(
  db: Executor,
  filtered: Filtered,
  search: Search,
  limit: number,
  inWindow: boolean,
) {
  const all = filtered.select(['c.id', 'c.search_folded', 'c.next_due_at', 'c.created_at']);
  const source = inWindow ? all.orderBy('c.created_at', 'desc').limit(SEARCH_WINDOW) : all;
  return db
    .selectFrom(source.as('c'))
    .selectAll()
    .where(matchesAll(search.terms))
    .orderBy('c.created_at', 'desc')
    .limit(limit);
}

/**
 * A page of a ranked search. The newest `RANKED_CANDIDATES` matches (plus one, to know there
 * are more) are ranked; a search that matches more than that ranks the newest and says "more
 * than 1,000": ranking every one of 100,000 matches costs seconds and nobody pages that far.
 */
export async function rankedPage(
  db: Executor,
  filtered: Filtered,
  search: Search,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; matches: number }> {
  const run = async (inWindow: boolean) => {
    const rows = await db
      .with(
        (cte) => cte('candidates').materialized(),
        () => newestMatches(db, filtered, search, RANKED_CANDIDATES + 1, inWindow),
      )
      // One more than are ranked is read, only to know there are more.
      .selectFrom((eb) =>
        eb
          .selectFrom('candidates')
          .selectAll()
          .orderBy('created_at', 'desc')
          .limit(RANKED_CANDIDATES)
          .as('c'),
      )
      .select(['c.id', sql<string>`(SELECT count(*) FROM candidates)`.as('matches')])
      .orderBy(relevance(search), 'desc')
      .orderBy(sql`c.next_due_at NULLS LAST`)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { ids: rows.map((r) => r.id), matches: Number(rows[0]?.matches ?? 0) };
  };
  if (!mayBeBroad(search)) return run(false);
  const recent = await run(true);
  if (recent.matches > RANKED_CANDIDATES) return recent;
  return run(false);
}

/**
 * How many cases the list has, exactly up to `COUNT_CAP`. Past it a list without a search gets
 * the planner's estimate ("about 12,000"), which costs a plan and no rows, unless the estimate
 * is below what was counted ("more than 1,000" then); a search says "more than 500", since the
 * planner cannot tell how many texts hold a word.
 */
export async function countOf(
  db: Executor,
  filtered: Filtered,
  search: Search | null,
  owner?: { mine: Filtered; nobodys: Filtered },
): Promise<{ total: number; totalIsCapped: boolean; totalIsEstimate: boolean }> {
  const countRows = async (source: ReturnType<typeof rowsOf>, cap: number) => {
    const row = await db
      .selectFrom(source.limit(cap + 1).as('capped'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const rowsOf = (inWindow: boolean, part: Filtered = filtered) => {
    const one = part.select(sql<number>`1`.as('one'));
    if (!search) return one;
    if (!inWindow) return one.where(matchesAll(search.terms));
    const window = part
      .select('c.search_folded')
      .orderBy('c.created_at', 'desc')
      .limit(SEARCH_WINDOW);
    return db
      .selectFrom(window.as('c'))
      .select(sql<number>`1`.as('one'))
      .where(matchesAll(search.terms));
  };
  if (search) {
    const recent = mayBeBroad(search) ? await countRows(rowsOf(true), SEARCH_CAP) : 0;
    const n = recent > SEARCH_CAP ? recent : await countRows(rowsOf(false), SEARCH_CAP);
    return n > SEARCH_CAP
      ? { total: SEARCH_CAP, totalIsCapped: true, totalIsEstimate: false }
      : { total: n, totalIsCapped: false, totalIsEstimate: false };
  }
  // "Mine or nobody's" is counted as its two halves, each a range of the owner index; as one
  // condition it filters the whole org's open work.
  const n = owner
    ? (
        await Promise.all(
          [owner.mine, owner.nobodys].map((part) => countRows(rowsOf(false, part), COUNT_CAP)),
        )
      ).reduce((a, b) => a + b, 0)
    : await countRows(rowsOf(false), COUNT_CAP);
  if (n <= COUNT_CAP) return { total: n, totalIsCapped: false, totalIsEstimate: false };
  const plan = rowsOf(false).compile();
  const explained = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${plan.sql}`, [...plan.parameters]),
  );
  const estimate = roundEstimate(explained.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  // An estimate the count already disproves (it saw more) is not given: "more than 1,000".
  if (estimate <= COUNT_CAP)
    return { total: COUNT_CAP, totalIsCapped: true, totalIsEstimate: false };
  return { total: estimate, totalIsCapped: false, totalIsEstimate: true };
}

/** 12,345 → 12,000: an estimate shows no more digits than it has. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
