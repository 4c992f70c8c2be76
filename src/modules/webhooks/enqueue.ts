import { randomUUID } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { PendingWrite } from '../../platform/db/write-together.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { deliverWebhook } from './webhooks.jobs.ts';
import type { WebhookEventType, WebhookPayload } from './webhooks.contract.ts';
import * as repo from './webhooks.repository.ts';

/** An event as the module that records it hands it over. */
export type WebhookEvent = {
  orgId: string;
  type: WebhookEventType | WebhookPayload['type'];
  /** The resource; a function, so that nothing is built when no endpoint listens. */
  resource: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
};

/** The exact body of a delivery: the documented payload, keys in the documented order. */
export const payloadBody = (p: WebhookPayload): string =>
  JSON.stringify({ id: p.id, type: p.type, createdAt: p.createdAt, orgId: p.orgId, data: p.data });

export function createEnqueue(deps: { clock: Clock; jobs: JobQueue }) {
  const { clock, jobs } = deps;

  function deliveriesOf(
    endpointIds: readonly string[],
    event: { orgId: string; type: string; data: Record<string, unknown> },
    isTest = false,
  ) {
    const at = clock.now();
    const eventId = randomUUID();
    const body = payloadBody({
      id: eventId,
      type: event.type as WebhookPayload['type'],
      createdAt: at.toISOString(),
      orgId: event.orgId,
      data: event.data,
    });
    return endpointIds.map((endpointId) => ({
      orgId: event.orgId,
      id: randomUUID(),
      endpointId,
      eventId,
      type: event.type,
      body,
      isTest,
      at,
    }));
  }

  const jobsOf = (rows: readonly repo.NewDelivery[]) =>
    rows.map((d) => ({
      payload: { orgId: d.orgId, deliveryId: d.id, attempt: 1 },
      key: `${d.id}:1`,
    }));

  return {
    /**
     * One delivery and its job per enabled endpoint of the org that subscribes to the event,
     * in the caller's transaction: they exist if and only if the event does.
     */
    async enqueue(tx: Tx, event: WebhookEvent): Promise<void> {
      const endpointIds = await repo.subscribersOf(tx, event.orgId, event.type);
      if (endpointIds.length === 0) return;
      const data = typeof event.resource === 'function' ? await event.resource() : event.resource;
      const rows = deliveriesOf(endpointIds, { ...event, data });
      await repo.insertDeliveriesWrite(tx, rows).execute();
      await jobs.enqueueMany(tx, deliverWebhook, jobsOf(rows));
    },

    /** The test event to one endpoint, whatever it subscribes to. */
    async enqueueTest(tx: Tx, orgId: string, endpointId: string): Promise<string> {
      const rows = deliveriesOf(
        [endpointId],
        { orgId, type: 'webhook.test', data: { message: 'Ombud test event' } },
        true,
      );
      await repo.insertDeliveriesWrite(tx, rows).execute();
      await jobs.enqueueMany(tx, deliverWebhook, jobsOf(rows));
      return rows[0]!.id;
    },

    /**
     * The same as statements to send with others, for subscriptions read beforehand (intake
     * keeps them with the org's configuration). `fill` rewrites the body in SQL, for a value
     * known only in that statement (the case's reference).
     */
    pendingFor(
      tx: Tx,
      subscriptions: readonly { id: string; events: readonly string[] }[],
      event: { orgId: string; type: WebhookEventType; data: Record<string, unknown> },
      fill?: (text: string) => RawBuilder<string>,
    ): PendingWrite[] {
      const endpointIds = subscriptions
        .filter((s) => s.events.includes(event.type))
        .map((s) => s.id);
      if (endpointIds.length === 0) return [];
      const rows = deliveriesOf(endpointIds, event);
      return [
        repo.insertDeliveriesWrite(tx, rows, fill),
        ...jobs.pendingMany(tx, deliverWebhook, jobsOf(rows)),
      ];
    },

    listSubscriptions: repo.listSubscriptions,
  };
}
