/**
 * Set-based bulk seed for the queue benchmark: customers, complaints over two years, their
 * timeline events and per-year reference sequences, written with INSERT … SELECT from
 * generate_series so a million complaints load in minutes. Everything is derived from one
 * seeded random stream, so two runs with the same sizes produce the same distribution.
 */
import type pg from 'pg';
import {
  agentNames,
  asks,
  details,
  familyNames,
  genericIssues,
  givenNames,
  issuesByReason,
  middleNames,
  mobilePrefixes,
  openers,
} from './phrases.ts';

export { agentNames, mobilePrefixes };

export type SeedInput = {
  orgId: string;
  referencePrefix: string;
  timeZone: string;
  now: Date;
  complaints: number;
  customers: number;
  /** Two years by default: complaints are spread evenly over this many days before `now`. */
  days: number;
  agents: { id: string; name: string }[];
  /** Leaf reasons; each complaint gets one, and a description that matches it. */
  reasons: { id: string; code: string }[];
  policies: { standardId: string; urgentId: string };
  /** Mobile prefixes the app's phone parser accepts. */
  phonePrefixes: string[];
  /** 'drop' rebuilds the secondary indexes after the load; 'keep' loads with them in place. */
  indexMode: 'drop' | 'keep';
  log: (line: string) => void;
};

export type SeedReport = {
  seconds: number;
  steps: { step: string; seconds: number }[];
  indexBuilds: { name: string; seconds: number }[];
  foreignKeyChecks: boolean;
  counts: Record<string, number>;
};

const SEEDED_TABLES = ['complaints', 'complaint_events', 'customers'];

async function timed<T>(
  steps: SeedReport['steps'],
  log: (line: string) => void,
  step: string,
  fn: () => Promise<T>,
): Promise<T> {
  const startedAt = performance.now();
  const result = await fn();
  const seconds = (performance.now() - startedAt) / 1000;
  steps.push({ step, seconds });
  log(`  ${step}: ${seconds.toFixed(1)} s`);
  return result;
}

const customersSql = `
INSERT INTO customers (org_id, name, phone, email, external_id, customer_since, tier,
                       preferred_language, created_at, updated_at)
SELECT $1,
  fam[1 + (k * 7) % cardinality(fam)] || ' ' || mid[1 + (k / 13) % cardinality(mid)] || ' '
    || giv[1 + (k / 3) % cardinality(giv)],
  -- Unique: k * 7919 mod 10^7 is a bijection on 0..10^7-1, whatever the prefix.
  CASE WHEN k % 20 <> 0
    THEN '+84' || pre[1 + k % cardinality(pre)] || lpad(((k::bigint * 7919) % 10000000)::text, 7, '0')
  END,
  CASE WHEN k % 5 < 3 OR k % 20 = 0 THEN 'kh' || k || '@example.vn' END,
  'KH' || lpad(k::text, 7, '0'),
  ($2::timestamptz - make_interval(days => 30 + k % 1500))::date,
  (ARRAY['standard', 'standard', 'standard', 'silver', 'gold'])[1 + k % 5],
  CASE WHEN k % 25 = 0 THEN 'en' ELSE 'vi' END,
  $2::timestamptz - make_interval(days => 30 + k % 1500),
  $2::timestamptz - make_interval(days => 30 + k % 1500)
FROM generate_series(1, $3::int) AS k,
  (SELECT $4::text[] AS fam, $5::text[] AS mid, $6::text[] AS giv, $7::text[] AS pre) AS words
`;

const stagingTableSql = `
CREATE UNLOGGED TABLE bench_seed (
  g integer NOT NULL, id uuid NOT NULL, reference text NOT NULL, year integer NOT NULL,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
  progress_at timestamptz, waiting_at timestamptz, fixed_at timestamptz, closed_at timestamptz,
  status text NOT NULL, channel text NOT NULL, severity text NOT NULL, reason_id uuid,
  owner_id uuid, owner_name text, intake_agent_id uuid, intake_name text,
  customer_id uuid NOT NULL, customer_name text NOT NULL, customer_phone text,
  customer_email text, customer_ext text,
  product_ref text, order_ref text, description text NOT NULL, ask_text text,
  ask_amount bigint, ask_currency text,
  policy_id uuid, next_due_at timestamptz, next_due_clock text, is_breached boolean NOT NULL,
  is_paused boolean NOT NULL, committed_due_at timestamptz
)`;

