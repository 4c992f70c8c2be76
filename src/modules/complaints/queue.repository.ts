import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { foldedColumnContains } from '../../platform/db/search.ts';
import { departmentMemberIds } from '../org/index.ts';
import type { ListComplaintsQuery } from './complaints.contract.ts';
import { complaintQuery, toComplaint, type Complaint } from './complaints.repository.ts';

/** The largest total a list counts exactly. */
export const TOTAL_CAP = 10_000;

export type QueueQuery = ListComplaintsQuery & {
  ownerFilter: string | undefined;
  terms: string[];
  phone: string | null;
  endOfToday: Date;
};

async function listComplaintsOn(
  db: Executor,
  orgId: string,
  q: QueueQuery,
): Promise<{ rows: Complaint[]; total: number; totalIsCapped: boolean }> {
  let where = db.selectFrom('complaints as c').where('c.org_id', '=', orgId);
  if (q.ownerFilter) where = where.where('c.owner_id', '=', q.ownerFilter);
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
  if (q.phone) {
    where = where.where(foldedColumnContains(sql`c.search_folded`, q.phone));
  } else {
    for (const term of q.terms) {
      where = where.where(foldedColumnContains(sql`c.search_folded`, term));
    }
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

  const order: Record<ListComplaintsQuery['sort'], [string, 'asc' | 'desc']> = {
    dueAt: ['c.next_due_at', 'asc'],
    '-createdAt': ['c.created_at', 'desc'],
    createdAt: ['c.created_at', 'asc'],
    reference: ['c.reference', 'asc'],
    '-reference': ['c.reference', 'desc'],
    '-severity': ['severity_rank', 'desc'],
    severity: ['severity_rank', 'asc'],
    status: ['c.status', 'asc'],
  };
  const [column, direction] = order[q.sort];
  const ids = await where
    .select([
      'c.id',
      sql<number>`array_position(array['low','medium','high','critical'], c.severity)`.as(
        'severity_rank',
      ),
    ])
    .$call((qb) =>
      q.sort === 'dueAt'
        ? qb.orderBy(sql`c.next_due_at NULLS LAST`).orderBy('c.id')
        : qb.orderBy(sql.ref(column), direction).orderBy('c.created_at', 'desc').orderBy('c.id'),
    )
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
  if (q.terms.length === 0 && !q.phone) return listComplaintsOn(db, orgId, q);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    return listComplaintsOn(tx, orgId, q);
  });
}
