import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import {
  inboundMailList,
  inboundMailView,
  mailboxInput,
  mailboxResponse,
  pollResult,
} from './channels.contract.ts';
import type { ChannelService } from './channels.service.ts';
import type { Mailboxes } from './mailboxes.ts';

const idParams = z.object({ id: uuid });
const tags = ['channels'];

export function registerChannelRoutes(
  app: HttpApp,
  deps: { channels: ChannelService; mailboxes: Mailboxes },
) {
  const { channels, mailboxes } = deps;

  app.get('/api/mail-settings/mailbox', {
    config: { permission: 'org:admin' },
    schema: { tags, response: { 200: mailboxResponse } },
    handler: async (request) => ({ mailbox: await mailboxes.view(request.principal!.orgId) }),
  });
  app.put('/api/mail-settings/mailbox', {
    config: { permission: 'org:admin' },
    schema: {
      tags,
      description:
        'The IMAP mailbox the worker fetches the org’s mail from (IDLE where the server can). Fetched mail is moved to processedFolder, or flagged $OmbudFetched. The password is never returned.',
      body: mailboxInput,
      response: { 200: mailboxResponse },
    },
    handler: async (request) => ({
      mailbox: await mailboxes.save(scopeOf(request.principal), request.body),
    }),
  });
  app.delete('/api/mail-settings/mailbox', {
    config: { permission: 'org:admin' },
    schema: { tags, response: { 200: mailboxResponse } },
    handler: async (request) => {
      await mailboxes.remove(scopeOf(request.principal));
      return { mailbox: null };
    },
  });
  app.post('/api/mail-settings/mailbox/poll', {
    config: { permission: 'org:admin', rateLimit: { max: 6, windowMs: 60_000 } },
    schema: { tags, description: 'Fetches the mailbox now.', response: { 200: pollResult } },
    handler: async (request) => mailboxes.pollNow(scopeOf(request.principal)),
  });

  app.get('/api/complaints/:id/inbound-mail', {
    config: { permission: 'complaint:read' },
    schema: {
      tags,
      description:
        'The mail a case came in by or was answered by (and mail that named it from another sender), each with the text shown on the case and the whole text.',
      params: idParams,
      response: { 200: inboundMailList },
    },
    handler: async (request) => ({
      items: await channels.listForComplaint(request.principal!.orgId, request.params.id),
    }),
  });

  app.get('/api/inbound-mail/:id', {
    config: { permission: 'complaint:read' },
    schema: { tags, params: idParams, response: { 200: inboundMailView } },
    handler: async (request) => channels.getInbound(request.principal!.orgId, request.params.id),
  });

  app.get('/api/inbound-mail/:id/raw', {
    config: { permission: 'complaint:read' },
    schema: {
      tags,
      description: 'The mail exactly as it arrived (RFC 822), to download.',
      params: idParams,
    },
    handler: async (request, reply) => {
      const raw = await channels.getRaw(request.principal!.orgId, request.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
        .send(raw);
    },
  });
}
