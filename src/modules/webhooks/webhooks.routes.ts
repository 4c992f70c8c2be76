import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import {
  deliveryList,
  deliveryQuery,
  deliveryView,
  webhookInput,
  webhookList,
  webhookParams,
  webhookPatch,
  webhookView,
  webhookWithSecret,
} from './webhooks.contract.ts';
import type { WebhookService } from './webhooks.service.ts';

const tags = ['webhooks'];
const permission = 'webhook:admin';
/** A test event is a real request to another server: a few a minute from one address. */
const testLimit = { max: 10, windowMs: 60_000 };

export function registerWebhookRoutes(app: HttpApp, deps: { webhooks: WebhookService }) {
  const { webhooks } = deps;

  app.get('/api/webhooks', {
    config: { permission },
    schema: { tags, response: { 200: webhookList } },
    handler: async (request) => ({ items: await webhooks.list(request.principal!.orgId) }),
  });
  app.post('/api/webhooks', {
    config: { permission },
    schema: { tags, body: webhookInput, response: { 201: webhookWithSecret } },
    handler: async (request, reply) =>
      reply.status(201).send(await webhooks.create(scopeOf(request.principal), request.body)),
  });
  app.patch('/api/webhooks/:id', {
    config: { permission },
    schema: { tags, params: webhookParams, body: webhookPatch, response: { 200: webhookView } },
    handler: async (request) =>
      webhooks.update(scopeOf(request.principal), request.params.id, request.body),
  });
  app.delete('/api/webhooks/:id', {
    config: { permission },
    schema: { tags, params: webhookParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      await webhooks.remove(scopeOf(request.principal), request.params.id);
      return { ok: true as const };
    },
  });
  app.post('/api/webhooks/:id/rotate-secret', {
    config: { permission },
    schema: { tags, params: webhookParams, response: { 200: webhookWithSecret } },
    handler: async (request) =>
      webhooks.rotateSecret(scopeOf(request.principal), request.params.id),
  });
  app.post('/api/webhooks/:id/test', {
    config: { permission, rateLimit: testLimit },
    schema: { tags, params: webhookParams, response: { 202: deliveryView } },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(await webhooks.sendTest(scopeOf(request.principal), request.params.id)),
  });
  app.get('/api/webhooks/:id/deliveries', {
    config: { permission },
    schema: {
      tags,
      params: webhookParams,
      querystring: deliveryQuery,
      response: { 200: deliveryList },
    },
    handler: async (request) => ({
      items: await webhooks.deliveries(
        request.principal!.orgId,
        request.params.id,
        request.query.limit,
      ),
    }),
  });
  app.post('/api/webhook-deliveries/:id/resend', {
    config: { permission },
    schema: { tags, params: webhookParams, response: { 202: deliveryView } },
    handler: async (request, reply) =>
      reply.status(202).send(await webhooks.resend(scopeOf(request.principal), request.params.id)),
  });
}
