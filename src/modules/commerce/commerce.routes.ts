import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { uploadParts } from '../../platform/http/multipart.ts';
import { invalidField } from '../../platform/errors.ts';
import {
  bulkBody,
  bulkDocumented,
  bulkResult,
  customerCommerce,
  dryRunResult,
  importList,
  importMappingRequest,
  importUploadForm,
  importView,
  orderRow,
  referralRow,
  subscriptionEventRow,
} from './commerce.contract.ts';
import type { BulkKind, CommerceService } from './commerce.service.ts';

const idParams = z.object({ id: uuid });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

const bulkRoutes: { path: string; kind: BulkKind; row: z.ZodType; what: string }[] = [
  { path: '/api/orders/bulk', kind: 'orders', row: orderRow, what: 'orders' },
  {
    path: '/api/subscription-events/bulk',
    kind: 'subscription_events',
    row: subscriptionEventRow,
    what: 'subscription starts, renewals and cancellations',
  },
  { path: '/api/referrals/bulk', kind: 'referrals', row: referralRow, what: 'referrals' },
];

export function registerCommerceRoutes(
  app: HttpApp,
  deps: { commerce: CommerceService; uploadMaxBytes: number },
) {
  const { commerce } = deps;

  for (const route of bulkRoutes)
    app.post(route.path, {
      config: { permission: 'commerce:write' },
      schema: {
        tags: ['commerce'],
        description: `Up to 1,000 ${route.what} from the org's systems, each by its own \`externalId\`: a new id is \`created\`, a re-sent one \`updated\` (or \`unchanged\` when identical). The customer is found by its \`externalId\`, \`phone\` or \`email\` under the customers' rules, and created when new (a name is then needed). Each row commits whole or not at all; a refused row lists its fields in the reader's language and stops no other row. An \`Idempotency-Key\` answers a retry with the first answer, and refuses another body (409).`,
        headers: idempotencyHeaders,
        body: bulkBody,
        documentedBody: { 'application/json': bulkDocumented(route.row) },
        response: { 200: bulkResult },
      },
      handler: async (request) =>
        commerce.bulk(
          scopeOf(request.principal),
          route.kind,
          request.body.rows,
          request.lang,
          request.headers['idempotency-key'],
        ),
    });

  app.get('/api/customers/:id/commerce', {
    config: { permission: 'commerce:read' },
    schema: { tags: ['commerce'], params: idParams, response: { 200: customerCommerce } },
    handler: async (request) =>
      commerce.customerCommerce(scopeOf(request.principal), request.params.id),
  });

  app.post('/api/imports', {
    config: { permission: 'commerce:import' },
    schema: {
      tags: ['imports'],
      description:
        'Uploads a CSV (UTF-8 with or without BOM, or Windows-1258; `,` or `;`) or an Excel .xlsx file of customers, orders, subscription events, referrals or historical complaints. The answer proposes a column mapping from the header; nothing is imported yet.',
      consumes: ['multipart/form-data'],
      documentedBody: { 'multipart/form-data': importUploadForm },
      response: { 201: importView },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw invalidField('file', 'field.required');
      const view = await commerce.imports.upload(
        scopeOf(request.principal),
        request.lang,
        uploadParts(request),
        deps.uploadMaxBytes,
      );
      return reply.status(201).send(view);
    },
  });
  app.get('/api/imports', {
    config: { permission: 'commerce:import' },
    schema: { tags: ['imports'], response: { 200: importList } },
    handler: async (request) => commerce.imports.list(scopeOf(request.principal)),
  });
  app.get('/api/imports/:id', {
    config: { permission: 'commerce:import' },
    schema: { tags: ['imports'], params: idParams, response: { 200: importView } },
    handler: async (request) => commerce.imports.get(scopeOf(request.principal), request.params.id),
  });
  app.post('/api/imports/:id/dry-run', {
    config: { permission: 'commerce:import' },
    schema: {
      tags: ['imports'],
      description:
        'What the file would do with this mapping, row by row (refused rows first, with reasons naming the columns); writes nothing.',
      params: idParams,
      body: importMappingRequest,
      response: { 200: dryRunResult },
    },
    handler: async (request) =>
      commerce.imports.dryRun(
        scopeOf(request.principal),
        request.params.id,
        request.body.mapping,
        request.lang,
      ),
  });
  app.post('/api/imports/:id/start', {
    config: { permission: 'commerce:import' },
    schema: {
      tags: ['imports'],
      description:
        'Starts the real run with this mapping, in the background; GET the import for its progress.',
      params: idParams,
      body: importMappingRequest,
      response: { 200: importView },
    },
    handler: async (request) =>
      commerce.imports.start(scopeOf(request.principal), request.params.id, request.body.mapping),
  });
}
