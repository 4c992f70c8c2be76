import { sql, type RawBuilder } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { DeliveryView, WebhookView } from './webhooks.contract.ts';

export type Endpoint = WebhookView & {
  orgId: string;
  secret: string;
  previousSecret: string | null;
};
export type Delivery = DeliveryView & { orgId: string; body: string; retryWindowStartedAt: Date };

type EndpointRow = {
  org_id: string;
  id: string;
  url: string;
  description: string;
  events: string[];
  is_enabled: boolean;
  allow_private: boolean;
  secret: string;
  max_consecutive_failures: number;
  consecutive_failures: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
  secret_rotated_at: Date | null;
  previous_secret: string | null;
  created_at: Date;
  updated_at: Date;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toEndpoint = (r: EndpointRow): Endpoint => ({
  orgId: r.org_id,
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  enabled: r.is_enabled,
  allowPrivate: r.allow_private,
  secret: r.secret,
  previousSecret: r.previous_secret,
  maxConsecutiveFailures: r.max_consecutive_failures,
  consecutiveFailures: r.consecutive_failures,
  disabledReason: r.disabled_reason as Endpoint['disabledReason'],
  disabledAt: iso(r.disabled_at),
  secretRotatedAt: iso(r.secret_rotated_at),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function insertEndpoint(
  tx: Tx,
  e: {
    orgId: string;
    url: string;
    description: string;
    events: string[];
    allowPrivate: boolean;
    maxConsecutiveFailures: number;
    secret: string;
    at: Date;
  },
): Promise<Endpoint> {
  const row = await tx
    .insertInto('webhook_endpoints')
    .values({
      org_id: e.orgId,
      url: e.url,
      description: e.description,
      events: e.events,
      allow_private: e.allowPrivate,
      max_consecutive_failures: e.maxConsecutiveFailures,
      secret: e.secret,
      created_at: e.at,
      updated_at: e.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

export async function listEndpoints(db: Executor, orgId: string): Promise<Endpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEndpoint);
}

export async function findEndpoint(
  db: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<Endpoint | undefined> {
  let q = db.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId);
  q = q.where('id', '=', id);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return row ? toEndpoint(row) : undefined;
}

export type EndpointChange = Partial<{
  url: string;
  description: string;
  events: string[];
  allowPrivate: boolean;
  maxConsecutiveFailures: number;
  consecutiveFailures: number;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: 'manual' | 'failures' | null;
  secret: string;
  secretRotatedAt: Date;
  previousSecret: string | null;
}>;

export async function updateEndpoint(
  tx: Tx,
  orgId: string,
  id: string,
  c: EndpointChange,
  at: Date,
): Promise<Endpoint> {
  const row = await tx
    .updateTable('webhook_endpoints')
    .set({
      ...(c.url !== undefined && { url: c.url }),
      ...(c.description !== undefined && { description: c.description }),
      ...(c.events !== undefined && { events: c.events }),
      ...(c.allowPrivate !== undefined && { allow_private: c.allowPrivate }),
      ...(c.maxConsecutiveFailures !== undefined && {
        max_consecutive_failures: c.maxConsecutiveFailures,
      }),
      ...(c.consecutiveFailures !== undefined && { consecutive_failures: c.consecutiveFailures }),
      ...(c.enabled !== undefined && { is_enabled: c.enabled }),
      ...(c.disabledAt !== undefined && { disabled_at: c.disabledAt }),
      ...(c.disabledReason !== undefined && { disabled_reason: c.disabledReason }),
      ...(c.secret !== undefined && { secret: c.secret }),
      ...(c.secretRotatedAt !== undefined && { secret_rotated_at: c.secretRotatedAt }),
      ...(c.previousSecret !== undefined && { previous_secret: c.previousSecret }),
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

/** Counts a delivery's outcome on its endpoint: a failure in a row, or a success that ends them. */
export async function setConsecutiveFailures(
  tx: Tx,
  orgId: string,
  id: string,
  failures: number,
): Promise<void> {
  await tx
    .updateTable('webhook_endpoints')
    .set({ consecutive_failures: failures })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEndpoint(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('webhook_endpoints')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** The enabled endpoints of an org with what each subscribes to. */
export async function listSubscriptions(
  db: Executor,
  orgId: string,
): Promise<{ id: string; events: string[] }[]> {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('org_id', '=', orgId)
    .where('is_enabled', '=', true)
    .orderBy('id')
    .execute();
}

/** The enabled endpoints that subscribe to one event type. */
export async function subscribersOf(db: Executor, orgId: string, type: string): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('is_enabled', '=', true)
    .where(sql<boolean>`events @> ARRAY[${type}]::text[]`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export type NewDelivery = {
  orgId: string;
  id: string;
  endpointId: string;
  eventId: string;
  type: string;
  body: string;
  isTest: boolean;
  at: Date;
};

/** Deliveries as one statement not yet sent; `fill` rewrites the body in SQL (see intake). */
export const insertDeliveriesWrite = (
  tx: Tx,
  rows: readonly NewDelivery[],
  fill?: (text: string) => RawBuilder<string>,
) =>
  tx.insertInto('webhook_deliveries').values(
    rows.map((d) => ({
      org_id: d.orgId,
      id: d.id,
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      type: d.type,
      body: fill ? fill(d.body) : d.body,
      is_test: d.isTest,
      next_attempt_at: d.at,
      retry_window_started_at: d.at,
      created_at: d.at,
    })),
  );

type DeliveryRow = {
  org_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  type: string;
  body: string;
  status: string;
  attempts: number;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_response: string | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  retry_window_started_at: Date;
  is_test: boolean;
  created_at: Date;
  delivered_at: Date | null;
};

const toDelivery = (r: DeliveryRow): Delivery => ({
  orgId: r.org_id,
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  type: r.type,
  body: r.body,
  status: r.status as Delivery['status'],
  attempts: r.attempts,
  lastAttemptAt: iso(r.last_attempt_at),
  lastStatusCode: r.last_status_code,
  lastLatencyMs: r.last_latency_ms,
  lastResponse: r.last_response ?? r.last_error,
  nextAttemptAt: iso(r.next_attempt_at),
  retryWindowStartedAt: r.retry_window_started_at,
  isTest: r.is_test,
  createdAt: r.created_at.toISOString(),
  deliveredAt: iso(r.delivered_at),
});

export async function findDelivery(
  db: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<Delivery | undefined> {
  const q = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

export async function listDeliveries(
  db: Executor,
  orgId: string,
  endpointId: string,
  limit: number,
): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

export type AttemptRecord = {
  status: Delivery['status'];
  attempts: number;
  at: Date;
  statusCode: number | null;
  latencyMs: number | null;
  response: string | null;
  error: string | null;
  nextAttemptAt: Date | null;
};

export async function recordAttempt(
  tx: Tx,
  orgId: string,
  id: string,
  a: AttemptRecord,
): Promise<void> {
  await tx
    .updateTable('webhook_deliveries')
    .set({
      status: a.status,
      attempts: a.attempts,
      last_attempt_at: a.at,
      last_status_code: a.statusCode,
      last_latency_ms: a.latencyMs,
      last_response: a.response,
      last_error: a.error,
      next_attempt_at: a.nextAttemptAt,
      ...(a.status === 'delivered' && { delivered_at: a.at }),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** "Send again": the delivery waits for a new try, with a new day of retries from `at`. */
export async function reopenDelivery(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: at, retry_window_started_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** A delivery that waits no more (its endpoint was switched off). */
export async function failDelivery(
  tx: Executor,
  orgId: string,
  id: string,
  error: string,
): Promise<void> {
  await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, last_error: error })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
