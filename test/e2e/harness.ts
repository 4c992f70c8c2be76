/*
 * Browser journeys: real Chromium (Debian's package, driven by playwright-core) against a real
 * server with a fresh database, and axe-core on every page a journey visits.
 *
 * Run:   npx vitest run --config test/e2e/vitest.config.ts      (or: npm run test:e2e)
 *
 * - global-setup.ts calls startServer() once for the whole run: it builds web/dist when it is
 *   missing or older than web/src, then starts `src/entrypoints/server.ts` in its own process
 *   group with a temporary DATA_DIR, free ports and the demo org seeded (about 20 s).
 *   Its log is echoed when it fails to start.
 * - With DATABASE_URL set (CI's external PostgreSQL), a fresh database `ombud_e2e_<random>` is
 *   created on that server for the run and dropped afterwards; otherwise the server starts its
 *   embedded PostgreSQL under the temporary DATA_DIR.
 * - Chromium comes from CHROMIUM_PATH or /usr/bin/chromium (`apt-get install chromium`). It is
 *   never downloaded; when it is missing the run fails and says so.
 * - E2E_BASE_URL=http://localhost:3111 runs the journeys against a server you already started
 *   (quicker while working on the UI; the journeys add data to its demo org).
 * - E2E_KEEP_ARTIFACTS=1 keeps the temporary directory (server log, data) for a post-mortem.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    /** The server's inbound SMTP listener (mail to `demo@E2E_INBOUND_DOMAIN`); 0 when off. */
    e2eInboundSmtpPort: number;
  }
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO = {
  admin: 'admin@demo.ombud.vn',
  manager: 'manager@demo.ombud.vn',
  agent: 'agent@demo.ombud.vn',
  responder: 'responder@demo.ombud.vn',
  quality: 'quality@demo.ombud.vn',
} as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// Server (used by global-setup.ts, in vitest's main process)

export type RunningServer = {
  baseUrl: string;
  inboundSmtpPort: number;
  stop: () => Promise<void>;
};

