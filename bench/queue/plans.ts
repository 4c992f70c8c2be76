/**
 * Query capture and plan reading for the queue benchmark. The service's own Kysely queries are
 * captured through Kysely's log hook, then re-run under EXPLAIN (ANALYZE, BUFFERS) with the same
 * parameters, so the plans are those of the SQL users actually get.
 */
import type pg from 'pg';

/** A statement the service ran, with the SET LOCAL settings of its transaction (if any). */
export type CapturedQuery = {
  sql: string;
  parameters: readonly unknown[];
  settings?: readonly string[];
};

/** Runs a statement as the service did: inside a transaction with its settings, when it had any. */
export async function runAsCaptured<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  query: CapturedQuery,
  sql = query.sql,
): Promise<pg.QueryResult<R>> {
  if (!query.settings || query.settings.length === 0)
    return pool.query<R>(sql, query.parameters as unknown[]);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const setting of query.settings) await client.query(setting);
    return await client.query<R>(sql, query.parameters as unknown[]);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** Keeps the statements to explain, each with the settings in force in its transaction. */
export function withSettings(captured: readonly CapturedQuery[]): CapturedQuery[] {
  const out: CapturedQuery[] = [];
  let settings: string[] = [];
  for (const q of captured) {
    const sql = q.sql.trim().toLowerCase();
    if (sql.startsWith('set local')) settings.push(q.sql);
    else if (sql === 'begin') settings = [];
    else if (sql === 'commit' || sql === 'rollback') settings = [];
    else out.push({ ...q, settings: [...settings] });
  }
  return out;
}

export type QueryKind = 'org' | 'count' | 'estimate' | 'page ids' | 'rows' | 'customers' | 'other';

export function kindOf(sql: string): QueryKind {
  if (/^select count\(\*\)/i.test(sql)) return 'count';
  if (/^explain/i.test(sql)) return 'estimate';
  // A ranked search ranks its candidates and returns the page in one statement.
  if (/^with "candidates"/i.test(sql)) return 'page ids';
  if (/from "orgs"/i.test(sql)) return 'org';
  if (/from "customers"/i.test(sql)) return 'customers';
  if (/array_position\(/i.test(sql) && /limit \$\d+/i.test(sql)) return 'page ids';
  if (/left join "reasons"/i.test(sql)) return 'rows';
  return 'other';
}

export type Plan = {
  text: string[];
  executionMs: number;
  seqScanOnComplaints: boolean;
  /** Access paths on complaints, e.g. "Index Only Scan complaints_owner_due_idx". */
  complaintsAccess: string[];
};

export async function explain(pool: pg.Pool, query: CapturedQuery): Promise<Plan> {
  const result = await runAsCaptured<{ 'QUERY PLAN': string }>(
    pool,
    query,
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
  );
  const text = result.rows.map((r) => r['QUERY PLAN']);
  const execution = text.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find((m) => m);
  const complaintsAccess = new Set<string>();
  let seqScanOnComplaints = false;
  for (const line of text) {
    if (/Seq Scan on complaints\b/.test(line)) {
      seqScanOnComplaints = true;
      complaintsAccess.add(/Parallel Seq Scan/.test(line) ? 'Parallel Seq Scan' : 'Seq Scan');
    }
    const scan = /(Index Only Scan|Index Scan)( Backward)? using (\S+) on complaints\b/.exec(line);
    if (scan) complaintsAccess.add(`${scan[1]} ${scan[3]}`);
    const bitmap = /Bitmap Index Scan on (complaints\w*)/.exec(line);
    if (bitmap) complaintsAccess.add(`Bitmap Index Scan ${bitmap[1]}`);
  }
  return {
    text,
    executionMs: execution ? Number(execution[1]) : Number.NaN,
    seqScanOnComplaints,
    complaintsAccess: [...complaintsAccess],
  };
}

/** The plan as printed: every line for the heavy queries, only node lines for the light ones. */
export function formatPlan(plan: Plan, full: boolean): string[] {
  const lines = full
    ? plan.text
    : plan.text.filter((l, i) => i === 0 || /->/.test(l) || /Execution Time/.test(l));
  return lines.map((l) => `      ${l}`);
}

export type Stats = {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
};

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    runs: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
    min: sorted[0] ?? NaN,
  };
}

/**
 * Runs `fn` `warmUp` times unmeasured (at most a quarter of `maxSeconds`), then up to `runs`
 * times or until `maxSeconds` pass, so a pathologically slow case still finishes.
 */
export async function measure(
  fn: (i: number) => Promise<unknown>,
  options: { warmUp: number; runs: number; maxSeconds: number },
): Promise<Stats> {
  const warmUpUntil = performance.now() + (options.maxSeconds * 1000) / 4;
  for (let i = 0; i < options.warmUp && performance.now() < warmUpUntil; i++) await fn(i);
  const samples: number[] = [];
  const deadline = performance.now() + options.maxSeconds * 1000;
  for (let i = 0; i < options.runs; i++) {
    const startedAt = performance.now();
    await fn(options.warmUp + i);
    samples.push(performance.now() - startedAt);
    if (performance.now() > deadline) break;
  }
  return stats(samples);
}
