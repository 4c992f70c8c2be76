import { z } from 'zod';
import type { Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger.ts';
import { createHttpApp, type HttpApp } from '../platform/http/app.ts';
import { createMetrics, type Metrics } from '../platform/metrics.ts';
import { createConfigCache } from '../platform/config-cache.ts';
import {
  registerMetricsRoute,
  startMetricsServer,
  type MetricsServer,
} from '../platform/http/metrics-endpoint.ts';
import { createJobQueue, type JobHandler } from '../platform/jobs/index.ts';
import { createFileStore } from '../platform/files.ts';
import type { LiveHub } from '../platform/live.ts';
import { createLiveStreamSlots } from '../platform/live-streams.ts';
import {
  createAuthService,
  createAuthenticator,
  registerAuthRoutes,
} from '../modules/auth/index.ts';
import { createOrgService, registerOrgRoutes } from '../modules/org/index.ts';
import { createCustomerService, registerCustomerRoutes } from '../modules/customers/index.ts';
import { createReasonService, registerReasonRoutes } from '../modules/reasons/index.ts';
import { createTemplateService, registerTemplateRoutes } from '../modules/templates/index.ts';
import {
  createMailService,
  createMailSenders,
  createMailTransport,
  mailJobHandlers,
  registerMailRoutes,
  registerMailSettingsRoutes,
} from '../modules/mail/index.ts';
import {
  createNoticesService,
  noticeJobHandlers,
  registerNoticeRoutes,
} from '../modules/notices/index.ts';
import { createSlaService, registerSlaRoutes } from '../modules/sla/index.ts';
import {
  complaintJobHandlers,
  createComplaintService,
  registerComplaintRoutes,
  registerPortalRoutes,
  registerFollowUpRoutes,
  registerPublicRoutes,
} from '../modules/complaints/index.ts';
import {
  commitmentJobHandlers,
  createCommitmentService,
  registerCommitmentRoutes,
} from '../modules/commitments/index.ts';
import { createProvisioningService } from '../modules/provisioning/index.ts';
import {
  createRewardService,
  registerRewardRoutes,
  rewardJobHandlers,
} from '../modules/rewards/index.ts';
import {
  createChannelService,
  createMailboxes,
  registerChannelRoutes,
} from '../modules/channels/index.ts';
import { createSuggestionService, registerSuggestionRoutes } from '../modules/suggestions/index.ts';
import {
  createProblemService,
  openProblemsOf,
  problemJobHandlers,
  registerProblemRoutes,
} from '../modules/problems/index.ts';
import {
  createWebhookService,
  registerWebhookRoutes,
  webhookJobHandlers,
  webhooksDocument,
} from '../modules/webhooks/index.ts';
import {
  createSurveyService,
  registerSurveyRoutes,
  surveyJobHandlers,
} from '../modules/surveys/index.ts';
import {
  commerceJobHandlers,
  createCohortReport,
  createCommerceService,
  createWinBack,
  registerCohortRoutes,
  registerCommerceRoutes,
  registerWinBackRoutes,
} from '../modules/commerce/index.ts';
import { createAnalyticsService, registerAnalyticsRoutes } from '../modules/analytics/index.ts';
import { apiKeyPermissions } from '../modules/kernel/index.ts';
import { registerWebApp } from './web-app.ts';

/**
 * The composition root: one place that builds every service from its explicit dependencies,
 * lowest module first. Dependencies point one way: a module gets only modules built before it.
 */
export function createServices(deps: {
  config: Config;
  db: Db;
  /** A read replica for reports (REPORTS_DATABASE_URL); the database itself otherwise. */
  reportsDb?: Db | undefined;
  clock: Clock;
  logger: Logger;
}) {
  const { config, db, clock, logger } = deps;
  const reportsDb = deps.reportsDb ?? db;
  const jobs = createJobQueue(clock);
  const files = createFileStore(config.uploadDir);
  const org = createOrgService({ db, clock });
  const customers = createCustomerService({ db, clock, jobs });
  const reasons = createReasonService({ db, jobs });
  const templates = createTemplateService({ db, clock });
  const inboundDomain = config.inbound.domain;
  const senders = createMailSenders({
    db,
    clock,
    platformFrom: config.mailFrom,
    inboundDomain,
    slugOf: async (orgId) => (await org.findOrg(db, orgId))?.slug,
  });
  const mail = createMailService({
    db,
    clock,
    jobs,
    // Customer mail goes out under the org's name and comes back to its inbound address.
    senders,
    files,
    transport: createMailTransport({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      logger,
      connections: config.smtpConnections,
      dkim: config.dkim,
    }),
  });
  const auth = createAuthService({ db, clock, org, mail });
  const notices = createNoticesService({
    db,
    clock,
    jobs,
    org,
    mail,
    publicUrl: config.publicUrl,
  });
  // Events of every later module go out to the org's endpoints, in the event's transaction.
  const webhooks = createWebhookService({
    db,
    clock,
    jobs,
    notices,
    org,
    timeoutMs: config.webhookTimeoutMs,
  });
  const sla = createSlaService({ db, clock, jobs, notices, org, reasons });
  const complaints = createComplaintService({
    configCache: createConfigCache(),
    db,
    clock,
    jobs,
    files,
    customers,
    reasons,
    templates,
    mail,
    org,
    sla,
    notices,
    webhooks,
    publicUrl: config.publicUrl,
    uploadMaxBytes: config.uploadMaxBytes,
    trackingLinkDaysAfterClose: config.trackingLinkDaysAfterClose,
    attachmentQuota: config.attachmentQuota,
  });
  const commitments = createCommitmentService({ db, clock, jobs, sla, complaints, notices, org });
  const provisioning = createProvisioningService({ db, org, templates, reasons, sla });
  const rewards = createRewardService({
    db,
    reportsDb,
    clock,
    jobs,
    sla,
    complaints,
    customers,
    org,
  });
  const sender = /<([^<>\s]+@[^<>\s]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  const channels = createChannelService({
    db,
    clock,
    logger,
    org,
    mail,
    complaints,
    ownAddresses: async (orgId) => [sender, ...(await senders.ownAddresses(orgId))],
    orgOfAddress: senders.orgOfAddress,
  });
  const mailboxes = createMailboxes({
    db,
    clock,
    logger,
    receive: (slug, raw, source) => channels.receive(slug, raw, source),
    slugOf: async (orgId) => (await org.findOrg(db, orgId))?.slug,
    allowPrivateHosts: config.inbound.imapAllowPrivateHosts,
  });
  // A suggested case shows the open problem it belongs to, to link the new case to in one click.
  const suggestions = createSuggestionService({
    db,
    clock,
    customers,
    problemsFor: (executor, orgId, ids) => openProblemsOf(executor, orgId, ids),
  });
  const problems = createProblemService({
    db,
    reportsDb,
    clock,
    jobs,
    sla,
    notices,
    org,
    complaints,
    reasons,
    webhooks,
  });
  // Built after complaints: it hears of each status change and schedules the survey.
  const surveys = createSurveyService({
    db,
    reportsDb,
    clock,
    jobs,
    mail,
    notices,
    org,
    customers,
    complaints,
    publicUrl: config.publicUrl,
  });
  // Orders, subscriptions and referrals from the org's systems, for the cohorts.
  const commerce = createCommerceService({ db, clock, jobs, org, customers, complaints });
  // Reads what every module above computes; owns no table.
  const analytics = createAnalyticsService({
    // Its own queries read the replica when there is one; the reports it reuses read as theirs do.
    db: reportsDb,
    clock,
    org,
    reasons,
    commitments,
    sla,
    rewards,
  });
  const cohortReport = createCohortReport({ db: reportsDb, clock, org });
  const winBack = createWinBack({ db, clock, org, rewards });
  return {
    jobs,
    files,
    org,
    auth,
    customers,
    reasons,
    templates,
    mail,
    senders,
    notices,
    sla,
    complaints,
    commitments,
    provisioning,
    rewards,
    channels,
    mailboxes,
    suggestions,
    problems,
    webhooks,
    surveys,
    commerce,
    analytics,
    cohortReport,
    winBack,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Every job the worker can run, from each module's jobs file. */
export function jobHandlers(services: Services): JobHandler[] {
  return [
    ...mailJobHandlers(services.mail),
    ...noticeJobHandlers(services.notices),
    ...complaintJobHandlers(services.complaints),
    ...commitmentJobHandlers(services.commitments),
    ...rewardJobHandlers(services.rewards),
    ...problemJobHandlers(services.problems),
    ...webhookJobHandlers(services.webhooks),
    ...surveyJobHandlers(services.surveys),
    ...commerceJobHandlers(services.commerce),
  ];
}

export async function buildHttp(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  services: Services;
  metrics?: Metrics;
  live: LiveHub;
  /** Present only with CLOCK_CONTROL: moves the clock forward. */
  shiftClock?: { advance(ms: number): void; offsetMs(): number };
  isReady?: () => Promise<boolean>;
  /** While the demo of a first start is being made: how far it is. */
  demoProgress?: () => { complaints: number; total: number } | undefined;
}): Promise<HttpApp> {
  const { config, services } = deps;
  const metrics = deps.metrics ?? createMetrics();
  const app = await createHttpApp({
    logger: deps.logger,
    db: deps.db,
    clock: deps.clock,
    authenticator: createAuthenticator(services.auth),
    metrics,
    uploadMaxBytes: config.uploadMaxBytes,
    trustProxy: config.trustProxy,
    apiKeyPermissions: new Set(apiKeyPermissions),
  });

  app.get('/api/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
    const demo = deps.demoProgress?.();
    return { status: 'ok', ...(demo ? { demo: { state: 'loading', ...demo } } : {}) };
  });
  app.get(
    '/api/ready',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const ready = deps.isReady ? await deps.isReady() : true;
      if (!ready) void reply.header('retry-after', '5');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
    },
  );
  registerMetricsRoute(app, { metrics, token: config.metricsToken });
  const shift = deps.shiftClock;
  if (shift) {
    app.post('/api/dev/clock', {
      config: { permission: 'org:admin' },
      schema: {
        hide: true,
        body: z.object({ advanceMinutes: z.number().int().min(0).max(525_600) }),
      },
      handler: async (request) => {
        shift.advance(request.body.advanceMinutes * 60_000);
        return { now: deps.clock.now().toISOString(), offsetMinutes: shift.offsetMs() / 60_000 };
      },
    });
  }
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true } },
    // The events Ombud sends to an org's endpoints, beside the operations it answers.
    async () => ({ ...app.swagger(), webhooks: webhooksDocument() }),
  );

  registerAuthRoutes(app, { auth: services.auth, cookieSecure: config.cookieSecure });
  registerOrgRoutes(app, { org: services.org });
  registerCustomerRoutes(app, { customers: services.customers });
  registerReasonRoutes(app, { reasons: services.reasons });
  registerTemplateRoutes(app, { templates: services.templates });
  registerMailRoutes(app, { mail: services.mail });
  registerMailSettingsRoutes(app, { senders: services.senders });
  registerComplaintRoutes(app, { complaints: services.complaints, files: services.files });
  registerPublicRoutes(app, { complaints: services.complaints });
  registerPortalRoutes(app, { complaints: services.complaints, files: services.files });
  registerFollowUpRoutes(app, { complaints: services.complaints });
  const streams = createLiveStreamSlots({
    db: deps.db,
    logger: deps.logger,
    maxPerSession: config.liveStreamsPerSession,
  });
  registerNoticeRoutes(app, { notices: services.notices, live: deps.live, streams });
  registerSlaRoutes(app, { sla: services.sla });
  registerCommitmentRoutes(app, { commitments: services.commitments });
  registerRewardRoutes(app, { rewards: services.rewards });
  registerChannelRoutes(app, { channels: services.channels, mailboxes: services.mailboxes });
  registerSuggestionRoutes(app, { suggestions: services.suggestions });
  registerProblemRoutes(app, { problems: services.problems });
  registerWebhookRoutes(app, { webhooks: services.webhooks });
  registerSurveyRoutes(app, { surveys: services.surveys });
  registerCommerceRoutes(app, {
    commerce: services.commerce,
    uploadMaxBytes: config.uploadMaxBytes,
  });
  registerAnalyticsRoutes(app, { analytics: services.analytics });
  registerCohortRoutes(app, { cohortReport: services.cohortReport });
  registerWinBackRoutes(app, { winBack: services.winBack });
  app.addHook('preClose', async () => streams.releaseAll());
  app.addHook('onClose', async () => deps.live.close());

  await registerWebApp(app, config.webDistDir);
  return app;
}

/** The loopback-only metrics port (METRICS_PORT), when configured. */
export async function startMetricsPort(deps: {
  config: Config;
  metrics: Metrics;
  logger: Logger;
}): Promise<MetricsServer | undefined> {
  const port = deps.config.metricsPort;
  if (port === undefined) return undefined;
  return startMetricsServer({ metrics: deps.metrics, port, logger: deps.logger });
}
