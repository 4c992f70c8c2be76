/**
 * Step 8's suggestions: how right they are, and how fast. Run: npm run bench:similar
 *
 * 1. The labelled set of test/fixtures/similar-pairs.ts (Vietnamese with and without
 *    diacritics, Chinese without segmentation) in an org of its own, through the real service:
 *    precision and recall at 5 at the org's default thresholds, then a sweep of the thresholds.
 * 2. SUGGEST_ROWS complaints (100,000 by default; 1,000,000 for the target) seeded set-based
 *    with the queue benchmark's seeder (two years, Vietnamese text built from a few dozen
 *    phrases, so many of them look alike: a hard case for a trigram index), beside another org
 *    of a twentieth of that, plus the labelled set. Then the suggestion query, as the API runs
 *    it, many times:
 *      a. the case page of a seeded complaint (`GET /api/complaints/:id/similar`);
 *      b. the intake page with a labelled description and a known phone (`POST /api/suggestions`).
 *    It prints p50, p95 and p99, and the plan of the similar-text query. The target: p95 under
 *    100 ms at 1M complaints.
 *
 * Environment:
 *   DATABASE_URL       use this server (a fresh database is created on it and dropped after);
 *                      otherwise an embedded PostgreSQL starts in a temporary directory
 *   SUGGEST_ROWS       complaints in the measured org (100000)
 *   BENCH_RUNS         measured runs per case (200); BENCH_WARMUP unmeasured runs (20)
 *   BENCH_MAX_SECONDS  stop measuring a case after this long (45)
 *
 * Compare figures within one run: these machines are noisy.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServices, type Services } from '../src/entrypoints/app.ts';
import { normalizePhone } from '../src/modules/customers/index.ts';
import { rolePermissions } from '../src/modules/kernel/index.ts';
import { precisionAtK, type PrecisionReport } from '../src/modules/suggestions/domain/precision.ts';
import { defaultSuggestionSettings } from '../src/modules/suggestions/domain/suggest.ts';
import { systemActor, type Scope } from '../src/platform/actor.ts';
import { createManualClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { findFreePort, startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { createDb } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import {
  judgeSeeded,
  labelledComplaints,
  seedLabelledSet,
} from '../test/fixtures/similar-pairs.ts';
import { positiveInt } from './support.ts';
import { measure, type Stats } from './queue/plans.ts';
import { agentNames, mobilePrefixes, seed } from './queue/seed.ts';

const ROWS = positiveInt('SUGGEST_ROWS', 100_000);
const RUNS = positiveInt('BENCH_RUNS', 200);
const WARM_UP = positiveInt('BENCH_WARMUP', 20);
const MAX_SECONDS = positiveInt('BENCH_MAX_SECONDS', 45);
const TARGET_P95_MS = 100;

const log = (line = '') => console.log(line);
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const f3 = (v: number) => v.toFixed(3);

async function openTarget(dataDir: string) {
  const shared = process.env.DATABASE_URL;
  if (shared) {
    const name = `ombud_similar_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: shared });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(shared);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      description: `database ${name} on DATABASE_URL`,
      async close() {
        const dropper = new pg.Client({ connectionString: shared });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase({
    dir: path.join(dataDir, 'postgres'),
    port: await findFreePort(),
    database: 'ombud',
    logger: createLogger('error'),
  });
  return {
    url: embedded.url,
    description: 'fresh embedded PostgreSQL (default settings)',
    close: () => embedded.stop(),
  };
}

const statsLine = (label: string, s: Stats) =>
  `  ${label.padEnd(44)} p50 ${ms(s.p50).padStart(7)}  p95 ${ms(s.p95).padStart(7)}  p99 ${ms(s.p99).padStart(7)} ms  (${s.runs} runs)`;

const reportLine = (label: string, r: PrecisionReport) =>
  `  ${label.padEnd(10)} precision@5 ${f3(r.precision)}  recall@5 ${f3(r.recall)}  ` +
  `(${r.correct}/${r.shown} shown right, ${r.relevant} to find, ${r.empty} of ${r.queries} with none)`;

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-similar-bench-'));
  fs.chmodSync(dataDir, 0o755);
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`Similar-complaints benchmark: ${os.cpus().length} CPUs, node ${process.version}`);
  const target = await openTarget(dataDir);
  const { db, pool } = createDb(target.url, 4);
  let exitCode = 0;
  try {
    await migrate(pool);
    const version = await pool.query<{ v: string; ctype: string }>(
      `SELECT current_setting('server_version') AS v, datctype AS ctype
         FROM pg_database WHERE datname = current_database()`,
    );
    log(
      `Database: ${target.description}, PostgreSQL ${version.rows[0]?.v}, ctype ${version.rows[0]?.ctype}`,
    );
    const now = new Date();
    const clock = createManualClock(now);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://ombud.bench',
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      SMTP_URL: '',
    });
    const services = createServices({ config, db, clock, logger: createLogger('silent') });
    const passwordHash = await hashPassword('bench-similar-password');

    const prepareOrg = async (slug: string) => {
      const org = await services.provisioning.provisionOrg({ slug, name: `Bench ${slug}` });
      const agents: { id: string; name: string }[] = [];
      for (const [i, name] of agentNames.slice(0, 5).entries()) {
        const user = await services.org.createUser(org.id, systemActor, {
          name,
          email: `agent${i + 1}@${slug}.test`,
          role: 'agent',
          locale: 'vi',
          password: 'bench-similar-password',
          passwordHash,
        });
        agents.push({ id: user.id, name: user.name });
      }
      const scope: Scope = {
        orgId: org.id,
        actor: { type: 'user', id: agents[0]!.id, name: agents[0]!.name },
        permissions: new Set(rolePermissions.agent),
      };
      return { org, agents, scope };
    };
    const intake = (services: Services, scope: Scope) => async (text: string, n: number) => {
      const created = await services.complaints.create(scope, {
        customer: { name: `Khách ${n}`, phone: `09135${String(n).padStart(5, '0')}` },
        channel: 'phone',
        severity: 'medium',
        description: text,
      } as Parameters<Services['complaints']['create']>[1]);
      return created.complaint.id;
    };

    // 1. The labelled set, alone in its org.
    const small = await prepareOrg('bench-labelled');
    const similarIds = async (id: string) =>
      (await services.suggestions.forCase(small.scope, id)).items.map((i) => i.complaint.id);
    const idOf = await seedLabelledSet(intake(services, small.scope));
    const judged = await judgeSeeded(idOf, similarIds);
    const byLang = (lang: 'vi' | 'zh') => judged.filter((j) => j.complaint.lang === lang);
    log('');
    log(
      `Labelled set: ${labelledComplaints.length} complaints in ${new Set(labelledComplaints.map((c) => c.issue)).size} issues, plus noise; ` +
        `thresholds ${defaultSuggestionSettings.similarThreshold} (Latin) and ${defaultSuggestionSettings.similarThresholdCjk} (CJK)`,
    );
    log(reportLine('all', precisionAtK(judged, 5)));
    log(reportLine('vi', precisionAtK(byLang('vi'), 5)));
    log(reportLine('zh', precisionAtK(byLang('zh'), 5)));
    log('  Threshold sweep (precision@5 / recall@5 of the language the threshold is for):');
    for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
      await services.suggestions.saveSettings(small.scope, {
        ...defaultSuggestionSettings,
        similarThreshold: t,
        similarThresholdCjk: t,
      });
      const swept = await judgeSeeded(idOf, similarIds);
      const vi = precisionAtK(
        swept.filter((j) => j.complaint.lang === 'vi'),
        5,
      );
      const zh = precisionAtK(
        swept.filter((j) => j.complaint.lang === 'zh'),
        5,
      );
      log(
        `    ${t.toFixed(2)}: vi ${f3(vi.precision)} / ${f3(vi.recall)}   zh ${f3(zh.precision)} / ${f3(zh.recall)}`,
      );
    }
    await services.suggestions.saveSettings(small.scope, defaultSuggestionSettings);

    // 2. The big org.
    const big = await prepareOrg('bench-similar');
    const other = await prepareOrg('bench-similar-other');
    const reasonsOf = (orgId: string) =>
      db
        .selectFrom('reasons')
        .select(['id', 'code'])
        .where('org_id', '=', orgId)
        .where('parent_id', 'is not', null)
        .orderBy('code')
        .execute();
    const policiesOf = async (orgId: string) => {
      const rows = await db
        .selectFrom('sla_policies')
        .select(['id', 'match_severities'])
        .where('org_id', '=', orgId)
        .execute();
      return {
        urgentId: rows.find((p) => p.match_severities.length > 0)!.id,
        standardId: rows.find((p) => p.match_severities.length === 0)!.id,
      };
    };
    const phonePrefixes = mobilePrefixes.filter(
      (p) => normalizePhone(`+84${p}1234567`) === `+84${p}1234567`,
    );
    if (!process.env.DATABASE_URL) {
      await pool.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
      await pool.query(`SELECT pg_reload_conf()`);
    }
    const seeder = new pg.Client({ connectionString: target.url });
    await seeder.connect();
    const startedAt = performance.now();
    try {
      for (const [o, rows] of [
        [other, Math.max(1_000, Math.round(ROWS / 20))],
        [big, ROWS],
      ] as const) {
        log(`Seeding ${rows.toLocaleString('en')} complaints in ${o.org.name}…`);
        await seed(seeder, {
          orgId: o.org.id,
          referencePrefix: o.org.referencePrefix,
          timeZone: o.org.timeZone,
          now,
          complaints: rows,
          customers: Math.max(1, Math.round(rows / 5)),
          days: 730,
          agents: o.agents,
          reasons: await reasonsOf(o.org.id),
          policies: await policiesOf(o.org.id),
          phonePrefixes,
          indexMode: 'drop',
          log: () => undefined,
        });
      }
      // The seeder loads with triggers off (session_replication_role); the bands the trigger
      // would have written are filled in as the migration fills them for existing complaints.
      log('Writing the MinHash bands of the seeded complaints…');
      await seeder.query(
        `INSERT INTO complaint_similar_bands (org_id, band, created_at, complaint_id)
         SELECT DISTINCT c.org_id, b, c.created_at, c.id
           FROM complaints AS c, unnest(ombud_similar_bands(c.similar_key)) AS b
          WHERE c.org_id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [[big.org.id, other.org.id]],
      );
    } finally {
      await seeder.end();
    }
    // The labelled set among them, so that drafts have their own issue to find.
    for (const [n, c] of labelledComplaints.entries()) await intake(services, big.scope)(c.text, n);
    await pool.query('VACUUM (ANALYZE) complaints');
    await pool.query('VACUUM (ANALYZE) complaint_similar_bands');
    log(`Seeded in ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
    const sizes = await pool.query<{ bands: string; rows: string; complaints: string }>(
      `SELECT pg_size_pretty(pg_total_relation_size('complaint_similar_bands')) AS bands,
              (SELECT count(*) FROM complaint_similar_bands)::text AS rows,
              pg_size_pretty(pg_total_relation_size('complaints')) AS complaints`,
    );
    const size = sizes.rows[0]!;
    log(
      `complaint_similar_bands: ${Number(size.rows).toLocaleString('en')} rows, ${size.bands} ` +
        `with its index (complaints: ${size.complaints})`,
    );

    const sample = await pool.query<{ id: string }>(
      `SELECT id FROM complaints WHERE org_id = $1 ORDER BY md5(id::text) LIMIT 500`,
      [big.org.id],
    );
    const ids = sample.rows.map((r) => r.id);
    const options = { warmUp: WARM_UP, runs: RUNS, maxSeconds: MAX_SECONDS };
    const counts: number[] = [];
    const casePage = await measure(async (i) => {
      const r = await services.suggestions.forCase(big.scope, ids[i % ids.length]!);
      counts.push(r.items.length);
    }, options);
    const intakePage = await measure(async (i) => {
      const c = labelledComplaints[i % labelledComplaints.length]!;
      await services.suggestions.forDraft(big.scope, {
        phone: `09135${String(i % labelledComplaints.length).padStart(5, '0')}`,
        description: c.text,
      });
    }, options);
    log('');
    log(
      `Suggestion query over ${ROWS.toLocaleString('en')} complaints (service call, one transaction):`,
    );
    log(statsLine('a. case page, a seeded complaint', casePage));
    log(statsLine('b. intake, a labelled draft and a known phone', intakePage));
    log(
      `  (case page: ${f3(counts.filter((n) => n > 0).length / Math.max(1, counts.length))} of calls had suggestions, ` +
        `${(counts.reduce((s, n) => s + n, 0) / Math.max(1, counts.length)).toFixed(1)} on average)`,
    );
    const plan = await explainSimilar(pool, big.org.id, ids[0]!);
    log('  Plan of the similar-text query for one seeded complaint:');
    for (const line of plan) log(`    ${line}`);
    const worst = Math.max(casePage.p95, intakePage.p95);
    const verdict = worst < TARGET_P95_MS ? 'PASS' : 'FAIL';
    log('');
    log(
      `Target: p95 < ${TARGET_P95_MS} ms at 1,000,000 complaints: ${verdict} at ${ROWS.toLocaleString('en')} (worst p95 ${ms(worst)} ms)` +
        (ROWS < 1_000_000 ? ' (a smaller run; set SUGGEST_ROWS=1000000 for the target)' : ''),
    );
    if (verdict === 'FAIL' && ROWS >= 1_000_000) exitCode = 1;
  } finally {
    await pool.end();
    await target.close();
  }
  return exitCode;
}

async function explainSimilar(pool: pg.Pool, orgId: string, id: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const key = await client.query<{ k: string }>(
      'SELECT similar_key AS k FROM complaints WHERE org_id = $1 AND id = $2',
      [orgId, id],
    );
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS)
       SELECT c.id, similarity(c.similar_key, $3) AS score
         FROM (SELECT DISTINCT b.complaint_id AS id
                 FROM unnest(ombud_similar_bands($3)) AS q(band)
                 CROSS JOIN LATERAL (
                   SELECT s.complaint_id FROM complaint_similar_bands AS s
                    WHERE s.org_id = $1 AND s.band = q.band
                      AND s.created_at >= now() - interval '6 months'
                    ORDER BY s.created_at DESC LIMIT 20) AS b) AS k
         JOIN complaints AS c ON c.id = k.id AND c.org_id = $1
        WHERE similarity(c.similar_key, $3) >= $4 AND c.id <> $2
        ORDER BY score DESC, c.created_at DESC LIMIT 5`,
      [orgId, id, key.rows[0]?.k ?? '', defaultSuggestionSettings.similarThreshold],
    );
    await client.query('ROLLBACK');
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    client.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
