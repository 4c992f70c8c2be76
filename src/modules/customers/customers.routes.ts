import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { text, uuid } from '../../platform/contract/fields.ts';
import { customerInput, customerList, customerView } from './customers.contract.ts';
import type { CustomerService } from './customers.service.ts';

export function registerCustomerRoutes(app: HttpApp, deps: { customers: CustomerService }) {
  const { customers } = deps;
  app.get('/api/customers', {
    config: { permission: 'customer:read' },
    schema: {
      tags: ['customers'],
      querystring: z.object({
        q: text({ max: 200 }).default(''),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      }),
      response: { 200: customerList },
    },
    handler: async (request) => ({
      items: await customers.search(request.principal!.orgId, request.query.q, request.query.limit),
    }),
  });
  app.post('/api/customers', {
    config: { permission: 'customer:write' },
    schema: { tags: ['customers'], body: customerInput, response: { 200: customerView } },
    handler: async (request) => customers.upsertCustomer(request.principal!.orgId, request.body),
  });
  app.get('/api/customers/:id', {
    config: { permission: 'customer:read' },
    schema: {
      tags: ['customers'],
      params: z.object({ id: uuid }),
      response: { 200: customerView },
    },
    handler: async (request) => customers.getCustomer(request.principal!.orgId, request.params.id),
  });
}
