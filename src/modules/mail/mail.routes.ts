import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { uuid } from '../../platform/contract/fields.ts';
import { mailboxList } from './mail.contract.ts';
import type { MailService } from './mail.service.ts';

export function registerMailRoutes(app: HttpApp, deps: { mail: MailService }) {
  app.get('/api/mailbox', {
    config: { permission: 'mailbox:read' },
    schema: {
      tags: ['mail'],
      description:
        'Outgoing mail of the org. Without SMTP_URL, mail is kept here instead of being sent (the dev mailbox).',
      querystring: z.object({
        complaintId: uuid.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: mailboxList },
    },
    handler: async (request) => ({
      items: await deps.mail.mailbox(request.principal!.orgId, request.query),
      transport: deps.mail.transportName,
    }),
  });
}