/** The domain the journeys' server takes inbound mail for. */
export const E2E_INBOUND_DOMAIN = 'inbound.e2e.test';

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser journeys need Debian's chromium ` +
        '(apt-get install chromium) or CHROMIUM_PATH pointing at a Chromium binary.',
    );
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than the web sources, so a journey never tests stale UI. */
export function ensureWebBuilt(): void {
  const index = path.join(ROOT, 'web/dist/index.html');
  const sourcesAt = Math.max(
    newestMtime(path.join(ROOT, 'web/src')),
    statSync(path.join(ROOT, 'web/index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesAt) return;
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database on the DATABASE_URL server; returns its URL and a function that drops it. */
async function createScratchDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ombud_e2e_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

export async function startServer(): Promise<RunningServer> {
  assertChromiumInstalled();
  const startedAt = Date.now();
  ensureWebBuilt();
  if (process.env.E2E_BASE_URL) {
    const baseUrl = process.env.E2E_BASE_URL.replace(/\/$/, '');
    const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (!response?.ok) throw new Error(`E2E_BASE_URL ${baseUrl} is not healthy`);
    return {
      baseUrl,
      inboundSmtpPort: Number(process.env.E2E_INBOUND_SMTP_PORT ?? 0),
      stop: async () => undefined,
    };
  }

  const workDir = await mkdtemp(path.join(tmpdir(), 'ombud-e2e-'));
  // As root the embedded PostgreSQL runs as a separate user, which must be able to enter here.
  await chmod(workDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const inboundSmtpPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const database = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL)
    : undefined;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(workDir, 'data'),
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    PUBLIC_URL: baseUrl,
    SEED_DEMO: 'true',
    // Lets a journey move the server's clock forward (POST /api/dev/clock) to see a breach.
    CLOCK_CONTROL: 'true',
    // One trusted proxy hop: requests the journeys send for a customer over the API name their
    // own address (publicClientHeaders), so the public form's rate limit counts each customer.
    TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
    TZ: 'UTC',
    // Mail in: the journeys write to the demo org as a customer's mail client would.
    INBOUND_SMTP_PORT: String(inboundSmtpPort),
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_DOMAIN: E2E_INBOUND_DOMAIN,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  // Outgoing mail must stay in the database so the journey can read it at /dev/mailbox.
  delete env.SMTP_URL;

  const logPath = path.join(workDir, 'server.log');
  const log = createWriteStream(logPath);
  let tail = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', 'dist/server/server.mjs'],
    { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server process');
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-6000);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (isGroupAlive(pid)) {
      process.kill(-pid, 'SIGTERM');
      await waitFor(() => exited !== undefined, 15_000);
      // The embedded PostgreSQL is in the same group; give it a moment to finish, then insist.
      if (!(await waitFor(() => !isGroupAlive(pid), 5_000))) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await waitFor(() => !isGroupAlive(pid), 5_000);
      }
    }
    log.end();
    if (database) await database.drop();
    if (process.env.E2E_KEEP_ARTIFACTS) {
      console.log(`e2e: kept ${workDir}`);
    } else {
      await rm(workDir, { recursive: true, force: true, maxRetries: 5 });
    }
  };

  const deadline = Date.now() + 300_000;
  let answeredAt: number | undefined;
  try {
    for (;;) {
      if (exited !== undefined) throw new Error(`the server exited early (code ${exited})`);
      if (Date.now() > deadline) throw new Error('the server did not become healthy in 300 s');
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        // The journeys use the demo org, so they wait until the demo is complete.
        const health = response.ok ? ((await response.json()) as { demo?: unknown }) : undefined;
        if (health) answeredAt ??= Date.now();
        if (health && !health.demo) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server log (tail) ---\n${tail}`);
  }
  const seconds = (at: number) => ((at - startedAt) / 1000).toFixed(1);
  console.log(
    `e2e: server answering after ${seconds(answeredAt ?? Date.now())} s, demo complete after ${seconds(Date.now())} s, at ${baseUrl}`,
  );
  return { baseUrl, inboundSmtpPort, stop };
}

// ---------------------------------------------------------------------------------------------
// Browser helpers (used by the *.e2e.ts files, in the test worker)

export type Locale = 'vi' | 'en' | 'zh';

export type NewPageOptions = {
  locale?: Locale;
  /** A phone: 390×844, touch, mobile user agent. */
  mobile?: boolean;
};

export type E2EBrowser = {
  baseUrl: string;
  browser: Browser;
  newPage: (options?: NewPageOptions | Locale) => Promise<Page>;
  close: () => Promise<void>;
};

const BROWSER_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US', zh: 'zh-CN' };

/**
 * Chromium for one test file. Each newPage() gets its own context (cookies, storage), so a
 * customer and an agent can act side by side. Playwright gives every launch a fresh temporary
 * profile (its --user-data-dir) and removes it on close.
 */
export async function openBrowser(): Promise<E2EBrowser> {
  assertChromiumInstalled();
  const baseUrl = inject('e2eBaseUrl');
  if (!baseUrl) throw new Error('e2eBaseUrl missing: run with --config test/e2e/vitest.config.ts');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    newPage: async (options = {}) => {
      const { locale = 'vi', mobile = false } =
        typeof options === 'string' ? { locale: options } : options;
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: BROWSER_LOCALES[locale],
        timezoneId: 'Asia/Ho_Chi_Minh',
        reducedMotion: 'reduce',
        ...(mobile
          ? {
              viewport: { width: 390, height: 844 },
              isMobile: true,
              hasTouch: true,
              deviceScaleFactor: 2,
            }
          : { viewport: { width: 1366, height: 900 } }),
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      // The app's UI language comes from localStorage (default vi); set it before the app loads.
      // Only in the top document: sandboxed frames (the dev mailbox's mail view) have no storage.
      await context.addInitScript(
        `if (window === window.top && !localStorage.getItem('ombud.language')) localStorage.setItem('ombud.language', ${JSON.stringify(locale)});`,
      );
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[browser pageerror] ${error.message}`));
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Signs in on /login (checking the login page with axe) and waits for the app shell. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-form').waitFor();
  await checkA11y(page, 'login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-queue').waitFor();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Waits (up to 3 s) for running CSS transitions and animations to finish: a modal's overlay or a
 * menu mid-fade has colours no reader ever sees, and axe would measure them. Endless ones (a
 * spinner) are left alone.
 */
async function waitForAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Running = {
      playState: string;
      finished: Promise<unknown>;
      effect: { getTiming: () => { iterations: number } } | null;
    };
    const doc = (globalThis as unknown as { document: { getAnimations: () => Running[] } })
      .document;
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      const running = doc
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 250)),
      ]);
    }
  });
}

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Every axe finding, by page label, for the summary printed at the end of each file. */
export const axeLog: {
  label: string;
  violations: { id: string; impact: string | null; nodes: number }[];
}[] = [];

