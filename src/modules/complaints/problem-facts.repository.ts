import type { Executor } from '../../platform/db/index.ts';
import { customerNameOf } from '../customers/index.ts';

/** What step 8 (problems) reads of the complaints it links: no more than these facts. */
export type ComplaintFacts = {
  id: string;
  reference: string;
  /** When the complaint was received (its creation). */
  receivedAt: Date;
  customerName: string;
  reasonId: string | null;
  productRef: string | null;
  orderRef: string | null;
  intakeAgentId: string | null;
};

/** The facts of the org's complaints among `ids`; another org's are left out. */
export async function complaintFactsOf(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<ComplaintFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.created_at',
      'c.reason_id',
      'c.product_ref',
      'c.order_ref',
      'c.intake_agent_id',
      customerNameOf(eb.ref('c.org_id'), eb.ref('c.customer_id')).as('customer_name'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: r.created_at,
    customerName: r.customer_name ?? '',
    reasonId: r.reason_id,
    productRef: r.product_ref,
    orderRef: r.order_ref,
    intakeAgentId: r.intake_agent_id,
  }));
}

/**
 * When the org's complaints of one reason were received in [from, to), optionally only those
 * whose product is one of `products` (compared case-insensitively, as written on the case).
 */
export async function receivedTimesOf(
  db: Executor,
  orgId: string,
  filter: { reasonId: string; products: readonly string[] | null; from: Date; to: Date },
): Promise<Date[]> {
  let q = db
    .selectFrom('complaints')
    .select('created_at')
    .where('org_id', '=', orgId)
    .where('reason_id', '=', filter.reasonId)
    .where('created_at', '>=', filter.from)
    .where('created_at', '<', filter.to);
  if (filter.products && filter.products.length > 0) {
    const lowered = filter.products.map((p) => p.toLowerCase());
    q = q.where((eb) => eb(eb.fn('lower', [eb.ref('product_ref')]), 'in', lowered));
  }
  return (await q.orderBy('created_at').execute()).map((r) => r.created_at);
}
