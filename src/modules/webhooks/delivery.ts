import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import { nextAttemptAt } from './domain/backoff.ts';
import { signingSecrets, webhookHeaders } from './domain/signature.ts';
import { postJson, resolveDestination, type SendOutcome } from './outbound.ts';
import { deliverWebhook } from './webhooks.jobs.ts';
import * as repo from './webhooks.repository.ts';

export type DeliveryDeps = {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  notices: NoticesService;
  org: OrgService;
  timeoutMs: number;
  /** In [0, 1): the jitter of the retries. */
  random?: () => number;
};

/** One try of a delivery, its outcome recorded, the next try queued or the endpoint switched off. */
export function createDelivery(deps: DeliveryDeps) {
  const { db, clock, jobs, notices, org } = deps;
  const random = deps.random ?? Math.random;

  /** Tells every active admin of the org that Ombud switched the endpoint off. */
  async function noticeDisabled(tx: Tx, endpoint: repo.Endpoint, failures: number, at: Date) {
    const admins = (await org.listUsers(endpoint.orgId)).filter(
      (u) => u.role === 'admin' && u.active,
    );
    for (const admin of admins)
      await notices.notify(tx, {
        orgId: endpoint.orgId,
        userId: admin.id,
        kind: 'webhook_disabled',
        complaintId: null,
        dedupeKey: `webhook_disabled:${endpoint.id}:${at.toISOString()}`,
        data: { reference: endpoint.url, level: failures, endpointId: endpoint.id },
      });
  }

  async function attempt(endpoint: repo.Endpoint, delivery: repo.Delivery): Promise<SendOutcome> {
    // Checked again at every try: the name may point somewhere else since the endpoint was saved.
    const destination = await resolveDestination(endpoint.url, endpoint.allowPrivate);
    if (!destination.ok)
      return {
        ok: false,
        statusCode: null,
        latencyMs: 0,
        excerpt: null,
        error:
          destination.problem === 'private'
            ? 'refused: the address is private (allow private destinations is off)'
            : `refused: ${destination.problem} destination`,
      };
    const now = clock.now();
    const headers = webhookHeaders(
      signingSecrets(endpoint, now),
      delivery.eventId,
      now,
      delivery.body,
    );
    return postJson(destination, headers, delivery.body, deps.timeoutMs);
  }

  return async function deliver(p: {
    orgId: string;
    deliveryId: string;
    attempt: number;
  }): Promise<void> {
    const delivery = await repo.findDelivery(db, p.orgId, p.deliveryId);
    if (!delivery || delivery.status !== 'pending' || delivery.attempts >= p.attempt) return;
    const endpoint = await repo.findEndpoint(db, p.orgId, delivery.endpointId);
    if (!endpoint) return;
    if (!endpoint.enabled) {
      await repo.failDelivery(db, p.orgId, delivery.id, 'the endpoint is switched off');
      return;
    }
    const outcome = await attempt(endpoint, delivery);
    await db.transaction().execute(async (tx) => {
      const current = await repo.findEndpoint(tx, p.orgId, endpoint.id, true);
      const fresh = await repo.findDelivery(tx, p.orgId, delivery.id, true);
      if (!current || !fresh || fresh.status !== 'pending' || fresh.attempts >= p.attempt) return;
      const at = clock.now();
      const record = {
        attempts: p.attempt,
        at,
        statusCode: outcome.statusCode,
        latencyMs: outcome.latencyMs,
        response: outcome.excerpt,
        error: outcome.error,
      };
      if (outcome.ok) {
        await repo.recordAttempt(tx, p.orgId, fresh.id, {
          ...record,
          status: 'delivered',
          nextAttemptAt: null,
        });
        if (current.consecutiveFailures > 0)
          await repo.setConsecutiveFailures(tx, p.orgId, current.id, 0);
        return;
      }
      const failures = current.consecutiveFailures + 1;
      const switchOff = current.enabled && failures >= current.maxConsecutiveFailures;
      const next = switchOff
        ? undefined
        : nextAttemptAt(p.attempt, random(), fresh.retryWindowStartedAt, at);
      await repo.recordAttempt(tx, p.orgId, fresh.id, {
        ...record,
        status: next ? 'pending' : 'failed',
        nextAttemptAt: next ?? null,
      });
      if (switchOff) {
        await repo.updateEndpoint(
          tx,
          p.orgId,
          current.id,
          {
            consecutiveFailures: failures,
            enabled: false,
            disabledAt: at,
            disabledReason: 'failures',
          },
          at,
        );
        await noticeDisabled(tx, current, failures, at);
      } else await repo.setConsecutiveFailures(tx, p.orgId, current.id, failures);
      if (next)
        await jobs.enqueue(
          tx,
          deliverWebhook,
          { orgId: p.orgId, deliveryId: fresh.id, attempt: p.attempt + 1 },
          { runAt: next, key: `${fresh.id}:${p.attempt + 1}` },
        );
    });
  };
}
