/*
 * How light the customer pages are on a phone: the public form and the portal, against their
 * targets (under 80 KB of gzipped script before interaction, Lighthouse performance ≥ 0.9 on
 * its phone profile), and the console's first route (under 250 KB).
 *
 *   npm run bench:pages
 *
 * Starts the compiled server on a fresh embedded PostgreSQL with one org and one complaint,
 * then, in Chromium (CHROME_PATH or CHROMIUM_PATH, else /usr/bin/chromium; never downloaded):
 * - the scripts' bytes on the wire as the browser counts them (CDP), gzip and brotli;
 * - Lighthouse's default (mobile) run: performance score, script bytes and LCP, asking for gzip
 *   so its figures are the budget's. BENCH_LIGHTHOUSE=0 skips it.
 * Exits 1 when a target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildServer, buildWeb } from '../scripts/build.mjs';
import { kilobytes, measureScripts } from '../test/e2e/page-weight.ts';
import { findFreePort, root, runCli, serverDir, sleep } from './support.ts';

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';

type Target = {
  label: string;
  path: string;
  budget: number;
  minScore?: number;
  /** Signs the browser in first: the queue is an agent's first route. */
  signedIn?: boolean;
};

const AGENT = { email: 'agent@pages.test', password: 'Pages@12345' };

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${log()}`);
    const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    await sleep(250);
  }
  throw new Error(`the server did not become healthy in 120 s:\n${log()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, sleep(20_000)]);
  if (child.exitCode === null) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Chromium with its debugging port open, for Lighthouse. */
async function startChrome(profile: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(
    CHROME,
    [
      ...CHROME_FLAGS,
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => undefined);
    if (ready?.ok) return { port, child };
    await sleep(200);
  }
  await stopGroup(child);
  throw new Error(`Chromium (${CHROME}) did not open its debugging port`);
}

type LighthouseFigures = {
  score: number;
  scriptBytes: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
};

async function runLighthouse(url: string, port: number): Promise<LighthouseFigures> {
  const { default: lighthouse } = await import('lighthouse');
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: { 'Accept-Encoding': 'gzip' },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const summary = lhr.audits['resource-summary']?.details as
    { items: { resourceType: string; transferSize: number }[] } | undefined;
  return {
    score: lhr.categories.performance?.score ?? 0,
    scriptBytes: summary?.items.find((i) => i.resourceType === 'script')?.transferSize ?? 0,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? 0,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? 0,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
  };
}

