// The spend and retention cohorts as the console calls them. Spread into the one endpoint
// table (endpoints.ts), built the same way.
import { cohortReport, cohortReportQuery } from '../../../src/modules/commerce/cohorts.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');

export const cohortEndpoints = {
  cohortReport: get('/api/reports/cohorts', { query: cohortReportQuery, response: cohortReport }),
};
