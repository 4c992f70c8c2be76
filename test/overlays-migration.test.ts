import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, jobHandlers } from '../src/entrypoints/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createManualClock } from '../src/platform/clock.ts';
import { createDb, type Db } from '../src/platform/db/index.ts';
import { migrate, migrationsDir } from '../src/platform/db/migrate.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';

// Migration 0007 on an org as the code before it left one: a regulatory preset switched on as a
// whole policy, escalation levels in minutes, names in one language. Its own database, migrated
// to 0006, filled, then migrated on.

const THIS = '0007_overlays_and_names.sql';
const name = `ombud_migration_${process.pid}_${Date.now()}`;
const baseUrl = inject('databaseUrl');
const urlOf = (database: string) => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};
let pool: pg.Pool;

const ids = {
  org: randomUUID(),
  calendar: randomUUID(),
  standard: randomUUID(),
  vnPreset: randomUUID(),
  vnPresetOld: randomUUID(),
  psrPreset: randomUUID(),
  customer: randomUUID(),
  complaint: randomUUID(),
  taskType: randomUUID(),
};
const OFFICE = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const weekly = JSON.stringify({
  mon: OFFICE,
  tue: OFFICE,
  wed: OFFICE,
  thu: OFFICE,
  fri: OFFICE,
  sat: [],
  sun: [],
});
// Monday 2 March 2026, 09:00 in Hồ Chí Minh City.
const RECEIVED = '2026-03-02T02:00:00Z';

