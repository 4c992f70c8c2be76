import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { CustomerService } from '../customers/index.ts';
import type { OrgService } from '../org/index.ts';

export type CommerceDeps = {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  org: OrgService;
  customers: CustomerService;
  /** Historical complaints from a file are written by their owner, in the row's savepoint. */
  complaints: Pick<ComplaintService, 'importHistoricalComplaint'>;
};
