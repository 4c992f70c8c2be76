// Mail as the web app reads it: the original of a mail on a case, and the org's mail settings. Spread into the one
// endpoint table (endpoints.ts), built the same way.
import {
  inboundMailList,
  inboundMailView,
  mailboxInput,
  mailboxResponse,
  pollResult,
} from '../../../src/modules/channels/channels.contract.ts';
import {
  mailAddressRequest,
  mailSettingsView,
  updateMailSettingsRequest,
} from '../../../src/modules/mail/mail.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const put = route('PUT');
const del = route('DELETE');

export const channelEndpoints = {
  caseInboundMail: get('/api/complaints/:id/inbound-mail', { response: inboundMailList }),
  inboundMail: get('/api/inbound-mail/:id', { response: inboundMailView }),
  mailSettings: get('/api/mail-settings', { response: mailSettingsView }),
  updateMailSettings: put('/api/mail-settings', {
    body: updateMailSettingsRequest,
    response: mailSettingsView,
  }),
  addMailAddress: post('/api/mail-settings/addresses', {
    body: mailAddressRequest,
    response: mailSettingsView,
  }),
  imapMailbox: get('/api/mail-settings/mailbox', { response: mailboxResponse }),
  saveImapMailbox: put('/api/mail-settings/mailbox', {
    body: mailboxInput,
    response: mailboxResponse,
  }),
  removeImapMailbox: del('/api/mail-settings/mailbox', { response: mailboxResponse }),
  pollImapMailbox: post('/api/mail-settings/mailbox/poll', { response: pollResult }),
  removeMailAddress: del('/api/mail-settings/addresses/:address', { response: mailSettingsView }),
};