/**
 * One row per complaint with every derived value, so the complaint and its events come from
 * the same numbers. Open work is mostly recent: 85 % of the last 14 days, 45 % up to 60 days,
 * 11.5 % of older complaints (a backlog), about 15 % overall.
 */
const stagingSql = `
INSERT INTO bench_seed
WITH r AS MATERIALIZED (
  SELECT g, gen_random_uuid() AS id,
    random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
    random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10,
    random() AS r11, random() AS r12, random() AS r13, random() AS r14, random() AS r15,
    random() AS r16
  FROM generate_series(1, $1::int) AS g
), t AS (
  SELECT r.*,
    $2::timestamptz - interval '5 minutes'
      - make_interval(secs => $3::float8 * (1 - ((g - 1) + r1 * 0.9) / $1::float8)) AS created_at
  FROM r
), a AS (
  SELECT t.*,
    CASE WHEN $2::timestamptz - created_at < interval '14 days' THEN 0.85
         WHEN $2::timestamptz - created_at < interval '60 days' THEN 0.45
         ELSE 0.115 END AS open_p,
    $2::timestamptz - created_at < interval '60 days' AS recent
  FROM t
), b AS (
  SELECT a.*,
    CASE
      WHEN r2 < open_p THEN
        CASE WHEN r2 / open_p < 0.25 THEN 'new'
             WHEN r2 / open_p < 0.80 THEN 'in_progress'
             ELSE 'waiting_customer' END
      WHEN (r2 - open_p) / (1 - open_p) < CASE WHEN recent THEN 0.35 ELSE 0.04 END THEN 'fixed'
      WHEN (r2 - open_p) / (1 - open_p) < CASE WHEN recent THEN 0.45 ELSE 0.13 END THEN 'cancelled'
      ELSE 'closed'
    END AS status,
    CASE WHEN r9 < 0.35 THEN 'phone' WHEN r9 < 0.55 THEN 'web' WHEN r9 < 0.70 THEN 'email'
         WHEN r9 < 0.82 THEN 'chat' WHEN r9 < 0.90 THEN 'social' WHEN r9 < 0.96 THEN 'walk_in'
         ELSE 'api' END AS channel,
    CASE WHEN r8 < 0.25 THEN 'low' WHEN r8 < 0.75 THEN 'medium' WHEN r8 < 0.95 THEN 'high'
         ELSE 'critical' END AS severity,
    1 + floor(r3 * cardinality($6::uuid[]))::int AS reason_i,
    1 + floor(r10 * cardinality($4::uuid[]))::int AS owner_i,
    1 + floor(r11 * cardinality($4::uuid[]))::int AS intake_i,
    1 + floor(r12 * $16::int)::int AS customer_k,
    2 + g % 8 AS n
  FROM a
), c AS (
  SELECT b.*,
    LEAST(created_at + make_interval(mins => 10 + floor(r4 * 240)::int),
          $2::timestamptz - interval '2 minutes') AS progress_at,
    LEAST(created_at + make_interval(hours => 2 + floor(r5 * 120)::int),
          $2::timestamptz - interval '1 minute') AS fixed_at,
    CASE WHEN status IN ('new', 'in_progress') THEN
      CASE WHEN r7 < 0.14
        THEN LEAST($2::timestamptz - interval '1 minute',
                   GREATEST(created_at + interval '1 hour',
                            $2::timestamptz - make_interval(secs => r6 * 864000)))
        ELSE $2::timestamptz + make_interval(secs => 60 + r6 * 432000) END
    END AS next_due_at,
    CASE WHEN status = 'new' AND channel IN ('web', 'api') AND r11 < 0.5 THEN NULL
         ELSE owner_i END AS owner_j,
    CASE WHEN channel IN ('web', 'api') THEN NULL
         WHEN r1 < 0.8 THEN owner_i
         ELSE intake_i END AS intake_j,
    CASE WHEN r16 < 0.7 THEN 'DH' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0') END
      AS order_ref,
    CASE WHEN r16 > 0.6 THEN 'SP-' || (1000 + (g * 13) % 700) END AS product_ref
  FROM b
), d AS (
  SELECT c.*,
    LEAST(progress_at + make_interval(hours => 1 + floor(r7 * 48)::int),
          $2::timestamptz - interval '1 minute') AS waiting_at,
    LEAST(CASE WHEN status = 'cancelled' THEN created_at ELSE fixed_at END
            + make_interval(hours => 4 + floor(r6 * 160)::int),
          $2::timestamptz - interval '30 seconds') AS closed_at,
    CASE status WHEN 'new' THEN 'first_response'
      WHEN 'in_progress' THEN
        CASE WHEN r4 < 0.6 THEN 'next_update' WHEN r4 < 0.85 THEN 'commitment' ELSE 'fix' END
    END AS next_due_clock
  FROM c
)
SELECT d.g, d.id,
  $14 || '-' || extract(year FROM d.created_at AT TIME ZONE $15)::int || '-'
    || lpad(row_number() OVER (PARTITION BY extract(year FROM d.created_at AT TIME ZONE $15)
                               ORDER BY d.g)::text, 6, '0'),
  extract(year FROM d.created_at AT TIME ZONE $15)::int,
  d.created_at,
  CASE d.status WHEN 'new' THEN d.created_at WHEN 'in_progress' THEN d.progress_at
    WHEN 'waiting_customer' THEN d.waiting_at WHEN 'fixed' THEN d.fixed_at ELSE d.closed_at END,
  d.progress_at, d.waiting_at, d.fixed_at, d.closed_at,
  d.status, d.channel, d.severity, ($6::uuid[])[d.reason_i],
  ($4::uuid[])[d.owner_j], ($5::text[])[d.owner_j],
  ($4::uuid[])[d.intake_j], ($5::text[])[d.intake_j],
  cu.id, cu.name, cu.phone, cu.email, cu.external_id,
  d.product_ref, d.order_ref,
  ($8::text[])[1 + floor(d.r13 * cardinality($8::text[]))::int] || ' '
    || replace(($7::text[])[(d.reason_i - 1) * 2 + 1 + (d.r14 < 0.5)::int], '{n}', d.n::text) || '. '
    || replace(($9::text[])[1 + floor(d.r14 * cardinality($9::text[]))::int], '{n}', d.n::text)
    || CASE WHEN d.order_ref IS NOT NULL AND d.r5 < 0.3 THEN ' Mã đơn ' || d.order_ref || '.' ELSE '' END,
  ($10::text[])[1 + floor(d.r15 * cardinality($10::text[]))::int],
  CASE WHEN d.r15 < 0.3 THEN (1 + floor(d.r16 * 50)::int) * 10000 END,
  CASE WHEN d.r15 < 0.3 THEN 'VND' END,
  CASE WHEN d.severity IN ('high', 'critical') THEN $13::uuid ELSE $12::uuid END,
  d.next_due_at, d.next_due_clock,
  COALESCE(d.next_due_at < $2::timestamptz, false),
  d.status = 'waiting_customer',
  CASE WHEN d.next_due_clock = 'fix' THEN d.next_due_at END
FROM d
JOIN customers AS cu ON cu.org_id = $11 AND cu.external_id = 'KH' || lpad(d.customer_k::text, 7, '0')
ORDER BY d.g
`;

