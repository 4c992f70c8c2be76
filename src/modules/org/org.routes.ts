import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { text, uuid } from '../../platform/contract/fields.ts';
import {
  auditView,
  createDepartmentRequest,
  createUserRequest,
  departmentList,
  departmentView,
  orgView,
  updateDepartmentRequest,
  updateOrgRequest,
  updateUserRequest,
  userList,
  userView,
} from './org.contract.ts';
import type { OrgService } from './org.service.ts';

const idParams = z.object({ id: uuid });

export function registerOrgRoutes(app: HttpApp, deps: { org: OrgService }) {
  const { org } = deps;

  app.get('/api/org', {
    config: { permission: 'authenticated' },
    schema: { tags: ['org'], response: { 200: orgView } },
    handler: async (request) => org.getOrg(request.principal!.orgId),
  });
  app.patch('/api/org', {
    config: { permission: 'org:admin' },
    schema: { tags: ['org'], body: updateOrgRequest, response: { 200: orgView } },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return org.updateOrg(s.orgId, s.actor, request.body);
    },
  });

  app.get('/api/departments', {
    config: { permission: 'department:read' },
    schema: { tags: ['org'], response: { 200: departmentList } },
    handler: async (request) => ({ items: await org.listDepartments(request.principal!.orgId) }),
  });
  app.post('/api/departments', {
    config: { permission: 'department:admin' },
    schema: { tags: ['org'], body: createDepartmentRequest, response: { 201: departmentView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply.status(201).send(await org.createDepartment(s.orgId, s.actor, request.body));
    },
  });
  app.patch('/api/departments/:id', {
    config: { permission: 'department:admin' },
    schema: {
      tags: ['org'],
      params: idParams,
      body: updateDepartmentRequest,
      response: { 200: departmentView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return org.updateDepartment(s.orgId, s.actor, request.params.id, request.body);
    },
  });
  app.delete('/api/departments/:id', {
    config: { permission: 'department:admin' },
    schema: { tags: ['org'], params: idParams },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      await org.deleteDepartment(s.orgId, s.actor, request.params.id);
      return { ok: true };
    },
  });

  app.get('/api/users', {
    config: { permission: 'user:read' },
    schema: { tags: ['org'], response: { 200: userList } },
    handler: async (request) => ({ items: await org.listUsers(request.principal!.orgId) }),
  });
  app.post('/api/users', {
    config: { permission: 'user:admin' },
    schema: { tags: ['org'], body: createUserRequest, response: { 201: userView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply.status(201).send(await org.createUser(s.orgId, s.actor, request.body));
    },
  });
  app.get('/api/users/:id', {
    config: { permission: 'user:read' },
    schema: { tags: ['org'], params: idParams, response: { 200: userView } },
    handler: async (request) => org.getUser(request.principal!.orgId, request.params.id),
  });
  app.patch('/api/users/:id', {
    config: { permission: 'user:admin' },
    schema: {
      tags: ['org'],
      params: idParams,
      body: updateUserRequest,
      response: { 200: userView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return org.updateUser(s.orgId, s.actor, request.params.id, request.body);
    },
  });
  app.get('/api/users/:id/manager-chain', {
    config: { permission: 'user:read' },
    schema: {
      tags: ['org'],
      params: idParams,
      response: { 200: userList },
    },
    handler: async (request) => ({
      items: await org.managerChain(request.principal!.orgId, request.params.id),
    }),
  });

  app.get('/api/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['org'],
      querystring: z.object({
        entityType: text({ max: 50 }).optional(),
        entityId: text({ max: 100 }).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(auditView) }) },
    },
    handler: async (request) => ({
      items: await org.listAudit(request.principal!.orgId, request.query),
    }),
  });
}
