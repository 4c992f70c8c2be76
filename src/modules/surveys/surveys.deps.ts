import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { CustomerService } from '../customers/index.ts';
import type { MailService } from '../mail/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';

export type SurveyDeps = {
  db: Db;
  /** Where the report reads: a read replica when one is configured. */
  reportsDb: Db;
  clock: Clock;
  jobs: JobQueue;
  mail: MailService;
  notices: NoticesService;
  org: OrgService;
  customers: CustomerService;
  complaints: ComplaintService;
  publicUrl: string;
};