async function before0007() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  pool = new pg.Pool({ connectionString: urlOf(name), max: 4 });
  await pool.query(`CREATE TABLE schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const file of fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (file >= THIS) break;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    await pool.query(sql);
    await pool.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
      file,
      createHash('sha256').update(sql).digest('hex'),
    ]);
  }
  const q = (sql: string, values: unknown[]) => pool.query(sql, values);
  await q(`INSERT INTO orgs (id, slug, name) VALUES ($1, $2, 'Công ty Cũ')`, [
    ids.org,
    `old-${process.pid}`,
  ]);
  await q(
    `INSERT INTO calendars (org_id, id, name, time_zone, weekly_hours, holiday_country, is_default)
     VALUES ($1, $2, 'Giờ hành chính', 'Asia/Ho_Chi_Minh', $3, 'VN', true)`,
    [ids.org, ids.calendar, weekly],
  );
  // The standard policy as a new org got it, with the escalation default of the time.
  await q(
    `INSERT INTO sla_policies (org_id, id, name, priority, calendar_id, targets, internal_targets)
     VALUES ($1, $2, 'Tiêu chuẩn', 100, $3, $4, '{}')`,
    [
      ids.org,
      ids.standard,
      ids.calendar,
      JSON.stringify({
        acknowledge: { amount: 1, unit: 'business_hours' },
        first_response: { amount: 4, unit: 'business_hours' },
        commitment: { amount: 1, unit: 'business_days' },
      }),
    ],
  );
  const preset = (id: string, code: string, targets: object, active: boolean, priority = 50) =>
    q(
      `INSERT INTO sla_policies (org_id, id, name, priority, calendar_id, targets, escalation,
         preset, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, '[{"level":1,"afterMinutes":0}]', $7, $8)`,
      [ids.org, id, code, priority, ids.calendar, JSON.stringify(targets), code, active],
    );
  // One click on the Vietnamese preset: a whole policy with only the legal clock (clicked twice,
  // the first one since switched off).
  await preset(
    ids.vnPresetOld,
    'vn-law-19-2023',
    { commitment: { amount: 9, unit: 'business_days' } },
    false,
    60,
  );
  await preset(
    ids.vnPreset,
    'vn-law-19-2023',
    { commitment: { amount: 7, unit: 'business_days' } },
    true,
  );
  // Payment services, lengthened to 35 days and widened with an acknowledgement by the admin.
  await preset(
    ids.psrPreset,
    'uk-psr-payment-services',
    {
      fix: { amount: 35, unit: 'business_days' },
      acknowledge: { amount: 2, unit: 'business_hours' },
    },
    true,
    70,
  );
  await q(`INSERT INTO customers (org_id, id, name) VALUES ($1, $2, 'Nguyễn Thị Lan')`, [
    ids.org,
    ids.customer,
  ]);
  await q(
    `INSERT INTO complaints (org_id, id, reference, status, channel, severity, description,
       language, customer_id, created_at, updated_at, policy_id, next_due_at, next_due_clock)
     VALUES ($1, $2, 'KN-2026-000001', 'new', 'web', 'high', 'Giao hàng chậm', 'vi', $3, $4, $4,
       $5, '2026-03-11T02:00:00Z', 'commitment')`,
    [ids.org, ids.complaint, ids.customer, RECEIVED, ids.vnPreset],
  );
  await q(
    `INSERT INTO complaint_events (org_id, complaint_id, type, actor_type, visibility, data,
       created_at)
     VALUES ($1, $2, 'complaint.received', 'customer', 'internal', '{"channel":"web"}', $3)`,
    [ids.org, ids.complaint, RECEIVED],
  );
  await q(
    `INSERT INTO complaint_clocks (org_id, complaint_id, clock, state, started_at, due_at)
     VALUES ($1, $2, 'commitment', 'running', $3, '2026-03-11T02:00:00Z')`,
    [ids.org, ids.complaint, RECEIVED],
  );
  await q(
    `INSERT INTO task_types (org_id, id, name, duration_amount, duration_unit)
     VALUES ($1, $2, 'Giao lại hàng', 2, 'business_days')`,
    [ids.org, ids.taskType],
  );
}

beforeAll(async () => {
  await before0007();
  // This migration first, then any that came after it.
  expect((await migrate(pool))[0]).toBe(THIS);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const rows = async <T>(sql: string) => (await pool.query(sql)).rows as T[];

describe('migration 0007 on an org from before it', () => {
  it('keeps the meaning of saved escalation levels, as minutes of calendar time', async () => {
    const policies = await rows<{ id: string; escalation: unknown }>(
      'SELECT id, escalation FROM sla_policies',
    );
    const of = (id: string) => policies.find((p) => p.id === id)?.escalation;
    expect(of(ids.standard)).toEqual([
      { level: 1, amount: 0, unit: 'calendar_minutes' },
      { level: 2, amount: 240, unit: 'calendar_minutes' },
    ]);
    expect(of(ids.vnPreset)).toEqual([{ level: 1, amount: 0, unit: 'calendar_minutes' }]);
  });

  it('turns each preset policy into the overlay of its preset, keeping calendar, targets and reading', async () => {
    expect(
      await rows(
        'SELECT preset, calendar_id, targets, day_count, is_active FROM sla_overlays ORDER BY preset',
      ),
    ).toEqual([
      {
        preset: 'uk-psr-payment-services',
        calendar_id: ids.calendar,
        targets: { fix: { amount: 35, unit: 'business_days' } },
        day_count: 'same_time',
        is_active: true,
      },
      {
        preset: 'vn-law-19-2023',
        calendar_id: ids.calendar,
        targets: { commitment: { amount: 7, unit: 'business_days' } },
        day_count: 'same_time',
        is_active: true,
      },
    ]);
  });

  it('switches off the policy a preset made, keeps the one an admin widened, and deletes nothing', async () => {
    const policies = await rows<{ id: string; is_active: boolean; preset: string | null }>(
      'SELECT id, is_active, preset FROM sla_policies ORDER BY priority',
    );
    expect(policies).toEqual([
      { id: ids.vnPreset, is_active: false, preset: 'vn-law-19-2023' },
      { id: ids.vnPresetOld, is_active: false, preset: 'vn-law-19-2023' },
      { id: ids.psrPreset, is_active: true, preset: 'uk-psr-payment-services' },
      { id: ids.standard, is_active: true, preset: null },
    ]);
    expect(await rows('SELECT source, clock, due_at FROM complaint_clocks')).toEqual([
      { source: 'policy', clock: 'commitment', due_at: new Date('2026-03-11T02:00:00Z') },
    ]);
  });

  it('gives every name a language: the org’s default, and all three for the names a new org started with', async () => {
    expect(await rows('SELECT names FROM task_types')).toEqual([
      { names: { vi: 'Giao lại hàng' } },
    ]);
    expect(await rows('SELECT names FROM calendars')).toEqual([
      { names: { vi: 'Giờ hành chính', en: 'Office hours', zh: '办公时间' } },
    ]);
    const policies = await rows<{ id: string; names: unknown }>(
      'SELECT id, names FROM sla_policies',
    );
    expect(policies.find((p) => p.id === ids.standard)?.names).toEqual({
      vi: 'Tiêu chuẩn',
      en: 'Standard',
      zh: '标准',
    });
    expect(policies.find((p) => p.id === ids.vnPreset)?.names).toEqual({ vi: 'vn-law-19-2023' });
  });

  it('leaves the cases of the preset policy working: the operational clocks come back, with the legal clock on top', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-migration-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://ombud.test',
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    });
    const logger = createLogger('silent');
    // The migration queued its recompute at the database's time; the app runs after it. The due
    // times checked here depend on the events and the calendar, not on when they are derived.
    const clock = createManualClock(new Date(Date.now() + 60_000));
    const { db } = createDb(urlOf(name), 2);
    try {
      const services = createServices({ config, db, clock, logger });
      // The migration queued a recompute of the org's open cases; the worker runs it.
      const ran = await createWorker({
        db,
        clock,
        logger,
        metrics: createMetrics(),
        handlers: jobHandlers(services),
        workerId: 'migration-test',
        orgIds: [ids.org],
      }).drain();
      expect(ran).toBeGreaterThan(0);
      const view = await services.complaints.clocks.describe(ids.org, ids.complaint, 'vi');
      // The admin's widened payment-services policy (priority 70) is the operational one now.
      expect(view.policy?.id).toBe(ids.psrPreset);
      expect(view.clocks.map((c) => `${c.source}:${c.clock}`)).toEqual([
        'policy:acknowledge',
        'policy:fix',
        'uk-psr-payment-services:fix',
        'vn-law-19-2023:commitment',
      ]);
      // The Vietnamese clock keeps the same-time reading it ran on: 09:00 on 11 March.
      expect(view.clocks.find((c) => c.source === 'vn-law-19-2023')?.dueAt).toBe(
        '2026-03-11T02:00:00.000Z',
      );
      await expectStored(db);
    } finally {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function expectStored(db: Db) {
  const stored = await db
    .selectFrom('complaint_clocks')
    .select(['source', 'clock'])
    .where('org_id', '=', ids.org)
    .orderBy('source')
    .orderBy('clock')
    .execute();
  expect(stored.map((s) => `${s.source}:${s.clock}`)).toEqual([
    'policy:acknowledge',
    'policy:fix',
    'uk-psr-payment-services:fix',
    'vn-law-19-2023:commitment',
  ]);
  const complaint = await db
    .selectFrom('complaints')
    .select(['policy_id'])
    .where('org_id', '=', ids.org)
    .executeTakeFirstOrThrow();
  expect(complaint.policy_id).toBe(ids.psrPreset);
}
