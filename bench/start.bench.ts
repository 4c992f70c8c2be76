/**
 * How long `npm start` takes. Run: npm run bench:start
 *
 * Runs `npm start` exactly as a developer does, on a temporary data directory and free ports
 * (a developer's ./data and port 3000 are never touched):
 *   1. a first start on an empty data directory (initdb, migrations, the demo made meanwhile),
 *      until /api/health answers and the console (the web app's index page and its script) is
 *      served; then it waits for the demo to finish, and measures the idle memory;
 *   2. a second start on that initialised directory, timed the same way, several times.
 * Idle memory is measured after the last second start (as the app runs day to day) and after
 * the first (with the demo just made in the same process): the app's node process and every
 * process of its embedded PostgreSQL. Summed RSS counts PostgreSQL's shared buffers once per
 * process that touched them; PSS divides each shared page among the processes that share it,
 * so the PSS sum is the memory they take together, and the target is read on it. Both are
 * printed.
 *
 * Environment: BENCH_STARTS second starts to time (5).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, positiveInt, root, sleep } from './support.ts';

const SECOND_STARTS = positiveInt('BENCH_STARTS', 5);
const TARGETS = { firstMs: 10_000, secondMs: 3_000, idleMb: 250 };

const log = (line = '') => console.log(line);

type Started = { child: ChildProcess; healthMs: number; consoleMs: number; output: () => string };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` in its own process group, timed until health answers and the console loads. */
async function startOnce(env: NodeJS.ProcessEnv, baseUrl: string): Promise<Started> {
  const startedAt = performance.now();
  let output = '';
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let healthMs = NaN;
  const deadline = Date.now() + 120_000;
  while (Number.isNaN(healthMs)) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`no health in 120 s:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) healthMs = performance.now() - startedAt;
    else await sleep(10);
  }
  const page = await fetch(`${baseUrl}/`);
  const html = await page.text();
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !script) throw new Error(`the console is not served (${page.status})`);
  const asset = await fetch(new URL(script, baseUrl));
  await asset.arrayBuffer();
  if (!asset.ok) throw new Error(`the console's script is not served (${asset.status})`);
  return { child, healthMs, consoleMs: performance.now() - startedAt, output: () => output };
}

async function stop(child: ChildProcess, pgDir: string): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
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
  // PostgreSQL may outlive its parent for a moment; it must not outlive the bench.
  const pidFile = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').toString();
  const postmaster = Number(pidFile.split('\n')[0]);
  if (Number.isInteger(postmaster) && postmaster > 0) {
    for (let i = 0; i < 100 && isAlive(postmaster); i++) await sleep(100);
    if (isAlive(postmaster)) process.kill(postmaster, 'SIGQUIT');
  }
}

/** Memory of one process in kB: resident, and proportional (shared pages divided out). */
function memoryOf(pid: number): { rss: number; pss: number } {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1]);
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

const childrenOf = (pid: number): number[] => {
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out.stdout
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
};

