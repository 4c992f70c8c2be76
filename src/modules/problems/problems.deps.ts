import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import type { SlaService } from '../sla/index.ts';
import type { WebhookService } from '../webhooks/index.ts';

export type ProblemDeps = {
  db: Db;
  /** Where the report reads: a read replica when one is configured. */
  reportsDb: Db;
  clock: Clock;
  jobs: JobQueue;
  sla: SlaService;
  notices: NoticesService;
  org: OrgService;
  complaints: ComplaintService;
  reasons: ReasonService;
  webhooks: Pick<WebhookService, 'enqueue'>;
};
