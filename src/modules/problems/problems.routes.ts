import { sendExport } from '../../platform/export/send-export.ts';
import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  acknowledgeInput,
  actionInput,
  actionPatch,
  actionView,
  caseProblem,
  chainInput,
  chainView,
  closeInput,
  effectivenessQuery,
  effectivenessView,
  evidenceInput,
  linkComplaintsInput,
  linkComplaintsResult,
  problemDetail,
  problemInput,
  problemList,
  problemPatch,
  problemReport,
  problemReportQuery,
  problemsQuery,
  problemsExportQuery,
  qualityHome,
  rootCauseInput,
  suggestedChain,
  transitionInput,
  unlinkResult,
} from './problems.contract.ts';
import type { ProblemService } from './problems.service.ts';

const idParams = z.object({ id: uuid });
const linkParams = z.object({ id: uuid, complaintId: uuid });
const chainParams = z.object({ id: uuid, linkId: uuid });
const actionParams = z.object({ id: uuid, actionId: uuid });
const tags = ['problems'];

export function registerProblemRoutes(app: HttpApp, deps: { problems: ProblemService }) {
  const { problems } = deps;
  const detail = (
    request: { principal?: { orgId: string } | undefined; lang: 'vi' | 'en' | 'zh' },
    id: string,
  ) => problems.detail(request.principal!.orgId, id, request.lang);

  app.get('/api/problems', {
    config: { permission: 'problem:read' },
    schema: { tags, querystring: problemsQuery, response: { 200: problemList } },
    handler: async (request) =>
      problems.list(scopeOf(request.principal), request.query, request.lang),
  });
  app.get('/api/problems/export', {
    config: { permission: 'problem:read' },
    schema: {
      tags,
      description:
        'The problem list as CSV (UTF-8 with a byte-order mark) or xlsx, headed in the reader’s language: every problem the same filters select, streamed.',
      querystring: problemsExportQuery,
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      return sendExport(
        reply,
        problems.exportProblems(scopeOf(request.principal), query, format, request.lang),
      );
    },
  });
  app.get('/api/problems/home', {
    config: { permission: 'problem:read' },
    schema: { tags, response: { 200: qualityHome } },
    handler: async (request) => problems.home(scopeOf(request.principal), request.lang),
  });
  app.post('/api/problems', {
    config: { permission: 'problem:write' },
    schema: { tags, body: problemInput, response: { 201: problemDetail } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await problems.create(scopeOf(request.principal), request.body, request.lang)),
  });
  app.get('/api/problems/:id', {
    config: { permission: 'problem:read' },
    schema: { tags, params: idParams, response: { 200: problemDetail } },
    handler: async (request) => detail(request, request.params.id),
  });
  app.patch('/api/problems/:id', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, body: problemPatch, response: { 200: problemDetail } },
    handler: async (request) =>
      problems.update(scopeOf(request.principal), request.params.id, request.body, request.lang),
  });
  app.post('/api/problems/:id/transition', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, body: transitionInput, response: { 200: problemDetail } },
    handler: async (request) => {
      await problems.transition(scopeOf(request.principal), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });
  app.post('/api/problems/:id/close', {
    config: { permission: 'problem:close' },
    schema: { tags, params: idParams, body: closeInput, response: { 200: problemDetail } },
    handler: async (request) => {
      await problems.close(scopeOf(request.principal), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });

  // Linked complaints: this pair's shape is kept exactly (the suggestions panel calls it).
  app.post('/api/problems/:id/complaints', {
    config: { permission: 'problem:link' },
    schema: {
      tags,
      params: idParams,
      body: linkComplaintsInput,
      response: { 200: linkComplaintsResult },
    },
    handler: async (request) =>
      problems.link(scopeOf(request.principal), request.params.id, request.body),
  });
  app.delete('/api/problems/:id/complaints/:complaintId', {
    config: { permission: 'problem:link' },
    schema: { tags, params: linkParams, response: { 200: unlinkResult } },
    handler: async (request) => {
      await problems.unlink(
        scopeOf(request.principal),
        request.params.id,
        request.params.complaintId,
      );
      return { ok: true as const };
    },
  });
  app.get('/api/complaints/:id/problem', {
    config: { permission: 'complaint:read' },
    schema: { tags, params: idParams, response: { 200: caseProblem } },
    handler: async (request) =>
      problems.caseProblem(scopeOf(request.principal), request.params.id, request.lang),
  });

  // Root cause and the responsibility chain.
  app.put('/api/problems/:id/root-cause', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, body: rootCauseInput, response: { 200: problemDetail } },
    handler: async (request) => {
      await problems.saveRootCause(scopeOf(request.principal), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });
  app.put('/api/problems/:id/chain', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, body: chainInput, response: { 200: chainView } },
    handler: async (request) =>
      problems.saveChain(scopeOf(request.principal), request.params.id, request.body.links),
  });
  app.get('/api/problems/:id/chain/suggested', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, response: { 200: suggestedChain } },
    handler: async (request) =>
      problems.suggestChain(scopeOf(request.principal), request.params.id, request.lang),
  });
  app.post('/api/problems/:id/chain/:linkId/acknowledge', {
    config: { permission: 'problem:read' },
    schema: { tags, params: chainParams, body: acknowledgeInput, response: { 200: chainView } },
    handler: async (request) =>
      problems.acknowledge(
        scopeOf(request.principal),
        request.params.id,
        request.params.linkId,
        request.body.text,
      ),
  });

  // Corrective and preventive actions.
  app.post('/api/problems/:id/actions', {
    config: { permission: 'problem:write' },
    schema: { tags, params: idParams, body: actionInput, response: { 201: actionView } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await problems.createAction(scopeOf(request.principal), request.params.id, request.body),
        ),
  });
  app.patch('/api/problems/:id/actions/:actionId', {
    config: { permission: 'problem:read' },
    schema: { tags, params: actionParams, body: actionPatch, response: { 200: actionView } },
    handler: async (request) =>
      problems.updateAction(
        scopeOf(request.principal),
        request.params.id,
        request.params.actionId,
        request.body,
      ),
  });
  app.post('/api/problems/:id/actions/:actionId/evidence', {
    config: { permission: 'problem:read' },
    schema: { tags, params: actionParams, body: evidenceInput, response: { 201: actionView } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await problems.addEvidence(
            scopeOf(request.principal),
            request.params.id,
            request.params.actionId,
            request.body.note,
          ),
        ),
  });

  // Effectiveness and the report.
  app.get('/api/problems/:id/effectiveness', {
    config: { permission: 'problem:read' },
    schema: {
      tags,
      params: idParams,
      querystring: effectivenessQuery,
      response: { 200: effectivenessView },
    },
    handler: async (request) =>
      problems.effectiveness(
        request.principal!.orgId,
        request.params.id,
        request.lang,
        request.query.weeks,
      ),
  });
  app.get('/api/reports/problems', {
    config: { permission: 'report:read' },
    schema: {
      tags: ['reports'],
      querystring: problemReportQuery,
      response: { 200: problemReport },
    },
    handler: async (request) =>
      problems.report(
        request.principal!.orgId,
        {
          ...(request.query.from ? { from: new Date(request.query.from) } : {}),
          ...(request.query.to ? { to: new Date(request.query.to) } : {}),
        },
        request.lang,
      ),
  });
}
