import {
  analyticsQuery,
  analyticsReport,
} from '../../../src/modules/analytics/analytics.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');

export const analyticsEndpoints = {
  analytics: get('/api/analytics', { query: analyticsQuery, response: analyticsReport }),
};