/** The app's node process (npm's child) and the postmaster with its children, in MB. */
function idleMemory(npmPid: number, pgDir: string) {
  const app = childrenOf(npmPid).flatMap((pid) => [pid, ...childrenOf(pid)]);
  const node = app.filter((pid) =>
    /scripts\/start\.mjs|dist\/server\/server\.mjs/.test(
      fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
    ),
  );
  const postmaster = Number(
    fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const postgres = [postmaster, ...childrenOf(postmaster)];
  const sum = (pids: number[]) =>
    pids.map(memoryOf).reduce((a, m) => ({ rss: a.rss + m.rss, pss: a.pss + m.pss }), {
      rss: 0,
      pss: 0,
    });
  const mb = (kb: number) => kb / 1024;
  const n = sum(node);
  const p = sum(postgres);
  return {
    nodeRss: mb(n.rss),
    postgresRss: mb(p.rss),
    postgresPss: mb(p.pss),
    nodePss: mb(n.pss),
    postgresProcesses: postgres.length,
  };
}

type Memory = ReturnType<typeof idleMemory>;

function printMemory(when: string, m: Memory): void {
  log(
    `  idle memory ${when}: node ${m.nodeRss.toFixed(0)} MB RSS (${m.nodePss.toFixed(0)} MB PSS), ` +
      `PostgreSQL ${m.postgresProcesses} processes ${m.postgresRss.toFixed(0)} MB RSS summed ` +
      `(${m.postgresPss.toFixed(0)} MB PSS); together ${(m.nodePss + m.postgresPss).toFixed(0)} MB PSS`,
  );
}

async function waitForDemo(baseUrl: string): Promise<number> {
  const startedAt = performance.now();
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { demo?: unknown };
    if (!health.demo) return performance.now() - startedAt;
    if (performance.now() - startedAt > 300_000) throw new Error('the demo took over 5 minutes');
    await sleep(250);
  }
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<number> {
  // Built once beforehand, so both starts find the build up to date (the check itself is timed).
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) return 1;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-start-bench-'));
  // As root, the embedded PostgreSQL runs as its own system user, which must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'postgres');
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await findFreePort()),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
  };
  // The bench always measures its own embedded database.
  delete env.DATABASE_URL;
  const baseUrl = `http://127.0.0.1:${port}`;
  let running: ChildProcess | undefined;
  const onSignal = () => {
    if (running) void stop(running, pgDir).finally(() => process.exit(130));
    else process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`Start benchmark: ${os.cpus().length} CPUs, node ${process.version}, \`npm start\``);
  try {
    const first = await startOnce(env, baseUrl);
    running = first.child;
    log(
      `First start (empty data directory): health ${s(first.healthMs)}, console ${s(first.consoleMs)}`,
    );
    const demoMs = await waitForDemo(baseUrl);
    log(`  the demo was complete ${s(demoMs)} after the console answered`);
    await sleep(5_000);
    printMemory('after the first start and the demo', idleMemory(first.child.pid!, pgDir));
    await stop(first.child, pgDir);
    running = undefined;

    const seconds: { healthMs: number; consoleMs: number }[] = [];
    let idle: Memory | undefined;
    for (let i = 0; i < SECOND_STARTS; i++) {
      const again = await startOnce(env, baseUrl);
      running = again.child;
      seconds.push(again);
      log(`Second start #${i + 1}: health ${s(again.healthMs)}, console ${s(again.consoleMs)}`);
      if (i === SECOND_STARTS - 1) {
        await sleep(5_000);
        idle = idleMemory(again.child.pid!, pgDir);
        printMemory('after a second start', idle);
      }
      await stop(again.child, pgDir);
      running = undefined;
    }
    const consoles = seconds.map((r) => r.consoleMs);
    const idleMb = idle ? idle.nodePss + idle.postgresPss : NaN;
    const worst = Math.max(...consoles);
    log('');
    log('Targets:');
    log(
      `  first start, health and console < ${s(TARGETS.firstMs)}: ${s(first.consoleMs)}  ${verdict(first.consoleMs < TARGETS.firstMs)}`,
    );
    log(
      `  second start, health and console < ${s(TARGETS.secondMs)}: median ${s(pct(consoles, 50))}, worst ${s(worst)}  ${verdict(worst < TARGETS.secondMs)}`,
    );
    log(
      `  idle memory, app + PostgreSQL together (PSS) < ${TARGETS.idleMb} MB: ${idleMb.toFixed(0)} MB  ${verdict(idleMb < TARGETS.idleMb)}` +
        (idle ? ` (summed RSS ${(idle.nodeRss + idle.postgresRss).toFixed(0)} MB)` : ''),
    );
    return first.consoleMs < TARGETS.firstMs && worst < TARGETS.secondMs && idleMb < TARGETS.idleMb
      ? 0
      : 1;
  } catch (error) {
    console.error(error);
    if (running) await stop(running, pgDir).catch(() => undefined);
    return 1;
  }
}

process.exit(await main());