/**
 * search_text is built as the app builds it (complaints/domain/search-text.ts): who (reference,
 * customer, both phone forms, e-mail, external id, product, order), what kind (the reason's
 * names in every language), what happened (description, ask), in sections.
 */
const complaintsSql = `
INSERT INTO complaints (org_id, id, reference, status, channel, reason_id, severity, product_ref,
  order_ref, description, ask_text, ask_amount, ask_currency, language, customer_id,
  intake_agent_id, owner_id, confirmed_fact_version, acknowledged_at, created_at, updated_at,
  search_text, policy_id, next_due_at, next_due_clock, is_breached, is_paused, committed_due_at)
SELECT $1, id, reference, status, channel, reason_id, severity, product_ref,
  order_ref, description, ask_text, ask_amount, ask_currency, 'vi', customer_id,
  intake_agent_id, owner_id, NULL, created_at, created_at, updated_at,
  concat_ws(chr(30),
    concat_ws(E' \\n ', reference, customer_name, customer_phone, '0' || substr(customer_phone, 4),
              customer_email, customer_ext, product_ref, order_ref),
    coalesce((SELECT concat_ws(E' \\n ', r.names->>'vi', r.names->>'en', r.names->>'zh')
              FROM reasons r WHERE r.org_id = $1 AND r.id = bench_seed.reason_id), ''),
    concat_ws(E' \\n ', description, ask_text)),
  policy_id, next_due_at, next_due_clock, is_breached, is_paused, committed_due_at
FROM bench_seed
`;

