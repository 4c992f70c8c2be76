import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, type Actor } from '../../platform/actor.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { FileStore } from '../../platform/files.ts';
import {
  portalConfirmRequest,
  portalLanguageRequest,
  portalReplyForm,
  portalReplyJson,
  portalView,
  publicComplaintForm,
  publicComplaintRequest,
  publicComplaintResponse,
  publicOrgView,
} from './complaints.contract.ts';
import { sendAttachment } from './complaints.routes.ts';
import type { ComplaintService } from './complaints.service.ts';

const tokenParams = z.object({ token: z.string().min(1).max(200) });

async function* noParts(): AsyncGenerator<never> {}

/** A signed-in staff member acting in a portal is recorded as staff, never as the customer. */
const staffIn = (request: FastifyRequest): Actor | undefined =>
  request.principal ? actorOf(request.principal) : undefined;

export function registerPublicRoutes(
  app: HttpApp,
  deps: {
    complaints: ComplaintService;
  },
) {
  const slugParams = z.object({ slug: z.string().min(1).max(63) });

  app.get('/api/public/orgs/:slug', {
    config: { permission: 'public', rateLimit: { max: 120, windowMs: 60_000 } },
    schema: { tags: ['public'], params: slugParams, response: { 200: publicOrgView } },
    handler: async (request) => deps.complaints.publicOrg(request.params.slug, request.lang),
  });

  app.post('/api/public/orgs/:slug/complaints', {
    // Ten complaints per ten minutes from one address; a form sent back for a mistyped field
    // draws on its own, larger budget, so the customer can still correct it and send it.
    config: {
      permission: 'public',
      rateLimit: { max: 10, windowMs: 10 * 60_000, invalidMax: 60 },
    },
    schema: {
      tags: ['public'],
      description:
        'The public web form. As JSON, or as multipart/form-data with photos or documents after the fields (the same limits as the portal). Every refused field is listed in `error.errors`.',
      params: slugParams,
      consumes: ['application/json', 'multipart/form-data'],
      documentedBody: {
        'application/json': publicComplaintRequest,
        'multipart/form-data': publicComplaintForm,
      },
      response: { 201: publicComplaintResponse },
    },
    // The handler reads the body itself: multipart fields and files as they stream.
    handler: async (request, reply) => {
      const isMultipart = request.isMultipart();
      const created = await deps.complaints.createFromPublicForm(request.params.slug, {
        body: isMultipart ? undefined : request.body,
        parts: isMultipart ? uploadParts(request) : noParts(),
      });
      return reply.status(201).send(created);
    },
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
    config: { permission: 'public', identify: true, rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      params: tokenParams,
      body: portalConfirmRequest,
      response: { 200: portalView },
    },
    handler: async (request) =>
      complaints.portalConfirm(request.params.token, request.body.version, staffIn(request)),
  });

  app.post('/api/portal/:token/language', {
    config: { permission: 'public', identify: true, rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      description:
        'The customer reads the case in another language from now on: the portal and the mail about it. A signed-in staff member changes nothing.',
      params: tokenParams,
      body: portalLanguageRequest,
      response: { 200: portalView },
    },
    handler: async (request) =>
      complaints.portalLanguage(request.params.token, request.body.language, staffIn(request)),
  });

  app.post('/api/portal/:token/messages', {
    config: { permission: 'public', identify: true, rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      params: tokenParams,
      consumes: ['multipart/form-data', 'application/json'],
      documentedBody: {
        'multipart/form-data': portalReplyForm,
        'application/json': portalReplyJson,
      },
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
      return complaints.portalReply(request.params.token, parts, staffIn(request));
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
        request.headers.range,
      ),
  });
}
