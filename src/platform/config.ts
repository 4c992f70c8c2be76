import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

/** The proxies in front of the server, as Fastify's `trustProxy` takes them. */
export type TrustProxy = false | number | string[];

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (proxyNames.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// `true` would trust every X-Forwarded-For hop, so any client could choose its own address (and
// its own rate-limit budget). The setting names how many proxies there are, or which they are.
const trustProxyFromEnv = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const v = (value ?? '').trim();
    if (v === '' || v === 'false' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    if (v !== 'true' && entries.every(isAddressOrRange)) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'give the number of proxies in front of the server (TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.0/8,127.0.0.1); "true" would let any client choose its address',
    });
    return z.NEVER;
  });

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  /** A read replica (a streaming standby) the reports read from; the primary when unset. */
  REPORTS_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ombud <no-reply@ombud.local>'),
  SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  DKIM_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i)
    .optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9._-]{1,63}$/i)
    .optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
  INBOUND_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i)
    .optional(),
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  INBOUND_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  IMAP_ALLOW_PRIVATE_HOSTS: booleanFromEnv,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanFromEnv,
  TRUST_PROXY: trustProxyFromEnv,
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
  RUN_WORKER: booleanFromEnv,
  SEED_DEMO: booleanFromEnv,
  WEB_DIST_DIR: z.string().default('./web/dist'),
  CLOCK_CONTROL: booleanFromEnv,
  TRACKING_LINK_DAYS_AFTER_CLOSE: z.coerce.number().int().min(1).max(3650).default(90),
  ATTACHMENT_FILES_PER_COMPLAINT: z.coerce.number().int().min(1).max(10_000).default(50),
  ATTACHMENT_BYTES_PER_COMPLAINT: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  ATTACHMENT_BYTES_PER_ORG: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024 * 1024),
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 16, 'use a random token of at least 16 characters'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(10),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** Where reports read: a read replica of the database, or the database itself. */
  reportsDatabaseUrl: string | undefined;
  dataDir: string;
  embeddedPgDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  /** How often a start tries to reach DATABASE_URL before it gives up (with backoff). */
  dbConnectAttempts: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SMTP connections kept open and shared by the deliveries of one process. */
  smtpConnections: number;
  /** The platform's DKIM key, for mail sent as MAIL_FROM (an org's own key wins for its mail). */
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  /** Jobs one worker runs side by side, for the kinds that may (mail). */
  workerConcurrency: number;
  logLevel: string;
  cookieSecure: boolean | undefined;
  /** Proxies whose X-Forwarded-* headers are believed: a hop count, or their addresses. */
  trustProxy: TrustProxy;
  uploadDir: string;
  uploadMaxBytes: number;
  runWorker: boolean;
  seedDemo: boolean;
  webDistDir: string;
  /** Lets an admin move the server's clock forward (demos, browser journeys). Never in production. */
  clockControl: boolean;
  /** A customer's tracking link stops working this many days after the case is closed. */
  trackingLinkDaysAfterClose: number;
  /** Quotas for attachments, so nobody can fill the disk through the portal. */
  attachmentQuota: { filesPerComplaint: number; bytesPerComplaint: number; bytesPerOrg: number };
  /** The bearer token that opens /metrics on the main port; without it that path is off. */
  metricsToken: string | undefined;
  /** A port on 127.0.0.1 that serves /metrics alone, without a token. */
  metricsPort: number | undefined;
  /** Live-update streams (GET /api/live) one session may hold open, across every process. */
  liveStreamsPerSession: number;
  /** How long one webhook delivery may take, connection to the end of the answer. */
  webhookTimeoutMs: number;
  /** Ombud's own SMTP listener for inbound mail: off unless a port is given. */
  inbound: {
    smtpPort: number | undefined;
    smtpHost: string;
    /** Mail to `<org-slug>@<domain>` goes to that org; replies come back there. */
    domain: string | undefined;
    maxBytes: number;
    /** Messages one sending address (IP) may deliver per minute, across every process. */
    messagesPerMinute: number;
    /** How often the worker polls each IMAP mailbox (IDLE brings new mail sooner). */
    imapPollSeconds: number;
    /** IMAP servers on loopback or private networks may be used (a server next door, tests). */
    imapAllowPrivateHosts: boolean;
  };
};