/**
 * The timeline as the app writes it: received and acknowledged for every complaint, then the
 * status changes (with complaint.fixed on a fix), an apology for work in progress and a
 * read-back before waiting on the customer. 2 to 5 events per complaint.
 */
const eventsSql = `
INSERT INTO complaint_events (org_id, complaint_id, type, actor_type, actor_id, actor_name,
  visibility, data, created_at)
SELECT $1, s.id, e.type, e.actor_type, e.actor_id, e.actor_name, e.visibility, e.data, e.at
FROM bench_seed AS s
CROSS JOIN LATERAL (VALUES
  (true, 'complaint.received',
    CASE s.channel WHEN 'web' THEN 'customer' WHEN 'api' THEN 'api' ELSE 'user' END,
    s.intake_agent_id,
    CASE s.channel WHEN 'web' THEN s.customer_name WHEN 'api' THEN 'CRM' ELSE s.intake_name END,
    'public', jsonb_build_object('channel', s.channel, 'reference', s.reference), s.created_at),
  (true, 'complaint.acknowledged', 'system', NULL::uuid, 'Ombud', 'public',
    jsonb_build_object('via', CASE WHEN s.customer_email IS NULL THEN 'portal' ELSE 'email' END,
                       'to', s.customer_email), s.created_at),
  (s.status IN ('in_progress', 'waiting_customer'), 'complaint.status_changed', 'user',
    s.owner_id, s.owner_name, 'public', '{"from":"new","to":"in_progress"}'::jsonb, s.progress_at),
  (s.status = 'in_progress', 'message.sent', 'user', s.owner_id, s.owner_name, 'public',
    jsonb_build_object('step', 'apologise', 'subject', 'Xin lỗi quý khách', 'via', 'email',
      'body', 'Chúng tôi thành thật xin lỗi vì sự bất tiện và đang xử lý yêu cầu của quý khách.'),
    s.progress_at + interval '1 minute'),
  (s.status = 'waiting_customer', 'readback.sent', 'user', s.owner_id, s.owner_name, 'public',
    jsonb_build_object('version', 1, 'via', 'email', 'text', s.description), s.waiting_at),
  (s.status = 'waiting_customer', 'complaint.status_changed', 'user', s.owner_id, s.owner_name,
    'public', '{"from":"in_progress","to":"waiting_customer"}'::jsonb, s.waiting_at),
  (s.status IN ('fixed', 'closed'), 'complaint.status_changed', 'user', s.owner_id, s.owner_name,
    'public', '{"from":"new","to":"fixed"}'::jsonb, s.fixed_at),
  (s.status IN ('fixed', 'closed'), 'complaint.fixed', 'user', s.owner_id, s.owner_name,
    'public', '{}'::jsonb, s.fixed_at),
  (s.status = 'closed', 'complaint.status_changed', 'user', s.owner_id, s.owner_name, 'public',
    '{"from":"fixed","to":"closed"}'::jsonb, s.closed_at),
  (s.status = 'cancelled', 'complaint.status_changed', 'user', s.owner_id, s.owner_name, 'public',
    '{"from":"new","to":"cancelled"}'::jsonb, s.closed_at)
) AS e (applies, type, actor_type, actor_id, actor_name, visibility, data, at)
WHERE e.applies
`;

