import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { AppError } from '../../platform/errors.ts';
import type { LiveHub } from '../../platform/live.ts';
import type { LiveStreamSlots } from '../../platform/live-streams.ts';
import { uuid } from '../../platform/contract/fields.ts';
import { noticeList } from './notices.contract.ts';
import type { NoticesService } from './notices.service.ts';

export function registerNoticeRoutes(
  app: HttpApp,
  deps: { notices: NoticesService; live: LiveHub; streams: LiveStreamSlots },
) {
  const { notices } = deps;

  app.get('/api/notices', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['notices'],
      querystring: z.object({
        unread: z.enum(['true', 'false']).default('false'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: noticeList },
    },
    handler: async (request) => {
      const p = request.principal!;
      if (p.kind !== 'user') return { items: [], unread: 0 };
      return notices.list(p.orgId, p.userId, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
    },
  });

  app.post('/api/notices/read', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['notices'],
      body: z.object({ ids: z.union([z.array(uuid).max(500), z.literal('all')]) }),
    },
    handler: async (request) => {
      const p = request.principal!;
      if (p.kind === 'user') await notices.markRead(p.orgId, p.userId, request.body.ids);
      return { ok: true };
    },
  });

  /**
   * Server-sent events for the signed-in person: their notices, deadline requests for their
   * department, and changes to the complaints they have open (?complaint=<id>, repeatable).
   * A session holds at most `streams.maxPerSession` of them open, across every process.
   */
  app.get('/api/live', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['notices'],
      description:
        'A stream of server-sent events (text/event-stream) for a signed-in person. One session may hold a limited number open (429 beyond it).',
      security: [{ session: [] }],
      querystring: z.object({ complaint: z.union([uuid, z.array(uuid).max(20)]).optional() }),
    },
    handler: async (request, reply) => {
      const p = request.principal!;
      if (p.kind !== 'user')
        return reply
          .status(400)
          .send({ error: { code: 'validation_failed', message: 'sessions only' } });
      const live = await notices.liveFilter(
        p.orgId,
        p.userId,
        [request.query.complaint ?? []].flat(),
      );
      const slot = await deps.streams.open(`${p.orgId}|${p.sessionId}`, () => reply.raw.end());
      if (!slot)
        throw new AppError('rate_limited', {
          messageKey: 'error.too_many_streams',
          params: { max: deps.streams.maxPerSession },
        });
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const subscribed = deps.live.subscribe(live.isFor, (e) =>
        send(e.topic, { ...e.payload, complaintId: e.complaintId ?? e.payload.complaintId }),
      );
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
      let closed = false;
      // The response closes when the client goes away (or the server stops): the slot is free.
      raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        slot.release();
        subscribed.then(
          (unsubscribe) => unsubscribe(),
          () => undefined,
        );
      });
      await subscribed;
      if (!closed) send('ready', { departments: live.departments });
    },
  });
}
