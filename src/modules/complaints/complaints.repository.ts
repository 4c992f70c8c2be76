import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { AttachmentsTable, ComplaintFactVersionsTable } from '../../platform/db/schema.ts';
import { foldedColumnContains } from '../../platform/db/search.ts';
import type { Language } from '../../platform/i18n.ts';
import type { Channel, ComplaintStatus, Severity } from './domain/status.ts';
import type { ListComplaintsQuery } from './complaints.contract.ts';

/** The largest total a list counts exactly. */
export const TOTAL_CAP = 10_000;

export type Complaint = {
  orgId: string;
  id: string;
  reference: string;
  status: ComplaintStatus;
  channel: Channel;
  reasonId: string | null;
  reasonNames: Record<string, string> | null;
  severity: Severity;
  productRef: string | null;
  orderRef: string | null;
  description: string;
  askText: string | null;
  askAmount: number | null;
  askCurrency: string | null;
  language: Language;
  customerId: string;
  intakeAgentId: string | null;
  intakeAgentName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  confirmedFactVersion: number | null;
  acknowledgedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  nextDueAt: Date | null;
  nextDueClock: string | null;
  isBreached: boolean;
  isPaused: boolean;
  committedDueAt: Date | null;
};

export type FactVersion = {
  version: number;
  whatHappened: string;
  occurredAt: Date | null;
  productRef: string | null;
  orderRef: string | null;
  askText: string;
  askAmount: number | null;
  askCurrency: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  confirmedAt: Date | null;
  confirmationVia: 'portal' | 'verbal' | null;
  confirmedBy: string | null;
  confirmationMethod: string | null;
  confirmationNote: string | null;
};

export type ComplaintEvent = {
  id: string;
  type: string;
  actorType: 'user' | 'customer' | 'system' | 'api';
  actorId: string | null;
  actorName: string | null;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
  createdAt: Date;
};

export type Attachment = {
  id: string;
  complaintId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByType: 'user' | 'customer' | 'api' | 'system';
  isPublic: boolean;
  createdAt: Date;
};

const toNumber = (v: string | null): number | null => (v === null ? null : Number(v));