/** The secondary indexes of the seeded tables (not those behind a primary or unique key). */
async function secondaryIndexes(client: pg.ClientBase): Promise<{ name: string; def: string }[]> {
  const result = await client.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY t.relname, ic.relname`,
    [SEEDED_TABLES],
  );
  return result.rows;
}

export async function seed(client: pg.ClientBase, input: SeedInput): Promise<SeedReport> {
  const { log } = input;
  const steps: SeedReport['steps'] = [];
  const indexBuilds: SeedReport['indexBuilds'] = [];
  const startedAt = performance.now();

  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '512MB'`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SELECT setseed(0.2026)`);
  // The rows are consistent by construction; skipping the per-row foreign-key triggers needs a
  // superuser, so on a shared server without that right the checks simply run.
  let foreignKeyChecks = true;
  try {
    await client.query(`SET session_replication_role = replica`);
    foreignKeyChecks = false;
  } catch {
    foreignKeyChecks = true;
  }

  const dropped = input.indexMode === 'drop' ? await secondaryIndexes(client) : [];
  if (dropped.length > 0) {
    await client.query(`DROP INDEX ${dropped.map((i) => `"${i.name}"`).join(', ')}`);
  }

  const reasonIssues = input.reasons.flatMap((r) => issuesByReason[r.code] ?? genericIssues);
  await timed(steps, log, `customers (${input.customers.toLocaleString('en')})`, () =>
    client.query(customersSql, [
      input.orgId,
      input.now,
      input.customers,
      familyNames,
      middleNames,
      givenNames,
      input.phonePrefixes,
    ]),
  );
  await client.query(`DROP TABLE IF EXISTS bench_seed`);
  await client.query(stagingTableSql);
  await timed(steps, log, 'derived complaint rows (staging)', () =>
    client.query(stagingSql, [
      input.complaints,
      input.now,
      input.days * 86_400,
      input.agents.map((a) => a.id),
      input.agents.map((a) => a.name),
      input.reasons.map((r) => r.id),
      reasonIssues,
      openers,
      details,
      asks,
      input.orgId,
      input.policies.standardId,
      input.policies.urgentId,
      input.referencePrefix,
      input.timeZone,
      input.customers,
    ]),
  );
  await timed(
    steps,
    log,
    `complaints (${input.complaints.toLocaleString('en')}, with search_text)`,
    () => client.query(complaintsSql, [input.orgId]),
  );
  await timed(steps, log, 'complaint_sequences', () =>
    client.query(
      `INSERT INTO complaint_sequences (org_id, year, last_value)
       SELECT $1, year, count(*) FROM bench_seed GROUP BY year
       ON CONFLICT (org_id, year) DO UPDATE SET last_value = excluded.last_value`,
      [input.orgId],
    ),
  );
  await timed(steps, log, 'complaint_events', () => client.query(eventsSql, [input.orgId]));
  await client.query(`DROP TABLE bench_seed`);
  await client.query(`RESET session_replication_role`);

  if (dropped.length > 0) {
    await timed(steps, log, `rebuild ${dropped.length} secondary indexes`, async () => {
      for (const index of dropped) {
        const t = performance.now();
        await client.query(index.def);
        const seconds = (performance.now() - t) / 1000;
        indexBuilds.push({ name: index.name, seconds });
        log(`    ${index.name}: ${seconds.toFixed(1)} s`);
      }
    });
  }
  // VACUUM as well as ANALYZE: it sets the visibility map, as autovacuum would on a live
  // database, so that index-only scans (the counts) are measured as they run in steady state.
  await timed(steps, log, 'VACUUM (ANALYZE)', async () => {
    for (const table of [...SEEDED_TABLES, 'complaint_sequences']) {
      await client.query(`VACUUM (ANALYZE) ${table}`);
    }
  });

  const counts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) {
    const r = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${table} WHERE org_id = $1`,
      [input.orgId],
    );
    counts[table] = Number(r.rows[0]?.n ?? 0);
  }
  return {
    seconds: (performance.now() - startedAt) / 1000,
    steps,
    indexBuilds,
    foreignKeyChecks,
    counts,
  };
}
