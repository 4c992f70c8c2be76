import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { errorResponse, uuid } from '../../platform/contract/fields.ts';
import type { FileStore } from '../../platform/files.ts';
import { invalidField } from '../../platform/errors.ts';
import {
  addNoteRequest,
  attachmentList,
  attachmentUploadForm,
  changeStatusRequest,
  complaintDetail,
  complaintList,
  createComplaintRequest,
  listComplaintsQuery,
  recordFactsRequest,
  sendMessageRequest,
  sendReadbackRequest,
  suggestionsQuery,
  suggestionsResponse,
  timelineResponse,
  issueTrackingLinkRequest,
  revokeTrackingLinksResponse,
  trackingLinkResponse,
  mergeCustomerResponse,
  updateComplaintRequest,
  verbalConfirmationRequest,
} from './complaints.contract.ts';
import type { Attachment } from './attachments.repository.ts';
import { opensInline } from './domain/uploads.ts';
import { parseByteRange } from './domain/byte-range.ts';
import { registerCallRoutes } from './calls.routes.ts';
import { mergeCustomerRequest } from '../customers/customers.contract.ts';
import { complaintClocksView } from '../sla/sla.contract.ts';
import type { ComplaintService } from './complaints.service.ts';
import { registerQueueRoutes } from './queue.routes.ts';

const idParams = z.object({ id: uuid });

/**
 * A stored file, whole or the one byte range the request asks for (a `Range: bytes=…` header), so
 * that the browser's audio player can seek in a recording. A range past the end is a 416.
 */
export function sendAttachment(
  reply: FastifyReply,
  files: FileStore,
  a: Attachment,
  rangeHeader?: string,
) {
  const inline = opensInline(a.contentType);
  void reply
    .header('content-type', a.contentType)
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
    );
  const range = parseByteRange(rangeHeader, a.sizeBytes);
  if (range === 'unsatisfiable')
    return reply
      .status(416)
      .header('content-range', `bytes */${a.sizeBytes}`)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ error: { code: 'range_not_satisfiable', message: 'Range Not Satisfiable' } });
  if (range === undefined)
    return reply.header('content-length', String(a.sizeBytes)).send(files.open(a.storageKey));
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${a.sizeBytes}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(files.open(a.storageKey, range));
}

export function registerComplaintRoutes(
  app: HttpApp,
  deps: { complaints: ComplaintService; files: FileStore },
) {
  const { complaints } = deps;
  registerQueueRoutes(app, { complaints });
  registerCallRoutes(app, { complaints });

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
      description:
        "A message to the customer, by mail when the case has an address. `cc`: copies (they get the case's link too). `attachmentIds`: case files to send (they become visible to the customer; 20 MB in all). `format: formatted`: **bold**, `- ` and `1. ` lists and [links](https://…), as HTML and plain text.",
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
    schema: {
      tags: ['complaints'],
      description:
        'A new private link for the customer. With `revokeOthers`, every older link of the case stops working.',
      params: idParams,
      body: issueTrackingLinkRequest,
      response: { 200: trackingLinkResponse },
    },
    handler: async (request) =>
      complaints.issueTrackingLink(scopeOf(request.principal), request.params.id, {
        revokeOthers: request.body?.revokeOthers ?? false,
      }),
  });

  app.post('/api/complaints/:id/tracking-links/revoke', {
    config: { permission: 'complaint:message' },
    schema: {
      tags: ['complaints'],
      description: 'Every private link of the case stops working (for instance after a leak).',
      params: idParams,
      response: { 200: revokeTrackingLinksResponse },
    },
    handler: async (request) =>
      complaints.revokeTrackingLinks(scopeOf(request.principal), request.params.id),
  });

  app.post('/api/complaints/:id/attachments', {
    config: { permission: 'complaint:update' },
    schema: {
      tags: ['complaints'],
      params: idParams,
      consumes: ['multipart/form-data'],
      documentedBody: { 'multipart/form-data': attachmentUploadForm },
      response: { 201: attachmentList },
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

  app.get('/api/complaints/:id/clocks', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['complaints'], params: idParams, response: { 200: complaintClocksView } },
    handler: async (request) =>
      complaints.clocksOf(scopeOf(request.principal), request.params.id, request.lang),
  });

  app.post('/api/customers/:id/merge', {
    config: { permission: 'customer:update' },
    schema: {
      tags: ['customers'],
      description:
        'Merges this customer record into another (two records of one person): its complaints move, the other record takes the contact points it lacks, and this record goes. Audited.',
      params: idParams,
      body: mergeCustomerRequest,
      response: { 200: mergeCustomerResponse },
    },
    handler: async (request) =>
      complaints.mergeCustomers(scopeOf(request.principal), request.params.id, request.body.intoId),
  });

  app.get('/api/attachments/:id', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['complaints'], params: idParams },
    handler: async (request, reply) =>
      sendAttachment(
        reply,
        deps.files,
        await complaints.findAttachment(request.principal!.orgId, request.params.id),
        request.headers.range,
      ),
  });
}
