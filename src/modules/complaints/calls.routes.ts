import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { errorResponse, uuid } from '../../platform/contract/fields.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import {
  callList,
  callView,
  loggedCallView,
  logCallOnCaseRequest,
  logCallRequest,
  recordingUploadForm,
} from './calls.contract.ts';
import type { ComplaintService } from './complaints.service.ts';

const idParams = z.object({ id: uuid });

/** Phone calls on a case and their recordings. */
export function registerCallRoutes(app: HttpApp, deps: { complaints: ComplaintService }) {
  const { complaints } = deps;

  app.get('/api/complaints/:id/calls', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['calls'], params: idParams, response: { 200: callList } },
    handler: async (request) => ({
      items: await complaints.listCalls(scopeOf(request.principal), request.params.id),
    }),
  });

  app.post('/api/complaints/:id/calls', {
    config: { permission: 'call:log' },
    schema: {
      tags: ['calls'],
      description: 'Logs a phone call on the case; it joins the case and its timeline.',
      params: idParams,
      body: logCallRequest,
      response: { 201: callView, 400: errorResponse },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await complaints.logCall(scopeOf(request.principal), request.params.id, request.body),
        ),
  });

  app.post('/api/calls', {
    config: { permission: 'call:log' },
    schema: {
      tags: ['calls'],
      description:
        'Logs a phone call from a phone system: on the case `complaintId` names, or, with `complaint` instead, as the start of a new phone complaint (that also needs `complaint:create`). The new case and its call are written in one transaction; send an `Idempotency-Key` header and a retry with the same key and body answers the first call (200) instead of logging a second.',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      body: logCallOnCaseRequest,
      response: {
        201: loggedCallView,
        200: loggedCallView,
        400: errorResponse,
        403: errorResponse,
        409: errorResponse,
      },
    },
    handler: async (request, reply) => {
      if (request.body.complaint && !request.principal?.permissions.has('complaint:create'))
        throw new AppError('forbidden');
      const logged = await complaints.logCallOnCase(
        scopeOf(request.principal),
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(logged.startedComplaint?.created === false ? 200 : 201).send(logged);
    },
  });

  app.get('/api/calls/:id', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['calls'], params: idParams, response: { 200: callView } },
    handler: async (request) => complaints.getCall(scopeOf(request.principal), request.params.id),
  });

  app.post('/api/calls/:id/recording', {
    config: { permission: 'call:log' },
    schema: {
      tags: ['calls'],
      description:
        'Attaches the recording of the call: one MP3, M4A, Ogg or WAV file, judged by its bytes, under the same limits and quotas as other uploads. It is kept as an internal attachment of kind `call_recording`, served with byte ranges at `/api/attachments/{id}`.',
      params: idParams,
      consumes: ['multipart/form-data'],
      documentedBody: { 'multipart/form-data': recordingUploadForm },
      response: { 201: callView },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw invalidField('file', 'field.required');
      const call = await complaints.attachRecording(
        scopeOf(request.principal),
        request.params.id,
        uploadParts(request),
      );
      return reply.status(201).send(call);
    },
  });
}
