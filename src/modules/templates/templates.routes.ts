import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  createTemplateRequest,
  templateList,
  templateView,
  updateTemplateRequest,
} from './templates.contract.ts';
import type { TemplateService } from './templates.service.ts';

const idParams = z.object({ id: uuid });

export function registerTemplateRoutes(app: HttpApp, deps: { templates: TemplateService }) {
  const { templates } = deps;
  app.get('/api/templates', {
    config: { permission: 'template:read' },
    schema: { tags: ['templates'], response: { 200: templateList } },
    handler: async (request) => ({ items: await templates.list(request.principal!.orgId) }),
  });
  app.post('/api/templates', {
    config: { permission: 'template:admin' },
    schema: { tags: ['templates'], body: createTemplateRequest, response: { 201: templateView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply.status(201).send(await templates.create(s.orgId, s.actor, request.body));
    },
  });
  app.patch('/api/templates/:id', {
    config: { permission: 'template:admin' },
    schema: {
      tags: ['templates'],
      params: idParams,
      body: updateTemplateRequest,
      response: { 200: templateView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return templates.update(s.orgId, s.actor, request.params.id, request.body);
    },
  });
  app.delete('/api/templates/:id', {
    config: { permission: 'template:admin' },
    schema: { tags: ['templates'], params: idParams },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      await templates.remove(s.orgId, s.actor, request.params.id);
      return { ok: true };
    },
  });
}
