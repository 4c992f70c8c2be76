export {
  createMailService,
  mailJobs,
  textToHtml,
  type MailService,
  type MailKind,
} from './mail.service.ts';
export { createMailTransport, type MailTransport } from './mail.transport.ts';
export { registerMailRoutes } from './mail.routes.ts';
