import './webhooks.messages.ts';
import { randomBytes } from 'node:crypto';
import type { Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { createDelivery, type DeliveryDeps } from './delivery.ts';
import { SECRET_PREFIX } from './domain/signature.ts';
import { createEnqueue } from './enqueue.ts';
import { resolveDestination } from './outbound.ts';
import { deliverWebhook } from './webhooks.jobs.ts';
import type { DeliveryView, WebhookInput, WebhookPatch, WebhookView } from './webhooks.contract.ts';
import * as repo from './webhooks.repository.ts';

export type WebhookService = ReturnType<typeof createWebhookService>;

/** A new signing secret: 32 random bytes, as Standard Webhooks writes them. */
const newSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

const publicView = (e: repo.Endpoint): WebhookView => {
  const { orgId: _org, secret: _secret, previousSecret: _previous, ...view } = e;
  return view;
};
const deliveryViewOf = (d: repo.Delivery): DeliveryView => {
  const { orgId: _org, body: _body, retryWindowStartedAt: _window, ...view } = d;
  return view;
};

/**
 * Signed webhooks: an org's endpoints, the deliveries of the events they subscribe to, and
 * their log. Other modules hand their events over through `enqueue`, in the transaction that
 * records the event.
 */
export function createWebhookService(deps: DeliveryDeps) {
  const { db, clock, jobs } = deps;
  const queue = createEnqueue({ clock, jobs });
  const deliver = createDelivery(deps);

  /** The address is refused here (and again at every delivery) unless it may be reached. */
  async function assertDestination(url: string, allowPrivate: boolean): Promise<void> {
    const destination = await resolveDestination(url, allowPrivate);
    if (!destination.ok) throw invalidField('url', `webhook.url_${destination.problem}`);
  }

  async function getEndpoint(orgId: string, id: string, executor = db) {
    const found = await repo.findEndpoint(executor, orgId, id);
    if (!found) throw new AppError('not_found');
    return found;
  }

  return {
    enqueue: queue.enqueue,
    pendingFor: queue.pendingFor,
    listSubscriptions: queue.listSubscriptions,
    deliver,

    async list(orgId: string): Promise<WebhookView[]> {
      return (await repo.listEndpoints(db, orgId)).map(publicView);
    },

    async create(scope: Scope, input: WebhookInput) {
      await assertDestination(input.url, input.allowPrivate);
      const secret = newSecret();
      const endpoint = await db.transaction().execute(async (tx) => {
        const created = await repo.insertEndpoint(tx, {
          orgId: scope.orgId,
          url: input.url,
          description: input.description,
          events: [...new Set(input.events)],
          allowPrivate: input.allowPrivate,
          maxConsecutiveFailures: input.maxConsecutiveFailures,
          secret,
          at: clock.now(),
        });
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'webhook.created',
          entityType: 'webhook',
          entityId: created.id,
          after: publicView(created),
        });
        return created;
      });
      return { endpoint: publicView(endpoint), secret };
    },

    async update(scope: Scope, id: string, patch: WebhookPatch): Promise<WebhookView> {
      const before = await getEndpoint(scope.orgId, id);
      const url = patch.url ?? before.url;
      const allowPrivate = patch.allowPrivate ?? before.allowPrivate;
      if (url !== before.url || allowPrivate !== before.allowPrivate)
        await assertDestination(url, allowPrivate);
      const now = clock.now();
      const switching =
        patch.enabled === undefined || patch.enabled === before.enabled
          ? {}
          : patch.enabled
            ? // Back on: its count of failures starts again.
              { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
            : { enabled: false, disabledAt: now, disabledReason: 'manual' as const };
      const updated = await db.transaction().execute(async (tx) => {
        if (!(await repo.findEndpoint(tx, scope.orgId, id, true))) throw new AppError('not_found');
        const after = await repo.updateEndpoint(
          tx,
          scope.orgId,
          id,
          {
            ...(patch.url !== undefined && { url: patch.url }),
            ...(patch.description !== undefined && { description: patch.description }),
            ...(patch.events !== undefined && { events: [...new Set(patch.events)] }),
            ...(patch.allowPrivate !== undefined && { allowPrivate: patch.allowPrivate }),
            ...(patch.maxConsecutiveFailures !== undefined && {
              maxConsecutiveFailures: patch.maxConsecutiveFailures,
            }),
            ...switching,
          },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'webhook.updated',
          entityType: 'webhook',
          entityId: id,
          before: publicView(before),
          after: publicView(after),
        });
        return after;
      });
      return publicView(updated);
    },

    async remove(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const before = await repo.findEndpoint(tx, scope.orgId, id, true);
        if (!before || !(await repo.deleteEndpoint(tx, scope.orgId, id)))
          throw new AppError('not_found');
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'webhook.deleted',
          entityType: 'webhook',
          entityId: id,
          before: publicView(before),
        });
      });
    },

    /**
     * A new secret, shown this once. The old one signs beside it for a day (two signatures in
     * `webhook-signature`), so the receiver can switch without losing a delivery.
     */
    async rotateSecret(scope: Scope, id: string) {
      const secret = newSecret();
      const endpoint = await db.transaction().execute(async (tx) => {
        const before = await repo.findEndpoint(tx, scope.orgId, id, true);
        if (!before) throw new AppError('not_found');
        const now = clock.now();
        const after = await repo.updateEndpoint(
          tx,
          scope.orgId,
          id,
          { secret, secretRotatedAt: now, previousSecret: before.secret },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'webhook.secret_rotated',
          entityType: 'webhook',
          entityId: id,
        });
        return after;
      });
      return { endpoint: publicView(endpoint), secret };
    },

    /** Sends `webhook.test` to the endpoint now, through the same queue as real events. */
    async sendTest(scope: Scope, id: string): Promise<DeliveryView> {
      const endpoint = await getEndpoint(scope.orgId, id);
      if (!endpoint.enabled) throw new AppError('conflict');
      const deliveryId = await db
        .transaction()
        .execute((tx) => queue.enqueueTest(tx, scope.orgId, endpoint.id));
      return deliveryViewOf((await repo.findDelivery(db, scope.orgId, deliveryId))!);
    },

    async deliveries(orgId: string, id: string, limit: number): Promise<DeliveryView[]> {
      await getEndpoint(orgId, id);
      return (await repo.listDeliveries(db, orgId, id, limit)).map(deliveryViewOf);
    },

    /** "Send again": one more try now, and a new day of retries if it fails. */
    async resend(scope: Scope, deliveryId: string): Promise<DeliveryView> {
      await db.transaction().execute(async (tx) => {
        const delivery = await repo.findDelivery(tx, scope.orgId, deliveryId, true);
        if (!delivery) throw new AppError('not_found');
        const endpoint = await repo.findEndpoint(tx, scope.orgId, delivery.endpointId);
        if (!endpoint?.enabled) throw new AppError('conflict');
        const now = clock.now();
        await repo.reopenDelivery(tx, scope.orgId, delivery.id, now);
        const attempt = delivery.attempts + 1;
        await jobs.enqueue(
          tx,
          deliverWebhook,
          { orgId: scope.orgId, deliveryId: delivery.id, attempt },
          { key: `${delivery.id}:${attempt}:again:${now.getTime()}` },
        );
      });
      return deliveryViewOf((await repo.findDelivery(db, scope.orgId, deliveryId))!);
    },
  };
}
