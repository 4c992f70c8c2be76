// Phone calls on a case as the web app calls them. Spread into the one endpoint table
// (endpoints.ts), built the same way. The recording's upload is in that table itself: the
// multipart marker is defined there and would not yet exist when this file is evaluated.
import {
  callList,
  callView,
  logCallRequest,
} from '../../../src/modules/complaints/calls.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');

export const callEndpoints = {
  listCalls: get('/api/complaints/:id/calls', { response: callList }),
  logCall: post('/api/complaints/:id/calls', { body: logCallRequest, response: callView }),
};