async function main(): Promise<void> {
  await buildServer();
  buildWeb();
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-bench-pages-'));
  // As root, the embedded PostgreSQL runs as its own system user, which must reach the directory.
  await fs.chmod(workDir, 0o755);
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: path.join(workDir, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    EMBEDDED_PG_PORT: String(await findFreePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  let serverLog = '';
  const server = spawn(process.execPath, [path.join(serverDir, 'server.mjs')], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  let chrome: ChildProcess | undefined;
  let missed = false;
  try {
    console.log(`Starting the server on a fresh embedded PostgreSQL (node ${process.version})…`);
    await waitForHealth(baseUrl, server, () => serverLog);
    await runCli(env, ['org:create', '--slug', 'pages', '--name', 'Công ty Trang nhẹ']);
    const filed = await fetch(`${baseUrl}/api/public/orgs/pages/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Nguyễn Văn An',
        phone: '+84912345678',
        description: 'Máy lọc nước giao đến bị nứt vỏ.',
        language: 'vi',
      }),
    });
    if (filed.status !== 201) throw new Error(`filing a complaint: ${filed.status}`);
    const { trackingUrl } = (await filed.json()) as { trackingUrl: string };
    // The following targets in the list run on a browser that the agent signed in.
    await runCli(env, [
      'user:create',
      '--org',
      'pages',
      '--email',
      AGENT.email,
      '--name',
      'Trần Thị Bình',
      '--role',
      'agent',
      '--password',
      AGENT.password,
    ]);

    const targets: Target[] = [
      { label: 'public form', path: '/complain/pages', budget: 80 * 1024, minScore: 0.9 },
      { label: 'portal', path: new URL(trackingUrl).pathname, budget: 80 * 1024, minScore: 0.9 },
      { label: 'console (sign-in)', path: '/login', budget: 250 * 1024 },
      { label: 'console (queue)', path: '/', budget: 250 * 1024, signedIn: true },
    ];

    const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
    const measured = [];
    for (const target of targets) {
      const weigh = async (encoding?: string) => {
        const context = await browser.newContext({
          baseURL: baseUrl,
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        if (target.signedIn) {
          const signedIn = await context.request.post('/api/auth/login', {
            data: { ...AGENT, org: 'pages' },
          });
          if (!signedIn.ok()) throw new Error(`signing in: ${signedIn.status()}`);
        }
        const page = await context.newPage();
        const weight = await measureScripts(page, target.path, encoding ? { encoding } : {});
        await context.close();
        return weight;
      };
      const gzip = await weigh('gzip');
      measured.push({ target, gzip, brotli: await weigh() });
      // BENCH_LIST=1 names each script of a page, largest first: where the bytes go.
      if (process.env.BENCH_LIST === '1')
        for (const script of [...gzip.scripts].sort((a, b) => b.transferred - a.transferred))
          console.log(
            `  ${target.label}: ${kilobytes(script.transferred)} ${new URL(script.url).pathname}`,
          );
    }
    await browser.close();

    let lighthouse: (LighthouseFigures | string)[] = [];
    if (withLighthouse) {
      const started = await startChrome(path.join(workDir, 'chrome-profile'));
      chrome = started.child;
      for (const { target } of measured) {
        if (target.signedIn) {
          lighthouse.push('Lighthouse: customer pages and sign-in only');
          continue;
        }
        // A trace Lighthouse could not record (NO_NAVSTART and the like) is run once more.
        const run = () => runLighthouse(`${baseUrl}${target.path}`, started.port);
        lighthouse.push(
          await run()
            .catch(run)
            .catch((error: unknown) => `Lighthouse failed: ${(error as Error).message}`),
        );
      }
    } else {
      lighthouse = measured.map(() => 'Lighthouse skipped (BENCH_LIGHTHOUSE=0)');
    }

    const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');
    const widths = [20, 24, 12, 14, 14, 9, 9, 9, 6];
    const row = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('');
    console.log(
      `\n${row(['page', 'JS gzip (Chromium)', 'JS brotli', 'Lighthouse', 'JS gzip (LH)', 'LCP', 'FCP', 'TBT', 'CLS'])}`,
    );
    measured.forEach(({ target, gzip, brotli }, index) => {
      const lh = lighthouse[index];
      const withinBudget = gzip.scriptBytes < target.budget;
      const scoreOk =
        typeof lh !== 'object' || target.minScore === undefined || lh.score >= target.minScore;
      if (!withinBudget || !scoreOk) missed = true;
      const cells = [
        target.label,
        `${kilobytes(gzip.scriptBytes)} / ${kilobytes(target.budget)}${mark(withinBudget)}`,
        kilobytes(brotli.scriptBytes),
      ];
      if (typeof lh === 'object')
        cells.push(
          `${lh.score.toFixed(2)}${target.minScore === undefined ? '' : mark(scoreOk)}`,
          kilobytes(lh.scriptBytes),
          `${(lh.lcpMs / 1000).toFixed(2)} s`,
          `${(lh.fcpMs / 1000).toFixed(2)} s`,
          `${Math.round(lh.tbtMs)} ms`,
          lh.cls.toFixed(3),
        );
      else cells.push(lh ?? '');
      console.log(row(cells));
    });
    console.log(
      `\ntargets: customer pages < 80 KB gzip and Lighthouse ≥ 0.90 (mobile); console's first routes (sign-in, and the queue once signed in) < 250 KB gzip`,
    );
  } finally {
    if (chrome) await stopGroup(chrome);
    await stopGroup(server);
    await fs.rm(workDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  }
  if (missed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
