import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { migrationsDir } from '../src/platform/db/migrate.ts';
import { defaultTemplates } from '../src/modules/templates/domain/defaults.ts';
import previous from './fixtures/default-templates-v1.json' with { type: 'json' };

// Migration 0009 on a database that has lived with the earlier defaults: its own database on the
// test run's PostgreSQL, migrated up to 0009, given two orgs, then migrated through 0009.

const name = `ombud_tpl_${randomBytes(4).toString('hex')}`;
let admin: pg.Client;
let db: pg.Client;

type Row = { step: string; language: string; name: string; subject: string; body: string };
const key = (t: Row) => `${t.step}|${t.language}|${t.name}`;
const sorted = (rows: Row[]) =>
  rows
    .map(({ step, language, name, subject, body }) => ({ step, language, name, subject, body }))
    .sort((a, b) => key(a).localeCompare(key(b)));

async function runMigrations(filter: (file: string) => boolean) {
  const files = (await fs.readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files.filter(filter))
    await db.query(await fs.readFile(path.join(migrationsDir, file), 'utf8'));
}

async function orgWithOldDefaults(slug: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orgs (slug, name) VALUES ($1, $1) RETURNING id',
    [slug],
  );
  const orgId = rows[0]!.id;
  for (const t of previous)
    await db.query(
      'INSERT INTO message_templates (org_id, step, language, name, subject, body) VALUES ($1, $2, $3, $4, $5, $6)',
      [orgId, t.step, t.language, t.name, t.subject, t.body],
    );
  return orgId;
}

const templatesOf = async (orgId: string) =>
  (
    await db.query<Row>(
      'SELECT step, language, name, subject, body FROM message_templates WHERE org_id = $1',
      [orgId],
    )
  ).rows;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  await runMigrations((file) => file < '0009');
});

afterAll(async () => {
  await db?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migration 0009: the corrected default templates', () => {
  it('gives an org that never edited them exactly the new defaults, and leaves edited ones alone', async () => {
    const untouched = await orgWithOldDefaults('untouched');
    const edited = await orgWithOldDefaults('edited');
    const ownThankYou = 'Cảm ơn {{customerName}}, chúng tôi gọi lại trong 2 giờ.';
    await db.query(
      `UPDATE message_templates SET body = $2 WHERE org_id = $1 AND step = 'thank' AND language = 'vi'`,
      [edited, ownThankYou],
    );
    await db.query(
      `UPDATE message_templates SET subject = 'Xin lỗi' WHERE org_id = $1 AND step = 'apologise' AND language = 'en'`,
      [edited],
    );
    await db.query(
      `DELETE FROM message_templates WHERE org_id = $1 AND step = 'readback' AND language = 'zh'`,
      [edited],
    );

    await runMigrations((file) => file.startsWith('0009'));

    // Every old default was replaced, the two new kinds of text were added: the code's defaults.
    expect(sorted(await templatesOf(untouched))).toEqual(sorted(defaultTemplates));
    const after = await templatesOf(untouched);
    expect(after.some((t) => /sớm nhất|shortly|尽快/.test(t.body))).toBe(false);

    const kept = sorted(await templatesOf(edited));
    const oldApology = previous.find((t) => t.step === 'apologise' && t.language === 'en')!;
    // The edited thank-you and apology are as the admin left them; a deleted one stays deleted.
    expect(kept.find((t) => t.step === 'thank' && t.language === 'vi')!.body).toBe(ownThankYou);
    expect(kept.find((t) => t.step === 'apologise' && t.name === oldApology.name)).toMatchObject({
      subject: 'Xin lỗi',
      body: oldApology.body,
    });
    expect(kept.some((t) => t.step === 'readback' && t.language === 'zh')).toBe(false);
    // The rest were upgraded, and the new empathy apology and update arrived.
    const expected = sorted(
      defaultTemplates.filter(
        (t) =>
          !(t.step === 'thank' && t.language === 'vi') &&
          !(t.step === 'readback' && t.language === 'zh') &&
          !(t.step === 'apologise' && t.language === 'en' && t.name.startsWith('Apology')),
      ),
    );
    expect(kept.filter((t) => expected.some((e) => key(e) === key(t)))).toEqual(expected);
    expect(kept).toHaveLength(expected.length + 2);
    expect(
      kept
        .filter((t) => t.step === 'apologise')
        .map((t) => t.name)
        .sort(),
    ).toEqual(
      [
        'Đồng cảm (không nhận lỗi)',
        'Empathy, without accepting fault',
        'Sincere apology',
        'Xin lỗi và nhận trách nhiệm',
        '共情（不承认过错）',
        '道歉并承担责任',
      ].sort(),
    );

    // Templates may now be progress updates.
    await db.query(
      `INSERT INTO message_templates (org_id, step, language, name, subject, body) VALUES ($1, 'update', 'vi', 'Của tôi', '', 'x')`,
      [edited],
    );
  });
});
