import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  answerDeadlineRequest,
  commitmentInput,
  complaintCommitmentsView,
  deadlineRequestInput,
  deadlineRequestList,
  deadlineRequestView,
  deadlineRequestsQuery,
  promiseReport,
  promiseReportQuery,
  proposalQuery,
  proposalView,
  taskTypeList,
  taskTypeRequest,
  taskTypeStats,
  taskTypeView,
} from './commitments.contract.ts';
import type { CommitmentService } from './commitments.service.ts';

const idParams = z.object({ id: uuid });

export function registerCommitmentRoutes(app: HttpApp, deps: { commitments: CommitmentService }) {
  const { commitments } = deps;

  app.get('/api/task-types', {
    config: { permission: 'sla:read' },
    schema: {
      tags: ['commitments'],
      response: { 200: taskTypeList },
    },
    handler: async (request) => ({
      items: await commitments.listTaskTypes(request.principal!.orgId, request.lang),
    }),
  });
  app.post('/api/task-types', {
    config: { permission: 'tasktype:admin' },
    schema: { tags: ['commitments'], body: taskTypeRequest, response: { 201: taskTypeView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply
        .status(201)
        .send(await commitments.createTaskType(s.orgId, s.actor, request.body, request.lang));
    },
  });
  app.put('/api/task-types/:id', {
    config: { permission: 'tasktype:admin' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      body: taskTypeRequest,
      response: { 200: taskTypeView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return commitments.updateTaskType(
        s.orgId,
        s.actor,
        request.params.id,
        request.body,
        request.lang,
      );
    },
  });

  app.get('/api/complaints/:id/commitment-proposal', {
    config: { permission: 'commitment:make' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      querystring: proposalQuery,
      response: { 200: proposalView },
    },
    handler: async (request) =>
      commitments.propose(
        request.principal!.orgId,
        request.params.id,
        request.query.taskTypeId,
        request.lang,
      ),
  });
  app.get('/api/complaints/:id/commitments', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      response: { 200: complaintCommitmentsView },
    },
    handler: async (request) =>
      commitments.ofComplaint(request.principal!.orgId, request.params.id, request.lang),
  });
  app.post('/api/complaints/:id/commitments', {
    config: { permission: 'commitment:make' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      body: commitmentInput,
      response: { 201: complaintCommitmentsView },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitments.commit(
            scopeOf(request.principal),
            request.params.id,
            request.body,
            request.lang,
          ),
        ),
  });
  app.post('/api/complaints/:id/deadline-requests', {
    config: { permission: 'commitment:make' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      body: deadlineRequestInput,
      response: { 201: deadlineRequestView },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitments.requestDeadline(
            scopeOf(request.principal),
            request.params.id,
            request.body,
          ),
        ),
  });

  app.get('/api/deadline-requests', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['commitments'],
      querystring: deadlineRequestsQuery,
      response: { 200: deadlineRequestList },
    },
    handler: async (request) =>
      commitments.listDeadlineRequests(scopeOf(request.principal), request.query),
  });
  app.post('/api/deadline-requests/:id/answer', {
    config: { permission: 'deadline:answer' },
    schema: {
      tags: ['commitments'],
      params: idParams,
      body: answerDeadlineRequest,
      response: { 200: deadlineRequestView },
    },
    handler: async (request) =>
      commitments.answerDeadlineRequest(
        scopeOf(request.principal),
        request.params.id,
        request.body,
      ),
  });

  app.get('/api/reports/promises', {
    config: { permission: 'report:read' },
    schema: {
      tags: ['reports'],
      querystring: promiseReportQuery,
      response: { 200: promiseReport },
    },
    handler: async (request) =>
      commitments.promiseReport(
        request.principal!.orgId,
        request.query.groupBy,
        {
          ...(request.query.from ? { from: new Date(request.query.from) } : {}),
          ...(request.query.to ? { to: new Date(request.query.to) } : {}),
        },
        request.lang,
      ),
  });
  app.get('/api/reports/task-types', {
    config: { permission: 'report:read' },
    schema: { tags: ['reports'], response: { 200: taskTypeStats } },
    handler: async (request) => commitments.taskTypeStats(request.principal!.orgId, request.lang),
  });
}
