import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
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

/**
 * The org's cases whose similarity key is at least `threshold` like `key` (pg_trgm), received
 * since `from`, nearest first (`<->` is 1 − similarity), which the GiST index answers without
 * listing every match. The threshold is set for this transaction only, so that the `%`
 * operator applies it inside the same index scan.
 */
export async function casesWithSimilarText(
  tx: Tx,
  orgId: string,
  q: { key: string; threshold: number; from: Date; excludeIds: readonly string[]; limit: number },
): Promise<SimilarCase[]> {
  if (q.key.trim() === '') return [];
  await sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(q.threshold)}, true)`.execute(
    tx,
  );
  let query = tx
    .selectFrom('complaints as c')
    .select(caseColumns())
    .select(sql<number>`similarity(c.similar_key, ${q.key})`.as('score'))
    .where(sql<boolean>`c.similar_key % ${q.key}`)
    .where('c.org_id', '=', orgId)
    .where('c.created_at', '>=', q.from);
  if (q.excludeIds.length > 0) query = query.where('c.id', 'not in', [...q.excludeIds]);
  const rows = await query
    .orderBy(sql`c.similar_key <-> ${q.key}`)
    .orderBy('c.created_at', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => toCase(r, Number(r.score)));
}
