import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { text, uuid } from '../../platform/contract/fields.ts';
import { scopeOf } from '../../platform/actor.ts';
import {
  customerInput,
  customerList,
  customerView,
  updateCustomerRequest,
} from './customers.contract.ts';
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
    handler: async (request) => customers.upsertCustomer(scopeOf(request.principal), request.body),
  });
  app.get('/api/customers/:id', {
    config: { permission: 'customer:read' },
    schema: {
      tags: ['customers'],
      params: z.object({ id: uuid }),
      response: { 200: customerView },
    },
    handler: async (request) =>
      customers.getCustomerView(request.principal!.orgId, request.params.id),
  });
  app.patch('/api/customers/:id', {
    config: { permission: 'customer:update' },
    schema: {
      tags: ['customers'],
      description: 'A staff edit of the customer record. Every change is kept in the audit trail.',
      params: z.object({ id: uuid }),
      body: updateCustomerRequest,
      response: { 200: customerView },
    },
    handler: async (request) =>
      customers.updateCustomer(scopeOf(request.principal), request.params.id, request.body),
  });
  // Satisfaction surveys: whether the customer is left out of them (they unsubscribed, or asked).
  const optOut = z.object({ surveyOptOut: z.boolean() });
  app.get('/api/customers/:id/survey-opt-out', {
    config: { permission: 'customer:read' },
    schema: { tags: ['customers'], params: z.object({ id: uuid }), response: { 200: optOut } },
    handler: async (request) => ({
      surveyOptOut: await customers.surveyOptOut(request.principal!.orgId, request.params.id),
    }),
  });
  app.put('/api/customers/:id/survey-opt-out', {
    config: { permission: 'customer:update' },
    schema: {
      tags: ['customers'],
      description:
        'Leaves the customer out of satisfaction surveys, or back in; kept in the audit trail.',
      params: z.object({ id: uuid }),
      body: optOut,
      response: { 200: optOut },
    },
    handler: async (request) => {
      const scope = scopeOf(request.principal);
      await customers.changeSurveyOptOut(scope, request.params.id, request.body.surveyOptOut);
      return { surveyOptOut: request.body.surveyOptOut };
    },
  });
  app.get('/api/customers/:id/duplicates', {
    config: { permission: 'customer:read' },
    schema: {
      tags: ['customers'],
      description:
        'Records that may be the same person: made from input that conflicted with this one, or the one this copies.',
      params: z.object({ id: uuid }),
      response: { 200: customerList },
    },
    handler: async (request) => ({
      items: await customers.duplicates(request.principal!.orgId, request.params.id),
    }),
  });
}
