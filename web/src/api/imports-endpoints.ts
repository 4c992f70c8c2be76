// Imports of commerce data and a customer's commerce, as the web app calls them. Spread into
// the one endpoint table (endpoints.ts), built the same way. The file's upload is in that table
// itself: the multipart marker is defined there.
import {
  customerCommerce,
  dryRunResult,
  importList,
  importMappingRequest,
  importView,
} from '../../../src/modules/commerce/commerce.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');

export const importEndpoints = {
  listImports: get('/api/imports', { response: importList }),
  getImport: get('/api/imports/:id', { response: importView }),
  dryRunImport: post('/api/imports/:id/dry-run', {
    body: importMappingRequest,
    response: dryRunResult,
  }),
  startImport: post('/api/imports/:id/start', { body: importMappingRequest, response: importView }),
  customerCommerce: get('/api/customers/:id/commerce', { response: customerCommerce }),
};
