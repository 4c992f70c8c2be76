import type { HttpApp } from '../../platform/http/app.ts';
import { mailboxList, mailboxQuery } from './mail.contract.ts';
import type { MailService } from './mail.service.ts';

export function registerMailRoutes(app: HttpApp, deps: { mail: MailService }) {
  app.get('/api/mailbox', {
    config: { permission: 'mailbox:read' },
    schema: {
      tags: ['mail'],
      description:
        'Outgoing mail of the org. Without SMTP_URL, mail is kept here instead of being sent (the dev mailbox).',
      querystring: mailboxQuery,
      response: { 200: mailboxList },
    },
    handler: async (request) => ({
      items: await deps.mail.mailbox(request.principal!.orgId, request.query),
      transport: deps.mail.transportName,
    }),
  });
}
