import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { customerNameOf } from '../customers/index.ts';

/** A case as step 8's suggestions compare it with another (see modules/suggestions). */
export type SimilarCase = {
  id: string;
  reference: string;
  receivedAt: Date;
  status: string;
  customerId: string;
  customerName: string | null;
  reasonId: string | null;
  productRef: string | null;
  orderRef: string | null;
  /** The start of the description. */
  excerpt: string;
  /** Trigram similarity of the similarity keys, 0–1, when found by text. */
  score: number | null;
};

/** A case that suggestions are asked for: what it is compared by. */
export type SimilarSubject = {
  id: string;
  customerId: string;
  reasonId: string | null;
  productRef: string | null;
  orderRef: string | null;
  receivedAt: Date;
  /** The part of the description the key is made of. */
  description: string;
  similarKey: string;
};

const EXCERPT_CHARS = 160;

const caseColumns = () =>
  [
    'c.id',
    'c.reference',
    'c.created_at',
    'c.status',
    'c.customer_id',
    'c.reason_id',
    'c.product_ref',
    'c.order_ref',
    sql<string>`left(c.description, ${EXCERPT_CHARS})`.as('excerpt'),
    customerNameOf(sql.ref('c.org_id'), sql.ref('c.customer_id')).as('customer_name'),
  ] as const;

type CaseRow = {
  id: string;
  reference: string;
  created_at: Date;
  status: string;
  customer_id: string;
  reason_id: string | null;
  product_ref: string | null;
  order_ref: string | null;
  excerpt: string;
  customer_name: string | null;
};

const toCase = (r: CaseRow, score: number | null): SimilarCase => ({
  id: r.id,
  reference: r.reference,
  receivedAt: new Date(r.created_at),
  status: r.status,
  customerId: r.customer_id,
  customerName: r.customer_name,
  reasonId: r.reason_id,
  productRef: r.product_ref,
  orderRef: r.order_ref,
  excerpt: r.excerpt,
  score,
});

/** One case of the org as suggestions compare it; another org's case is undefined. */
export async function similarSubjectOf(
  executor: Executor,
  orgId: string,
  id: string,
): Promise<SimilarSubject | undefined> {
  const r = await executor
    .selectFrom('complaints')
    .select([
      'id',
      'customer_id',
      'reason_id',
      'product_ref',
      'order_ref',
      'created_at',
      'similar_key',
      sql<string>`left(description, 2000)`.as('description'),
    ])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        customerId: r.customer_id,
        reasonId: r.reason_id,
        productRef: r.product_ref,
        orderRef: r.order_ref,
        receivedAt: new Date(r.created_at),
        description: r.description,
        similarKey: r.similar_key,
      }
    : undefined;
}

/** The similarity key of text that is not stored yet (a draft on the intake page). */
export async function similarKeyOf(executor: Executor, description: string): Promise<string> {
  const { rows } = await sql<{
    key: string | null;
  }>`SELECT ombud_similar_key(${description}) AS key`.execute(executor);
  return rows[0]?.key ?? '';
}

/** One customer's cases received in a window, newest first (the candidates for a repeat). */
export async function casesOfCustomer(
  executor: Executor,
  orgId: string,
  q: { customerIds: readonly string[]; from: Date; to: Date; excludeId?: string; limit: number },
): Promise<SimilarCase[]> {
  if (q.customerIds.length === 0) return [];
  let query = executor
    .selectFrom('complaints as c')
    .select(caseColumns())
    .where('c.org_id', '=', orgId)
    .where('c.customer_id', 'in', [...q.customerIds])
    .where('c.created_at', '>=', q.from)
    .where('c.created_at', '<=', q.to);
  if (q.excludeId) query = query.where('c.id', '<>', q.excludeId);
  const rows = await query.orderBy('c.created_at', 'desc').limit(q.limit).execute();
  return rows.map((r) => toCase(r, null));
}

/** How many of the newest cases of each shared band are ranked (migration 0016). */
const PER_BAND = 20;

/**
 * The org's cases whose similarity key is at least `threshold` like `key` (pg_trgm's
 * similarity), received since `from`, most similar first. The candidates are the newest cases
 * that share a band of the key's MinHash sketch, read from an index a few per band, so the
 * work stays the same however many cases the org has.
 */
export async function casesWithSimilarText(
  executor: Executor,
  orgId: string,
  q: { key: string; threshold: number; from: Date; excludeIds: readonly string[]; limit: number },
): Promise<SimilarCase[]> {
  if (q.key.trim() === '') return [];
  const candidates = sql<{ id: string }>`(
    SELECT DISTINCT b.complaint_id AS id
      FROM unnest(ombud_similar_bands(${q.key})) AS q(band)
      CROSS JOIN LATERAL (
        SELECT s.complaint_id FROM complaint_similar_bands AS s
         WHERE s.org_id = ${orgId} AND s.band = q.band AND s.created_at >= ${q.from}
         ORDER BY s.created_at DESC
         LIMIT ${PER_BAND}) AS b)`;
  let query = executor
    .selectFrom(candidates.as('k'))
    .innerJoin('complaints as c', (join) =>
      join.onRef('c.id', '=', 'k.id').on('c.org_id', '=', orgId),
    )
    .select(caseColumns())
    .select(sql<number>`similarity(c.similar_key, ${q.key})`.as('score'))
    .where(sql<boolean>`similarity(c.similar_key, ${q.key}) >= ${q.threshold}`);
  if (q.excludeIds.length > 0) query = query.where('c.id', 'not in', [...q.excludeIds]);
  const rows = await query
    .orderBy('score', 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => toCase(r, Number(r.score)));
}
