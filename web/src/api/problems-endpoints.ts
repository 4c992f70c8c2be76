// Step 8 (fix the system) as the web app calls it: problems, their root cause, responsibility
// chain, actions, linked complaints, monitoring and reports. Spread into the one endpoint table
// (endpoints.ts), built the same way.
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
  qualityHome,
  rootCauseInput,
  suggestedChain,
  transitionInput,
  unlinkResult,
} from '../../../src/modules/problems/problems.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const put = route('PUT');
const patch = route('PATCH');
const del = route('DELETE');

export const problemEndpoints = {
  listProblems: get('/api/problems', { query: problemsQuery, response: problemList }),
  createProblem: post('/api/problems', { body: problemInput, response: problemDetail }),
  qualityHome: get('/api/problems/home', { response: qualityHome }),
  getProblem: get('/api/problems/:id', { response: problemDetail }),
  updateProblem: patch('/api/problems/:id', { body: problemPatch, response: problemDetail }),
  transitionProblem: post('/api/problems/:id/transition', {
    body: transitionInput,
    response: problemDetail,
  }),
  closeProblem: post('/api/problems/:id/close', { body: closeInput, response: problemDetail }),
  saveRootCause: put('/api/problems/:id/root-cause', {
    body: rootCauseInput,
    response: problemDetail,
  }),
  saveChain: put('/api/problems/:id/chain', { body: chainInput, response: chainView }),
  suggestedChain: get('/api/problems/:id/chain/suggested', { response: suggestedChain }),
  acknowledgeLink: post('/api/problems/:id/chain/:linkId/acknowledge', {
    body: acknowledgeInput,
    response: chainView,
  }),
  addAction: post('/api/problems/:id/actions', { body: actionInput, response: actionView }),
  updateAction: patch('/api/problems/:id/actions/:actionId', {
    body: actionPatch,
    response: actionView,
  }),
  addEvidence: post('/api/problems/:id/actions/:actionId/evidence', {
    body: evidenceInput,
    response: actionView,
  }),
  linkComplaints: post('/api/problems/:id/complaints', {
    body: linkComplaintsInput,
    response: linkComplaintsResult,
  }),
  unlinkComplaint: del('/api/problems/:id/complaints/:complaintId', { response: unlinkResult }),
  problemEffectiveness: get('/api/problems/:id/effectiveness', {
    query: effectivenessQuery,
    response: effectivenessView,
  }),
  caseProblem: get('/api/complaints/:id/problem', { response: caseProblem }),
  problemReport: get('/api/reports/problems', {
    query: problemReportQuery,
    response: problemReport,
  }),
} as const;
