export { createMailService, type MailService } from './mail.service.ts';
export { mailJobHandlers, sendMail } from './mail.jobs.ts';
export { textToHtml } from './domain/html.ts';
export { createMailTransport, type MailTransport } from './mail.transport.ts';
export { registerMailRoutes } from './mail.routes.ts';
export type { MailKind } from './mail.contract.ts';
export { createMailSenders, type MailSenders } from './senders.ts';
export { registerMailSettingsRoutes } from './mail-settings.routes.ts';
export type { DkimKey } from './mail.transport.ts';
