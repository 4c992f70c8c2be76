import { sql, type RawBuilder } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { complaintEvents, type ComplaintEventType } from './domain/events.ts';

export type StoredEvent = {
  id: string;
  type: ComplaintEventType;
  actorType: Actor['type'];
  actorId: string | null;
  actorName: string | null;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
  createdAt: Date;
};

export type NewEvent = {
  orgId: string;
  complaintId: string;
  type: ComplaintEventType;
  actor: Actor;
  visibility: StoredEvent['visibility'];
  data: Record<string, unknown>;
  at: Date;
};

/** Several timeline events of one or more cases, as one statement not yet sent. */
export const insertEventsWrite = (
  tx: Tx,
  events: readonly NewEvent[],
  /** Rewrites the data's JSON text in SQL (a value known only in the same statement). */
  fill?: (json: string) => RawBuilder<string>,
) =>
  tx.insertInto('complaint_events').values(
    events.map((e) => ({
      org_id: e.orgId,
      complaint_id: e.complaintId,
      type: e.type,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      visibility: e.visibility,
      data: fill ? sql<string>`(${fill(JSON.stringify(e.data))})::jsonb` : JSON.stringify(e.data),
      created_at: e.at,
    })),
  );

export async function insertEvent(tx: Tx, e: NewEvent): Promise<string> {
  const r = await tx
    .insertInto('complaint_events')
    .values({
      org_id: e.orgId,
      complaint_id: e.complaintId,
      type: e.type,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
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
  filter: { publicOnly?: boolean; types?: readonly ComplaintEventType[] } = {},
): Promise<StoredEvent[]> {
  let query = db
    .selectFrom('complaint_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId);
  if (filter.publicOnly) query = query.where('visibility', '=', 'public');
  if (filter.types) query = query.where('type', 'in', [...filter.types]);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as ComplaintEventType,
    actorType: r.actor_type as StoredEvent['actorType'],
    actorId: r.actor_id,
    actorName: r.actor_name,
    visibility: r.visibility as StoredEvent['visibility'],
    data: r.data,
    createdAt: r.created_at,
  }));
}

/** When steps 3, 4 and 5 were first done, in one pass over the timeline. */
export async function stepMoments(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<{
  apologisedAt: Date | null;
  committedAt: Date | null;
  fixedAt: Date | null;
  giftedAt: Date | null;
}> {
  const r = await db
    .selectFrom('complaint_events')
    .select([
      sql<Date | null>`min(created_at) FILTER (WHERE type = ${complaintEvents.messageSent} AND data->>'step' = 'apologise')`.as(
        'apologised_at',
      ),
      sql<Date | null>`min(created_at) FILTER (WHERE type = ${complaintEvents.commitmentMade})`.as(
        'committed_at',
      ),
      sql<Date | null>`max(created_at) FILTER (WHERE type = ${complaintEvents.fixed})`.as(
        'fixed_at',
      ),
      sql<Date | null>`max(created_at) FILTER (WHERE type = ${complaintEvents.rewardGranted} AND data->>'kind' = 'gift')`.as(
        'gifted_at',
      ),
    ])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return {
    apologisedAt: r.apologised_at,
    committedAt: r.committed_at,
    fixedAt: r.fixed_at,
    giftedAt: r.gifted_at,
  };
}

/** Every fix and every reopen (from fixed or closed back to work) of the given complaints. */
export async function listFixesAndReopens(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
): Promise<{ complaintId: string; kind: 'fixed' | 'reopened'; at: Date }[]> {
  if (complaintIds.length === 0) return [];
  const rows = await db
    .selectFrom('complaint_events')
    .select(['complaint_id', 'type', 'created_at'])
    .where('org_id', '=', orgId)
    .where('complaint_id', 'in', [...new Set(complaintIds)])
    .where((eb) =>
      eb.or([
        eb('type', '=', complaintEvents.fixed),
        eb.and([
          eb('type', '=', complaintEvents.statusChanged),
          eb(sql`data->>'from'`, 'in', ['fixed', 'closed']),
          eb(sql`data->>'to'`, 'not in', ['fixed', 'closed', 'cancelled']),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    complaintId: r.complaint_id,
    kind: r.type === complaintEvents.fixed ? ('fixed' as const) : ('reopened' as const),
    at: r.created_at,
  }));
}

/** When the case last moved into `status` (the start of the pause it is leaving). */
export async function lastStatusChangeTo(
  db: Executor,
  orgId: string,
  complaintId: string,
  status: string,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('complaint_events')
    .select('created_at')
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('type', '=', complaintEvents.statusChanged)
    .where(sql`data->>'to'`, '=', status)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at;
}