function baseQuery(db: Executor, orgId: string) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('reasons as r', (j) =>
      j.onRef('r.org_id', '=', 'c.org_id').onRef('r.id', '=', 'c.reason_id'),
    )
    .leftJoin('users as o', (j) =>
      j.onRef('o.org_id', '=', 'c.org_id').onRef('o.id', '=', 'c.owner_id'),
    )
    .leftJoin('users as a', (j) =>
      j.onRef('a.org_id', '=', 'c.org_id').onRef('a.id', '=', 'c.intake_agent_id'),
    )
    .where('c.org_id', '=', orgId)
    .select([
      'c.org_id',
      'c.id',
      'c.reference',
      'c.status',
      'c.channel',
      'c.reason_id',
      'r.names as reason_names',
      'c.severity',
      'c.product_ref',
      'c.order_ref',
      'c.description',
      'c.ask_text',
      'c.ask_amount',
      'c.ask_currency',
      'c.language',
      'c.customer_id',
      'c.intake_agent_id',
      'a.name as intake_agent_name',
      'c.owner_id',
      'o.name as owner_name',
      'c.confirmed_fact_version',
      'c.acknowledged_at',
      'c.created_at',
      'c.updated_at',
      'c.next_due_at',
      'c.next_due_clock',
      'c.is_breached',
      'c.is_paused',
      'c.committed_due_at',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toComplaint = (r: BaseRow): Complaint => ({
  orgId: r.org_id,
  id: r.id,
  reference: r.reference,
  status: r.status as ComplaintStatus,
  channel: r.channel as Channel,
  reasonId: r.reason_id,
  reasonNames: (r.reason_names as Record<string, string> | null) ?? null,
  severity: r.severity as Severity,
  productRef: r.product_ref,
  orderRef: r.order_ref,
  description: r.description,
  askText: r.ask_text,
  askAmount: toNumber(r.ask_amount),
  askCurrency: r.ask_currency,
  language: r.language as Language,
  customerId: r.customer_id,
  intakeAgentId: r.intake_agent_id,
  intakeAgentName: r.intake_agent_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  confirmedFactVersion: r.confirmed_fact_version,
  acknowledgedAt: r.acknowledged_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  nextDueAt: r.next_due_at,
  nextDueClock: r.next_due_clock,
  isBreached: r.is_breached,
  isPaused: r.is_paused,
  committedDueAt: r.committed_due_at,
});

export async function findComplaint(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Complaint | undefined> {
  const r = await baseQuery(db, orgId).where('c.id', '=', id).executeTakeFirst();
  return r ? toComplaint(r) : undefined;
}

/** Locks the row for the rest of the transaction: changes to one complaint are serialised. */
export async function lockComplaint(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await tx
    .selectFrom('complaints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r !== undefined;
}

export async function findComplaintIdByToken(
  db: Executor,
  orgId: string,
  tokenHash: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('tracking_links')
    .select('complaint_id')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r?.complaint_id;
}

export async function insertTrackingLink(
  tx: Executor,
  orgId: string,
  complaintId: string,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await tx
    .insertInto('tracking_links')
    .values({
      org_id: orgId,
      token_hash: tokenHash,
      complaint_id: complaintId,
      created_at: at,
      revoked_at: null,
    })
    .execute();
}

/** The next reference number; rolled back with the transaction, so numbers never skip. */
export async function nextSequence(tx: Executor, orgId: string, year: number): Promise<number> {
  const r = await tx
    .insertInto('complaint_sequences')
    .values({ org_id: orgId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('complaint_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

export async function insertComplaint(
  tx: Executor,
  c: Omit<
    Complaint,
    | 'id'
    | 'reasonNames'
    | 'intakeAgentName'
    | 'ownerName'
    | 'confirmedFactVersion'
    | 'updatedAt'
    | 'nextDueAt'
    | 'nextDueClock'
    | 'isBreached'
    | 'isPaused'
    | 'committedDueAt'
  > & { searchText: string },
): Promise<string> {
  const r = await tx
    .insertInto('complaints')
    .values({
      org_id: c.orgId,
      reference: c.reference,
      status: c.status,
      channel: c.channel,
      reason_id: c.reasonId,
      severity: c.severity,
      product_ref: c.productRef,
      order_ref: c.orderRef,
      description: c.description,
      ask_text: c.askText,
      ask_amount: c.askAmount,
      ask_currency: c.askCurrency,
      language: c.language,
      customer_id: c.customerId,
      intake_agent_id: c.intakeAgentId,
      owner_id: c.ownerId,
      confirmed_fact_version: null,
      acknowledged_at: c.acknowledgedAt,
      created_at: c.createdAt,
      updated_at: c.createdAt,
      search_text: c.searchText,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setReference(
  tx: Executor,
  orgId: string,
  id: string,
  reference: string,
  searchText: string,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({ reference, search_text: searchText })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export type ComplaintPatch = Partial<{
  status: ComplaintStatus;
  reasonId: string | null;
  severity: Severity;
  productRef: string | null;
  orderRef: string | null;
  ownerId: string | null;
  confirmedFactVersion: number | null;
  acknowledgedAt: Date;
  searchText: string;
}>;

export async function updateComplaint(
  tx: Executor,
  orgId: string,
  id: string,
  patch: ComplaintPatch,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({
      updated_at: at,
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.reasonId !== undefined ? { reason_id: patch.reasonId } : {}),
      ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
      ...(patch.productRef !== undefined ? { product_ref: patch.productRef } : {}),
      ...(patch.orderRef !== undefined ? { order_ref: patch.orderRef } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.confirmedFactVersion !== undefined
        ? { confirmed_fact_version: patch.confirmedFactVersion }
        : {}),
      ...(patch.acknowledgedAt !== undefined ? { acknowledged_at: patch.acknowledgedAt } : {}),
      ...(patch.searchText !== undefined ? { search_text: patch.searchText } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  tx: Executor,
  e: {
    orgId: string;
    complaintId: string;
    type: string;
    actorType: ComplaintEvent['actorType'];
    actorId: string | null;
    actorName: string | null;
    visibility: ComplaintEvent['visibility'];
    data: Record<string, unknown>;
    at: Date;
  },
): Promise<string> {
  const r = await tx
    .insertInto('complaint_events')
    .values({
      org_id: e.orgId,
      complaint_id: e.complaintId,
      type: e.type,
      actor_type: e.actorType,
      actor_id: e.actorId,
      actor_name: e.actorName,
      visibility: e.visibility,
      data: JSON.stringify(e.data),
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listEvents(
  db: Executor,
  orgId: string,
  complaintId: string,
  publicOnly: boolean,
): Promise<ComplaintEvent[]> {
  let query = db
    .selectFrom('complaint_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    actorType: r.actor_type as ComplaintEvent['actorType'],
    actorId: r.actor_id,
    actorName: r.actor_name,
    visibility: r.visibility as ComplaintEvent['visibility'],
    data: r.data,
    createdAt: r.created_at,
  }));
}

const toFact = (
  r: Selectable<ComplaintFactVersionsTable> & { created_by_name: string | null },
): FactVersion => ({
  version: r.version,
  whatHappened: r.what_happened,
  occurredAt: r.occurred_at,
  productRef: r.product_ref,
  orderRef: r.order_ref,
  askText: r.ask_text,
  askAmount: toNumber(r.ask_amount),
  askCurrency: r.ask_currency,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  confirmedAt: r.confirmed_at,
  confirmationVia: r.confirmation_via as FactVersion['confirmationVia'],
  confirmedBy: r.confirmed_by,
  confirmationMethod: r.confirmation_method,
  confirmationNote: r.confirmation_note,
});

export async function listFactVersions(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<FactVersion[]> {
  const rows = await db
    .selectFrom('complaint_fact_versions as f')
    .leftJoin('users as u', (j) =>
      j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.created_by'),
    )
    .selectAll('f')
    .select('u.name as created_by_name')
    .where('f.org_id', '=', orgId)
    .where('f.complaint_id', '=', complaintId)
    .orderBy('f.version', 'desc')
    .execute();
  return rows.map(toFact);
}

export async function insertFactVersion(
  tx: Executor,
  orgId: string,
  complaintId: string,
  f: Omit<
    FactVersion,
    | 'version'
    | 'createdByName'
    | 'sentAt'
    | 'confirmedAt'
    | 'confirmationVia'
    | 'confirmedBy'
    | 'confirmationMethod'
    | 'confirmationNote'
  >,
): Promise<number> {
  const r = await tx
    .insertInto('complaint_fact_versions')
    .values((eb) => ({
      org_id: orgId,
      complaint_id: complaintId,
      version: eb
        .selectFrom('complaint_fact_versions')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('v'))
        .where('org_id', '=', orgId)
        .where('complaint_id', '=', complaintId),
      what_happened: f.whatHappened,
      occurred_at: f.occurredAt,
      product_ref: f.productRef,
      order_ref: f.orderRef,
      ask_text: f.askText,
      ask_amount: f.askAmount,
      ask_currency: f.askCurrency,
      created_by: f.createdBy,
      created_at: f.createdAt,
    }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function markFactSent(
  tx: Executor,
  orgId: string,
  complaintId: string,
  version: number,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('complaint_fact_versions')
    .set({ sent_at: at })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('version', '=', version)
    .execute();
}

export async function markFactConfirmed(
  tx: Executor,
  orgId: string,
  complaintId: string,
  version: number,
  c: { at: Date; via: 'portal' | 'verbal'; by: string | null; method: string; note: string | null },
): Promise<void> {
  await tx
    .updateTable('complaint_fact_versions')
    .set({
      confirmed_at: c.at,
      confirmation_via: c.via,
      confirmed_by: c.by,
      confirmation_method: c.method,
      confirmation_note: c.note,
    })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('version', '=', version)
    .where('confirmed_at', 'is', null)
    .execute();
}

async function listComplaintsOn(
  db: Executor,
  orgId: string,
  q: ListComplaintsQuery & {
    ownerFilter: string | undefined;
    terms: string[];
    phone: string | null;
    endOfToday: Date;
  },
): Promise<{
  rows: Complaint[];
  customers: Map<string, { name: string; phone: string | null; email: string | null }>;
  total: number;
  totalIsCapped: boolean;
}> {
  let where = db.selectFrom('complaints as c').where('c.org_id', '=', orgId);
  if (q.ownerFilter) where = where.where('c.owner_id', '=', q.ownerFilter);
  if (q.status) where = where.where('c.status', '=', q.status);
  if (q.reasonId) where = where.where('c.reason_id', '=', q.reasonId);
  if (q.channel) where = where.where('c.channel', '=', q.channel);
  if (q.departmentId) {
    const departmentId = q.departmentId;
    where = where.where((eb) =>
      eb.or([
        eb(
          'c.owner_id',
          'in',
          eb
            .selectFrom('users as du')
            .select('du.id')
            .where('du.org_id', '=', orgId)
            .where('du.department_id', '=', departmentId),
        ),
        eb.exists(
          eb
            .selectFrom('commitments as dm')
            .select('dm.id')
            .where('dm.org_id', '=', orgId)
            .whereRef('dm.complaint_id', '=', 'c.id')
            .where('dm.department_id', '=', departmentId),
        ),
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
  if (ids.length === 0) return { rows: [], customers: new Map(), total, totalIsCapped };
  const rows = await baseQuery(db, orgId)
    .where(
      'c.id',
      'in',
      ids.map((i) => i.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toComplaint(r)]));
  const customerRows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'phone', 'email'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(rows.map((r) => r.customer_id))])
    .execute();
  return {
    rows: ids.flatMap((i) => (byId.has(i.id) ? [byId.get(i.id)!] : [])),
    customers: new Map(
      customerRows.map((c) => [c.id, { name: c.name, phone: c.phone, email: c.email }]),
    ),
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
  q: Parameters<typeof listComplaintsOn>[2],
): ReturnType<typeof listComplaintsOn> {
  if (q.terms.length === 0 && !q.phone) return listComplaintsOn(db, orgId, q);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    return listComplaintsOn(tx, orgId, q);
  });
}

export async function insertAttachment(
  tx: Executor,
  orgId: string,
  a: Omit<Attachment, 'id'> & { uploadedById: string | null },
): Promise<Attachment> {
  const r = await tx
    .insertInto('attachments')
    .values({
      org_id: orgId,
      complaint_id: a.complaintId,
      filename: a.filename,
      content_type: a.contentType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      storage_key: a.storageKey,
      uploaded_by_type: a.uploadedByType,
      uploaded_by_id: a.uploadedById,
      is_public: a.isPublic,
      created_at: a.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...a, id: r.id };
}

const toAttachment = (r: Selectable<AttachmentsTable>): Attachment => ({
  id: r.id,
  complaintId: r.complaint_id,
  filename: r.filename,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedByType: r.uploaded_by_type as Attachment['uploadedByType'],
  isPublic: r.is_public,
  createdAt: r.created_at,
});

export async function listAttachments(
  db: Executor,
  orgId: string,
  complaintId: string,
  publicOnly: boolean,
): Promise<Attachment[]> {
  let query = db
    .selectFrom('attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId);
  if (publicOnly) query = query.where('is_public', '=', true);
  const rows = await query.orderBy('created_at').execute();
  return rows.map(toAttachment);
}

export async function findAttachment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Attachment | undefined> {
  const r = await db
    .selectFrom('attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toAttachment(r) : undefined;
}

export async function claimIdempotencyKey(
  tx: Executor,
  orgId: string,
  key: string,
  requestHash: string,
): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({ org_id: orgId, key, request_hash: requestHash, status_code: null, response: null })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const existing = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return { claimed: false, requestHash: existing.request_hash, response: existing.response };
}

export async function storeIdempotentResponse(
  tx: Executor,
  orgId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status_code: 201, response: JSON.stringify(response) })
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .execute();
}

/** When steps 3, 4 and 5 were first done, in one pass over the timeline. */
export async function stepMoments(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<{ apologisedAt: Date | null; committedAt: Date | null; fixedAt: Date | null }> {
  const r = await db
    .selectFrom('complaint_events')
    .select([
      sql<Date | null>`min(created_at) FILTER (WHERE type = 'message.sent' AND data->>'step' = 'apologise')`.as(
        'apologised_at',
      ),
      sql<Date | null>`min(created_at) FILTER (WHERE type = 'commitment.made')`.as('committed_at'),
      sql<Date | null>`max(created_at) FILTER (WHERE type = 'complaint.fixed')`.as('fixed_at'),
    ])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return { apologisedAt: r.apologised_at, committedAt: r.committed_at, fixedAt: r.fixed_at };
}
