// Signed webhooks as the admin screen calls them: endpoints, their secret, the delivery log.
// Spread into the one endpoint table (endpoints.ts), built the same way.
import { z } from 'zod';
import {
  deliveryList,
  deliveryQuery,
  deliveryView,
  webhookInput,
  webhookList,
  webhookPatch,
  webhookView,
  webhookWithSecret,
} from '../../../src/modules/webhooks/webhooks.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const patch = route('PATCH');
const del = route('DELETE');

export const webhookEndpoints = {
  listWebhooks: get('/api/webhooks', { response: webhookList }),
  createWebhook: post('/api/webhooks', { body: webhookInput, response: webhookWithSecret }),
  updateWebhook: patch('/api/webhooks/:id', { body: webhookPatch, response: webhookView }),
  deleteWebhook: del('/api/webhooks/:id', { response: z.object({ ok: z.literal(true) }) }),
  rotateWebhookSecret: post('/api/webhooks/:id/rotate-secret', { response: webhookWithSecret }),
  testWebhook: post('/api/webhooks/:id/test', { response: deliveryView }),
  webhookDeliveries: get('/api/webhooks/:id/deliveries', {
    query: deliveryQuery,
    response: deliveryList,
  }),
  resendDelivery: post('/api/webhook-deliveries/:id/resend', { response: deliveryView }),
};
