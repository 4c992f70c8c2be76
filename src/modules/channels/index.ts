export { startSmtpListener, type SmtpListener } from './smtp-listener.ts';
export { createChannelService, type ChannelService } from './channels.service.ts';
export { registerChannelRoutes } from './channels.routes.ts';
export {
  inboundMailList,
  inboundMailView,
  receiveResult,
  type InboundMailView,
  type ReceiveResult,
} from './channels.contract.ts';
export { createMailboxes, type Mailboxes, FETCHED_KEYWORD } from './mailboxes.ts';
