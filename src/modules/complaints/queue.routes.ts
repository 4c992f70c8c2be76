import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import { errorResponse, uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { sendExport } from '../../platform/export/send-export.ts';
import type { ComplaintService } from './complaints.service.ts';
import {
  bulkActionRequest,
  bulkActionResponse,
  createSavedViewRequest,
  exportComplaintsQuery,
  savedView,
  savedViewList,
  savedViewRemoved,
  updateSavedViewRequest,
} from './queue.contract.ts';

const idParams = z.object({ id: uuid });

/** The queue's own routes: bulk actions on its cases, and each person's saved views. */
export function registerQueueRoutes(app: HttpApp, deps: { complaints: ComplaintService }) {
  const { complaints } = deps;

  app.get('/api/complaints/export', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      description:
        'The queue as CSV (UTF-8 with a byte-order mark) or xlsx, headed in the reader’s language: every case the same filters and search select (not one page), newest first, streamed as it is read.',
      querystring: exportComplaintsQuery,
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await complaints.exportQueue(
        scopeOf(request.principal),
        { ...query, page: 1, pageSize: 25 },
        format,
        request.lang,
      );
      return sendExport(reply, file);
    },
  });

  app.post('/api/complaints/bulk', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      description:
        "One action on many cases: `assign` (ownerId, or null for nobody) or `changeStatus`. Each case is changed as its own request would change it, with the same events, and audited; the answer says per case whether it `changed`, was `unchanged` (already so: a retry changes nothing) or was `refused`, and why (another org's case is not_found). One refusal does not stop the others.",
      body: bulkActionRequest,
      response: { 200: bulkActionResponse, 400: errorResponse },
    },
    handler: async (request) =>
      complaints.bulk(scopeOf(request.principal), request.body, request.lang),
  });

  app.get('/api/queue/views', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      description:
        "The signed-in person's saved views of the queue, and what the queue opens with: their default view, or their role's.",
      response: { 200: savedViewList },
    },
    handler: async (request) => complaints.listViews(scopeOf(request.principal)),
  });

  app.post('/api/queue/views', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      body: createSavedViewRequest,
      response: { 201: savedView, 400: errorResponse, 409: errorResponse },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await complaints.createView(scopeOf(request.principal), request.body)),
  });

  app.patch('/api/queue/views/:id', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      description: 'Renames a view, changes its filters, or makes it (or no longer) the default.',
      params: idParams,
      body: updateSavedViewRequest,
      response: { 200: savedView, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
    handler: async (request) =>
      complaints.updateView(scopeOf(request.principal), request.params.id, request.body),
  });

  app.delete('/api/queue/views/:id', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      response: { 200: savedViewRemoved, 404: errorResponse },
    },
    handler: async (request) => {
      await complaints.removeView(scopeOf(request.principal), request.params.id);
      return { ok: true as const };
    },
  });
}