/**
 * Runs axe-core on the whole document and fails on any serious or critical violation, naming the
 * rule, the elements and the fix. Minor and moderate findings are logged, not failed.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // Let pending requests and enter transitions settle so axe sees the finished page.
  // Bounded: the app keeps a live-events stream open, which can hold "networkidle" off.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page
    .waitForFunction("!document.querySelector('.mantine-Loader-root')", undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await waitForAnimations(page);
  const hasAxe = await page.evaluate(() => 'axe' in globalThis);
  // Evaluated through the browser's debugging protocol: the page's content security policy runs
  // no inline script, so a <script> tag with axe in it would be refused.
  if (!hasAxe) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = (await page.evaluate(async () => {
    // The test files are typed without the DOM library; these are the page's globals.
    const { axe, document } = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      document: unknown;
    };
    const result = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })) as { violations: unknown[] };
    return result.violations;
  })) as AxeViolation[];
  axeLog.push({
    label,
    violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) {
    console.log(
      `[axe ${label}] non-blocking: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`,
    );
  }
  if (blocking.length > 0) {
    const details = blocking
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    - ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          )
          .join('\n');
        return `  ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes}`;
      })
      .join('\n');
    expect.fail(
      `axe found ${blocking.length} serious/critical violation(s) on "${label}" (${page.url()}):\n${details}`,
    );
  }
}

/** Prints a one-line-per-page summary of axe findings (call in afterAll). */
export function printAxeSummary(file: string): void {
  const lines = axeLog.map(
    (entry) =>
      `  ${entry.label}: ${entry.violations.length === 0 ? 'clean' : entry.violations.map((v) => `${v.id}(${v.impact})`).join(', ')}`,
  );
  console.log(`axe summary for ${file}:\n${lines.join('\n')}`);
}

let clientCounter = 0;
/**
 * Headers for a request a customer sends to the public API, each from its own address (behind
 * the trusted proxy hop): the journeys share one server, and the public form allows 10 per 10
 * minutes from one address.
 */
export function publicClientHeaders(): Record<string, string> {
  clientCounter += 1;
  return {
    'content-type': 'application/json',
    'x-forwarded-for': `fd30::${(process.pid & 0xffff).toString(16)}:${clientCounter.toString(16)}`,
  };
}

/**
 * Opens a case from the console's queue: every case (not only the viewer's), searched by its
 * reference, then its page once it shows that reference.
 */
export async function openCaseFromQueue(page: Page, reference: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('queue-table').waitFor();
  await page
    .getByTestId('queue-scope')
    .locator('label[for$="-all"], label:has(input[value="all"])')
    .first()
    .click();
  await page.getByTestId('queue-search').fill(reference);
  const rows = page.getByTestId('queue-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
  await rows.first().getByTestId('queue-row-link').click();
  await page.getByTestId('complaint-detail').waitFor();
  await expect.poll(() => page.getByTestId('complaint-reference').textContent()).toBe(reference);
}
