import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { reasonNamesOf } from '../reasons/index.ts';

/** What a complaint's search text is built from, besides its customer. */
export type SearchRow = {
  id: string;
  reference: string;
  description: string;
  productRef: string | null;
  orderRef: string | null;
  askText: string | null;
  customerId: string;
  reasonNames: string[];
  taskTypeNames: string[];
};

export type SearchFacts = {
  whatHappened: string;
  askText: string;
  productRef: string | null;
  orderRef: string | null;
};

/** The sources other modules file a complaint under (see `complaints.search_names`). */
export type SearchNameSource = 'taskTypes';

/** Locks the rows in id order, so batches and single-case changes never deadlock. */
export async function lockForSearch(tx: Tx, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .selectFrom('complaints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function loadSearchRows(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<SearchRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.description',
      'c.product_ref',
      'c.order_ref',
      'c.ask_text',
      'c.customer_id',
      'c.search_names',
      reasonNamesOf(eb.ref('c.org_id'), eb.ref('c.reason_id')).as('reason_names'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    description: r.description,
    productRef: r.product_ref,
    orderRef: r.order_ref,
    askText: r.ask_text,
    customerId: r.customer_id,
    reasonNames: Object.values((r.reason_names as Record<string, string> | null) ?? {}),
    taskTypeNames: r.search_names.taskTypes ?? [],
  }));
}

/** The latest three versions of the facts of each complaint, newest first. */
export async function loadSearchFacts(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, SearchFacts[]>> {
  const out = new Map<string, SearchFacts[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('complaint_fact_versions as f')
        .select([
          'f.complaint_id',
          'f.version',
          'f.what_happened',
          'f.ask_text',
          'f.product_ref',
          'f.order_ref',
          sql<number>`row_number() OVER (PARTITION BY f.complaint_id ORDER BY f.version DESC)`.as(
            'n',
          ),
        ])
        .where('f.org_id', '=', orgId)
        .where('f.complaint_id', 'in', [...ids])
        .as('v'),
    )
    .selectAll()
    .where('v.n', '<=', 3)
    .orderBy('v.complaint_id')
    .orderBy('v.version', 'desc')
    .execute();
  for (const r of rows) {
    const list = out.get(r.complaint_id) ?? [];
    list.push({
      whatHappened: r.what_happened,
      askText: r.ask_text,
      productRef: r.product_ref,
      orderRef: r.order_ref,
    });
    out.set(r.complaint_id, list);
  }
  return out;
}

/** Writes many search texts in one statement. Not a change of the case: updated_at stays. */
export async function writeSearchTexts(
  tx: Tx,
  orgId: string,
  entries: readonly { id: string; text: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await sql`
    UPDATE complaints AS c SET search_text = v.text
    FROM unnest(${entries.map((e) => e.id)}::uuid[], ${entries.map((e) => e.text)}::text[])
      AS v (id, text)
    WHERE c.org_id = ${orgId} AND c.id = v.id AND c.search_text IS DISTINCT FROM v.text`.execute(
    tx,
  );
}

export async function setSearchNames(
  tx: Tx,
  orgId: string,
  id: string,
  source: SearchNameSource,
  names: readonly string[],
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({
      search_names: sql`jsonb_set(search_names, ${sql.val(`{${source}}`)}::text[], ${JSON.stringify(names)}::jsonb)`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** One page of complaint ids in id order after `afterId`: all of an org's, or a reason's, or a customer's. */
export async function searchBatchIds(
  db: Executor,
  orgId: string,
  filter: { reasonId?: string; customerId?: string },
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('complaints').select('id').where('org_id', '=', orgId);
  if (filter.reasonId) query = query.where('reason_id', '=', filter.reasonId);
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
}
