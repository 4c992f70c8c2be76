// Win-back as the console calls it: the queue, a call recorded, an entry changed, the report.
// Spread into the one endpoint table (endpoints.ts), built the same way.
import {
  winBackAttempt,
  winBackEntryView,
  winBackList,
  winBackOffer,
  winBackQuery,
  winBackReport,
  winBackReportQuery,
  winBackUpdate,
} from '../../../src/modules/commerce/win-back.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const patch = route('PATCH');

export const winBackEndpoints = {
  winBackQueue: get('/api/win-back', { query: winBackQuery, response: winBackList }),
  updateWinBack: patch('/api/win-back/:id', { body: winBackUpdate, response: winBackEntryView }),
  recordWinBackAttempt: post('/api/win-back/:id/attempts', {
    body: winBackAttempt,
    response: winBackEntryView,
  }),
  winBackOffer: get('/api/win-back/:id/offer', { response: winBackOffer }),
  winBackReport: get('/api/reports/win-back', {
    query: winBackReportQuery,
    response: winBackReport,
  }),
};