export class ConfigError extends Error {}

/** The three DKIM variables come together; the key file is read (and checked) at start. */
function dkimOf(
  domain: string | undefined,
  selector: string | undefined,
  keyFile: string | undefined,
): Config['dkim'] {
  const given = [domain, selector, keyFile].filter((v) => v !== undefined && v !== '');
  if (given.length === 0) return undefined;
  if (given.length !== 3)
    throw new ConfigError(
      'Invalid configuration: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE go together',
    );
  let privateKey: string;
  try {
    privateKey = fs.readFileSync(path.resolve(keyFile!), 'utf8');
    createPrivateKey(privateKey);
  } catch {
    throw new ConfigError(
      'Invalid configuration: DKIM_PRIVATE_KEY_FILE: not a readable PEM private key',
    );
  }
  return { domain: domain!.toLowerCase(), selector: selector!, privateKey };
}

/** Parses the environment once. Bad values fail fast, naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${issues}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    databaseUrl: c.DATABASE_URL,
    reportsDatabaseUrl: c.REPORTS_DATABASE_URL,
    dataDir,
    embeddedPgDir: path.resolve(c.EMBEDDED_PG_DIR ?? path.join(dataDir, 'postgres')),
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    dbPoolSize: c.DB_POOL_SIZE,
    dbConnectAttempts: c.DB_CONNECT_ATTEMPTS,
    smtpUrl: c.SMTP_URL && c.SMTP_URL.length > 0 ? c.SMTP_URL : undefined,
    mailFrom: c.MAIL_FROM,
    smtpConnections: c.SMTP_CONNECTIONS,
    dkim: dkimOf(c.DKIM_DOMAIN, c.DKIM_SELECTOR, c.DKIM_PRIVATE_KEY_FILE),
    workerConcurrency: c.WORKER_CONCURRENCY,
    logLevel: c.LOG_LEVEL,
    cookieSecure: c.COOKIE_SECURE,
    trustProxy: c.TRUST_PROXY,
    uploadDir: path.join(dataDir, 'files'),
    uploadMaxBytes: c.UPLOAD_MAX_BYTES,
    runWorker: c.RUN_WORKER ?? true,
    seedDemo: c.SEED_DEMO ?? c.NODE_ENV !== 'test',
    webDistDir: path.resolve(c.WEB_DIST_DIR),
    clockControl: (c.CLOCK_CONTROL ?? false) && c.NODE_ENV !== 'production',
    trackingLinkDaysAfterClose: c.TRACKING_LINK_DAYS_AFTER_CLOSE,
    attachmentQuota: {
      filesPerComplaint: c.ATTACHMENT_FILES_PER_COMPLAINT,
      bytesPerComplaint: c.ATTACHMENT_BYTES_PER_COMPLAINT,
      bytesPerOrg: c.ATTACHMENT_BYTES_PER_ORG,
    },
    metricsToken: c.METRICS_TOKEN || undefined,
    metricsPort: c.METRICS_PORT,
    liveStreamsPerSession: c.LIVE_STREAMS_PER_SESSION,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    inbound: {
      smtpPort: c.INBOUND_SMTP_PORT,
      smtpHost: c.INBOUND_SMTP_HOST,
      domain: c.INBOUND_DOMAIN?.toLowerCase(),
      maxBytes: c.INBOUND_MAX_BYTES,
      messagesPerMinute: c.INBOUND_MESSAGES_PER_MINUTE,
      imapPollSeconds: c.IMAP_POLL_SECONDS,
      imapAllowPrivateHosts: c.IMAP_ALLOW_PRIVATE_HOSTS ?? false,
    },
  };
}

/**
 * The configuration of this process: its environment over `defaults`, under `overrides`. The
 * only place that reads process.env.
 */
export function loadProcessConfig(
  options: { defaults?: NodeJS.ProcessEnv; overrides?: NodeJS.ProcessEnv } = {},
): Config {
  return loadConfig({ ...options.defaults, ...process.env, ...options.overrides });
}
