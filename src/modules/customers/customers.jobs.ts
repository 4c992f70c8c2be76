import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob } from '../../platform/jobs/index.ts';

/**
 * A customer's name or contact points changed. Complaints are found by them, so the complaints
 * module rebuilds the search text of the customer's complaints. Coalesced per customer.
 */
export const customerChanged = defineJob({
  name: 'customer.changed',
  version: 1,
  payload: z.object({ orgId: uuid, customerId: uuid }),
  dedupe: 'coalesce',
  priority: 8,
});
