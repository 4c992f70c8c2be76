import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob } from '../../platform/jobs/index.ts';

/**
 * A reason's names changed. Complaints are found by their reason's names in every language,
 * so the complaints module rebuilds the search text of the reason's complaints. Coalesced: a
 * burst of edits makes one rebuild.
 */
export const reasonRenamed = defineJob({
  name: 'reason.renamed',
  version: 1,
  payload: z.object({ orgId: uuid, reasonId: uuid }),
  dedupe: 'coalesce',
  priority: 8,
});
