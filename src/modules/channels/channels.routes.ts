import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { inboundMailList, inboundMailView } from './channels.contract.ts';
import type { ChannelService } from './channels.service.ts';

const idParams = z.object({ id: uuid });
const tags = ['channels'];

export function registerChannelRoutes(app: HttpApp, deps: { channels: ChannelService }) {
  const { channels } = deps;

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
