// Step 7 and empowerment as the web app calls them: gifts, compensation, approvals, the
// ledger. Spread into the one endpoint table (endpoints.ts), built the same way.
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
  rewardSettings,
} from '../../../src/modules/rewards/rewards.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const put = route('PUT');
const del = route('DELETE');

export const rewardEndpoints = {
  caseRewards: get('/api/complaints/:id/rewards', { response: caseRewardsView }),
  authority: get('/api/complaints/:id/authority', {
    query: authorityQuery,
    response: authorityView,
  }),
  grantGift: post('/api/complaints/:id/gifts', { body: giftGrantInput, response: grantOutcome }),
  grantCompensation: post('/api/complaints/:id/compensations', {
    body: compensationInput,
    response: grantOutcome,
  }),
  listApprovals: get('/api/approvals', { query: approvalsQuery, response: approvalList }),
  decideApproval: post('/api/approvals/:id/decision', {
    body: approvalDecisionInput,
    response: approvalView,
  }),
  listGifts: get('/api/gift-catalogue', { response: giftList }),
  createGift: post('/api/gift-catalogue', { body: giftInput, response: giftView }),
  updateGift: put('/api/gift-catalogue/:id', { body: giftInput, response: giftView }),
  listBudgets: get('/api/reward-budgets', { response: budgetList }),
  createBudget: post('/api/reward-budgets', { body: budgetInput, response: budgetView }),
  updateBudget: put('/api/reward-budgets/:id', { body: budgetInput, response: budgetView }),
  listAuthorityRules: get('/api/authority-rules', { response: authorityRuleList }),
  createAuthorityRule: post('/api/authority-rules', {
    body: authorityRuleInput,
    response: authorityRuleView,
  }),
  updateAuthorityRule: put('/api/authority-rules/:id', {
    body: authorityRuleInput,
    response: authorityRuleView,
  }),
  deleteAuthorityRule: del('/api/authority-rules/:id', { response: authorityRuleDeleted }),
  rewardLedger: get('/api/reward-ledger', { query: rewardReportQuery, response: ledgerList }),
  rewardReport: get('/api/reports/rewards', { query: rewardReportQuery, response: rewardReport }),
  rewardSettings: get('/api/reward-settings', { response: rewardSettings }),
  saveRewardSettings: put('/api/reward-settings', {
    body: rewardSettings,
    response: rewardSettings,
  }),
} as const;
