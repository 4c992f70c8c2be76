import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  createReasonRequest,
  reasonList,
  reasonView,
  updateReasonRequest,
} from './reasons.contract.ts';
import type { ReasonService } from './reasons.service.ts';

const idParams = z.object({ id: uuid });

export function registerReasonRoutes(app: HttpApp, deps: { reasons: ReasonService }) {
  const { reasons } = deps;
  app.get('/api/reasons', {
    config: { permission: 'reason:read' },
    schema: { tags: ['reasons'], response: { 200: reasonList } },
    handler: async (request) => ({ items: await reasons.list(request.principal!.orgId) }),
  });
  app.post('/api/reasons', {
    config: { permission: 'reason:admin' },
    schema: { tags: ['reasons'], body: createReasonRequest, response: { 201: reasonView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply.status(201).send(await reasons.create(s.orgId, s.actor, request.body));
    },
  });
  app.patch('/api/reasons/:id', {
    config: { permission: 'reason:admin' },
    schema: {
      tags: ['reasons'],
      params: idParams,
      body: updateReasonRequest,
      response: { 200: reasonView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return reasons.update(s.orgId, s.actor, request.params.id, request.body);
    },
  });
  app.delete('/api/reasons/:id', {
    config: { permission: 'reason:admin' },
    schema: { tags: ['reasons'], params: idParams },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return reasons.remove(s.orgId, s.actor, request.params.id);
    },
  });
}
