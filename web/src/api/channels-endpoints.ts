// Inbound mail as the web app reads it: the original of a mail on a case. Spread into the one
// endpoint table (endpoints.ts), built the same way.
import {
  inboundMailList,
  inboundMailView,
} from '../../../src/modules/channels/channels.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');

export const channelEndpoints = {
  caseInboundMail: get('/api/complaints/:id/inbound-mail', { response: inboundMailList }),
  inboundMail: get('/api/inbound-mail/:id', { response: inboundMailView }),
};
