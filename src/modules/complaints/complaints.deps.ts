import type { Clock } from '../../platform/clock.ts';
import type { ConfigCache } from '../../platform/config-cache.ts';
import type { Db } from '../../platform/db/index.ts';
import type { FileStore } from '../../platform/files.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { CustomerService } from '../customers/index.ts';
import type { MailService } from '../mail/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import type { SlaService } from '../sla/index.ts';
import type { TemplateService } from '../templates/index.ts';
import type { WebhookService } from '../webhooks/index.ts';

/** Everything the complaint use cases may reach; each use-case file takes what it needs. */
export type ComplaintDeps = {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  files: FileStore;
  customers: CustomerService;
  reasons: ReasonService;
  templates: TemplateService;
  mail: MailService;
  org: OrgService;
  sla: SlaService;
  notices: NoticesService;
  /** The org's endpoints hear of the case's events, in the transaction that records them. */
  webhooks: Pick<WebhookService, 'enqueue' | 'pendingFor' | 'listSubscriptions'>;
  /** What intake keeps of each org's configuration, per configuration version. */
  configCache: ConfigCache;
  publicUrl: string;
  uploadMaxBytes: number;
  trackingLinkDaysAfterClose: number;
  attachmentQuota: { filesPerComplaint: number; bytesPerComplaint: number; bytesPerOrg: number };
};
