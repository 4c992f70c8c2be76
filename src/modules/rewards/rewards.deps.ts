import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { CustomerService } from '../customers/index.ts';
import type { OrgService } from '../org/index.ts';
import type { SlaService } from '../sla/index.ts';

export type RewardDeps = {
  db: Db;
  /** Where the reports read: a read replica when one is configured. */
  reportsDb: Db;
  clock: Clock;
  jobs: JobQueue;
  sla: SlaService;
  complaints: ComplaintService;
  customers: CustomerService;
  org: OrgService;
};
