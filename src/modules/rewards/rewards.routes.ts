import { sendExport } from '../../platform/export/send-export.ts';
import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  approvalDecisionInput,
  approvalList,
  approvalView,
  approvalsQuery,
  authorityQuery,
  authorityRuleDeleted,
  authorityRuleInput,
  authorityRuleList,
  authorityRuleView,
  authorityView,
  budgetInput,
  budgetList,
  budgetView,
  caseRewardsView,
  compensationInput,
  giftGrantInput,
  giftInput,
  giftList,
  giftView,
  grantOutcome,
  ledgerList,
  rewardReport,
  rewardReportQuery,
  rewardLedgerExportQuery,
  rewardSettings,
} from './rewards.contract.ts';
import type { RewardService } from './rewards.service.ts';

const idParams = z.object({ id: uuid });
const tags = ['rewards'];
const range = (q: { from?: string | undefined; to?: string | undefined }) => ({
  ...(q.from ? { from: new Date(q.from) } : {}),
  ...(q.to ? { to: new Date(q.to) } : {}),
});

export function registerRewardRoutes(app: HttpApp, deps: { rewards: RewardService }) {
  const { rewards } = deps;

  // The case page: gifts, compensation, the authority decision before submitting.
  app.get('/api/complaints/:id/rewards', {
    config: { permission: 'reward:grant' },
    schema: { tags, params: idParams, response: { 200: caseRewardsView } },
    handler: async (request) => rewards.caseRewards(scopeOf(request.principal), request.params.id),
  });
  app.get('/api/complaints/:id/authority', {
    config: { permission: 'reward:grant' },
    schema: {
      tags,
      params: idParams,
      querystring: authorityQuery,
      response: { 200: authorityView },
    },
    handler: async (request) =>
      rewards.previewAuthority(scopeOf(request.principal), request.params.id, request.query),
  });
  app.post('/api/complaints/:id/gifts', {
    config: { permission: 'reward:grant' },
    schema: { tags, params: idParams, body: giftGrantInput, response: { 201: grantOutcome } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await rewards.grantGift(scopeOf(request.principal), request.params.id, request.body)),
  });
  app.post('/api/complaints/:id/compensations', {
    config: { permission: 'reward:grant' },
    schema: { tags, params: idParams, body: compensationInput, response: { 201: grantOutcome } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await rewards.grantCompensation(
            scopeOf(request.principal),
            request.params.id,
            request.body,
          ),
        ),
  });

  // Approvals waiting, and the approver's answer.
  app.get('/api/approvals', {
    config: { permission: 'reward:grant' },
    schema: { tags, querystring: approvalsQuery, response: { 200: approvalList } },
    handler: async (request) => ({
      items: await rewards.listApprovals(scopeOf(request.principal), request.query),
    }),
  });
  app.post('/api/approvals/:id/decision', {
    config: { permission: 'reward:approve' },
    schema: {
      tags,
      params: idParams,
      body: approvalDecisionInput,
      response: { 200: approvalView },
    },
    handler: async (request) =>
      rewards.decide(scopeOf(request.principal), request.params.id, request.body),
  });

  // The admin's catalogue, budgets, rules and settings.
  app.get('/api/gift-catalogue', {
    config: { permission: 'reward:grant' },
    schema: { tags, response: { 200: giftList } },
    handler: async (request) => ({ items: await rewards.listGifts(request.principal!.orgId) }),
  });
  app.post('/api/gift-catalogue', {
    config: { permission: 'reward:admin' },
    schema: { tags, body: giftInput, response: { 201: giftView } },
    handler: async (request, reply) =>
      reply.status(201).send(await rewards.createGift(scopeOf(request.principal), request.body)),
  });
  app.put('/api/gift-catalogue/:id', {
    config: { permission: 'reward:admin' },
    schema: { tags, params: idParams, body: giftInput, response: { 200: giftView } },
    handler: async (request) =>
      rewards.updateGift(scopeOf(request.principal), request.params.id, request.body),
  });
  app.get('/api/reward-budgets', {
    config: { permission: 'reward:grant' },
    schema: { tags, response: { 200: budgetList } },
    handler: async (request) => ({ items: await rewards.listBudgets(request.principal!.orgId) }),
  });
  app.post('/api/reward-budgets', {
    config: { permission: 'reward:admin' },
    schema: { tags, body: budgetInput, response: { 201: budgetView } },
    handler: async (request, reply) =>
      reply.status(201).send(await rewards.createBudget(scopeOf(request.principal), request.body)),
  });
  app.put('/api/reward-budgets/:id', {
    config: { permission: 'reward:admin' },
    schema: { tags, params: idParams, body: budgetInput, response: { 200: budgetView } },
    handler: async (request) =>
      rewards.updateBudget(scopeOf(request.principal), request.params.id, request.body),
  });
  app.get('/api/authority-rules', {
    config: { permission: 'reward:grant' },
    schema: { tags, response: { 200: authorityRuleList } },
    handler: async (request) => ({ items: await rewards.listRules(request.principal!.orgId) }),
  });
  app.post('/api/authority-rules', {
    config: { permission: 'reward:admin' },
    schema: { tags, body: authorityRuleInput, response: { 201: authorityRuleView } },
    handler: async (request, reply) =>
      reply.status(201).send(await rewards.createRule(scopeOf(request.principal), request.body)),
  });
  app.put('/api/authority-rules/:id', {
    config: { permission: 'reward:admin' },
    schema: {
      tags,
      params: idParams,
      body: authorityRuleInput,
      response: { 200: authorityRuleView },
    },
    handler: async (request) =>
      rewards.updateRule(scopeOf(request.principal), request.params.id, request.body),
  });
  app.delete('/api/authority-rules/:id', {
    config: { permission: 'reward:admin' },
    schema: { tags, params: idParams, response: { 200: authorityRuleDeleted } },
    handler: async (request) => {
      await rewards.deleteRule(scopeOf(request.principal), request.params.id);
      return { ok: true as const };
    },
  });
  app.get('/api/reward-settings', {
    config: { permission: 'reward:grant' },
    schema: { tags, response: { 200: rewardSettings } },
    handler: async (request) => rewards.settings(request.principal!.orgId),
  });
  app.put('/api/reward-settings', {
    config: { permission: 'reward:admin' },
    schema: { tags, body: rewardSettings, response: { 200: rewardSettings } },
    handler: async (request) => rewards.saveSettings(scopeOf(request.principal), request.body),
  });

  // The ledger and its report.
  app.get('/api/reward-ledger', {
    config: { permission: 'report:read' },
    schema: { tags: ['reports'], querystring: rewardReportQuery, response: { 200: ledgerList } },
    handler: async (request) => rewards.ledger(request.principal!.orgId, range(request.query)),
  });
  app.get('/api/reward-ledger/export', {
    config: { permission: 'report:read' },
    schema: {
      tags: ['reports'],
      description:
        'The reward ledger as CSV (UTF-8 with a byte-order mark) or xlsx, headed in the reader’s language: every grant of the range (not the first 1,000), newest first, streamed.',
      querystring: rewardLedgerExportQuery,
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      return sendExport(
        reply,
        rewards.exportLedger(request.principal!.orgId, range(query), format, request.lang),
      );
    },
  });
  app.get('/api/reports/rewards', {
    config: { permission: 'report:read' },
    schema: { tags: ['reports'], querystring: rewardReportQuery, response: { 200: rewardReport } },
    handler: async (request) =>
      rewards.rewardReport(request.principal!.orgId, range(request.query), request.lang),
  });
}
