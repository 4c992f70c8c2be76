import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { errorResponse, uuid } from '../../platform/contract/fields.ts';
import type { FileStore } from '../../platform/files.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import {
  addNoteRequest,
  attachmentView,
  changeStatusRequest,
  complaintDetail,
  complaintList,
  createComplaintRequest,
  listComplaintsQuery,
  portalConfirmRequest,
  portalView,
  publicComplaintRequest,
  publicComplaintResponse,
  publicOrgView,
  recordFactsRequest,
  sendMessageRequest,
  sendReadbackRequest,
  suggestionsQuery,
  suggestionsResponse,
  timelineResponse,
  trackingLinkResponse,
  updateComplaintRequest,
  verbalConfirmationRequest,
} from './complaints.contract.ts';
import type { Attachment } from './complaints.repository.ts';
import type { ComplaintService } from './complaints.service.ts';
import type { ReasonService } from '../reasons/index.ts';

const idParams = z.object({ id: uuid });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

function sendAttachment(reply: FastifyReply, files: FileStore, a: Attachment) {
  const inline =
    a.contentType.startsWith('image/') ||
    a.contentType.startsWith('audio/') ||
    a.contentType === 'application/pdf';
  return reply
    .header('content-type', a.contentType)
    .header('content-length', String(a.sizeBytes))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
    )
    .send(files.open(a.storageKey));
}

export function registerComplaintRoutes(
  app: HttpApp,
  deps: { complaints: ComplaintService; files: FileStore },
) {
  const { complaints } = deps;

  app.get('/api/complaints', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['complaints'],
      querystring: listComplaintsQuery,
      response: { 200: complaintList },
    },
    handler: async (request) =>
      complaints.list(scopeOf(request.principal), request.query, request.lang),
  });

  app.post('/api/complaints', {
    config: { permission: 'complaint:create' },
    schema: {
      tags: ['complaints'],
      description:
        'Creates a complaint. Send an `Idempotency-Key` header: a retry with the same key and body returns the first complaint (200) instead of a second one.',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      body: createComplaintRequest,
      response: {
        201: complaintDetail,
        200: complaintDetail,
        400: errorResponse,
        409: errorResponse,
      },
    },
    handler: async (request, reply) => {
      const result = await complaints.create(
        scopeOf(request.principal),
        request.body,
        request.headers['idempotency-key'],
      );
      const { created, ...detail } = result;
      return reply.status(created ? 201 : 200).send(detail);
    },
  });

  app.get('/api/complaints/:id', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['complaints'], params: idParams, response: { 200: complaintDetail } },
    handler: async (request) => complaints.detail(scopeOf(request.principal), request.params.id),
  });

  app.patch('/api/complaints/:id', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: updateComplaintRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.update(scopeOf(request.principal), request.params.id, request.body),
  });

  app.get('/api/complaints/:id/timeline', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['complaints'], params: idParams, response: { 200: timelineResponse } },
    handler: async (request) => ({
      events: await complaints.timeline(scopeOf(request.principal), request.params.id),
    }),
  });

  app.post('/api/complaints/:id/status', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: changeStatusRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.changeStatus(
        scopeOf(request.principal),
        request.params.id,
        request.body.status,
        request.body.note,
      ),
  });

  app.post('/api/complaints/:id/facts', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: recordFactsRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.recordFacts(scopeOf(request.principal), request.params.id, request.body),
  });

  app.post('/api/complaints/:id/readback/send', {
    config: { permission: 'complaint:message' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: sendReadbackRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.sendReadBack(scopeOf(request.principal), request.params.id, request.body.version),
  });

  app.post('/api/complaints/:id/readback/verbal', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: verbalConfirmationRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.confirmVerbally(scopeOf(request.principal), request.params.id, request.body),
  });

  app.get('/api/complaints/:id/suggestions', {
    config: { permission: 'template:read' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      querystring: suggestionsQuery,
      response: { 200: suggestionsResponse },
    },
    handler: async (request) => ({
      suggestions: await complaints.suggestions(
        scopeOf(request.principal),
        request.params.id,
        request.query.step,
      ),
    }),
  });

  app.post('/api/complaints/:id/messages', {
    config: { permission: 'complaint:message' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      body: sendMessageRequest,
      response: { 200: complaintDetail },
    },
    handler: async (request) =>
      complaints.sendMessage(scopeOf(request.principal), request.params.id, request.body),
  });

  app.post('/api/complaints/:id/notes', {
    config: { permission: 'complaint:note' },
    schema: { tags: ['complaints'], params: idParams, body: addNoteRequest },
    handler: async (request) =>
      complaints.addNote(scopeOf(request.principal), request.params.id, request.body.body),
  });

  app.post('/api/complaints/:id/tracking-link', {
    config: { permission: 'complaint:message' },
    schema: { tags: ['complaints'], params: idParams, response: { 200: trackingLinkResponse } },
    handler: async (request) =>
      complaints.issueTrackingLink(scopeOf(request.principal), request.params.id),
  });

  app.post('/api/complaints/:id/attachments', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: z.object({ items: z.array(attachmentView) }) },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw invalidField('file', 'field.required');
      const items = await complaints.addAttachments(
        scopeOf(request.principal),
        request.params.id,
        uploadParts(request),
      );
      return reply.status(201).send({ items });
    },
  });

  app.get('/api/attachments/:id', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['complaints'], params: idParams },
    handler: async (request, reply) =>
      sendAttachment(
        reply,
        deps.files,
        await complaints.findAttachment(request.principal!.orgId, request.params.id),
      ),
  });
}

