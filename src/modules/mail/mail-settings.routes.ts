import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import {
  mailAddressRequest,
  mailSettingsView,
  updateMailSettingsRequest,
} from './mail.contract.ts';
import type { MailSenders } from './senders.ts';

const tags = ['mail'];

/** The org's mail under its own name: sender, DKIM, inbound addresses. Admins only. */
export function registerMailSettingsRoutes(app: HttpApp, deps: { senders: MailSenders }) {
  const { senders } = deps;
  app.get('/api/mail-settings', {
    config: { permission: 'org:admin' },
    schema: { tags, response: { 200: mailSettingsView } },
    handler: async (request) => senders.settings(request.principal!.orgId),
  });
  app.put('/api/mail-settings', {
    config: { permission: 'org:admin' },
    schema: {
      tags,
      description:
        'Sets the sender of the org’s customer mail and its DKIM key (PEM, RSA ≥ 1024 bits; omit privateKey to keep the stored one). The key is never returned.',
      body: updateMailSettingsRequest,
      response: { 200: mailSettingsView },
    },
    handler: async (request) => senders.update(scopeOf(request.principal), request.body),
  });
  app.post('/api/mail-settings/addresses', {
    config: { permission: 'org:admin' },
    schema: { tags, body: mailAddressRequest, response: { 201: mailSettingsView } },
    handler: async (request, reply) => {
      reply.code(201);
      return senders.addAddress(scopeOf(request.principal), request.body.address);
    },
  });
  app.delete('/api/mail-settings/addresses/:address', {
    config: { permission: 'org:admin' },
    schema: {
      tags,
      params: z.object({ address: z.string().max(254) }),
      response: { 200: mailSettingsView },
    },
    handler: async (request) =>
      senders.removeAddress(scopeOf(request.principal), request.params.address),
  });
}
