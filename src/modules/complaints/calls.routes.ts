import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { errorResponse, uuid } from '../../platform/contract/fields.ts';
import { invalidField } from '../../platform/errors.ts';
import {
  callList,
  callView,
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
        'Logs a phone call on the case `complaintId` names (a phone system that knows the case). A call that starts a complaint is logged on the case once `POST /api/complaints` with channel `phone` has made it.',
      body: logCallOnCaseRequest,
      response: { 201: callView, 400: errorResponse },
    },
    handler: async (request, reply) => {
      const { complaintId, ...call } = request.body;
      return reply
        .status(201)
        .send(await complaints.logCall(scopeOf(request.principal), complaintId, call));
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