export function registerPublicRoutes(
  app: HttpApp,
  deps: {
    complaints: ComplaintService;
    reasons: ReasonService;
    findOrgBySlug: (
      slug: string,
    ) => Promise<
      { id: string; name: string; slug: string; defaultLanguage: 'vi' | 'en' | 'zh' } | undefined
    >;
  },
) {
  const slugParams = z.object({ slug: z.string().min(1).max(63) });

  app.get('/api/public/orgs/:slug', {
    config: { permission: 'public', rateLimit: { max: 120, windowMs: 60_000 } },
    schema: { tags: ['public'], params: slugParams, response: { 200: publicOrgView } },
    handler: async (request) => {
      const org = await deps.findOrgBySlug(request.params.slug);
      if (!org) throw new AppError('not_found');
      return {
        name: org.name,
        slug: org.slug,
        defaultLanguage: org.defaultLanguage,
        reasons: await deps.reasons.localized(org.id, request.lang),
      };
    },
  });

  app.post('/api/public/orgs/:slug/complaints', {
    config: { permission: 'public', rateLimit: { max: 10, windowMs: 10 * 60_000 } },
    schema: {
      tags: ['public'],
      params: slugParams,
      body: publicComplaintRequest,
      response: { 201: publicComplaintResponse },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await deps.complaints.createFromPublicForm(request.params.slug, request.body)),
  });
}

export function registerPortalRoutes(
  app: HttpApp,
  deps: { complaints: ComplaintService; files: FileStore },
) {
  const { complaints } = deps;
  const limit = { max: 120, windowMs: 60_000 };

  app.get('/api/portal/:token', {
    config: { permission: 'public', rateLimit: limit },
    schema: { tags: ['portal'], params: tokenParams, response: { 200: portalView } },
    handler: async (request) => complaints.portal(request.params.token),
  });

  app.post('/api/portal/:token/readback/confirm', {
    config: { permission: 'public', rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      params: tokenParams,
      body: portalConfirmRequest,
      response: { 200: portalView },
    },
    handler: async (request) =>
      complaints.portalConfirm(request.params.token, request.body.version),
  });

  app.post('/api/portal/:token/messages', {
    config: { permission: 'public', rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      params: tokenParams,
      consumes: ['multipart/form-data', 'application/json'],
      response: { 200: portalView },
    },
    handler: async (request) => {
      const parts = request.isMultipart()
        ? uploadParts(request)
        : (async function* () {
            const body = (request.body as { body?: unknown } | undefined)?.body;
            yield {
              kind: 'field' as const,
              name: 'body',
              value: typeof body === 'string' ? body : '',
            };
          })();
      return complaints.portalReply(request.params.token, parts);
    },
  });

  app.get('/api/portal/:token/attachments/:id', {
    config: { permission: 'public', rateLimit: limit },
    schema: { tags: ['portal'], params: z.object({ token: z.string().min(1).max(200), id: uuid }) },
    handler: async (request, reply) =>
      sendAttachment(
        reply,
        deps.files,
        await complaints.portalAttachment(request.params.token, request.params.id),
      ),
  });
}
