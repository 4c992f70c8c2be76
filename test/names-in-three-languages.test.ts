import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  TEST_PASSWORD,
  type TestContext,
} from './helpers.ts';

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7).
const MONDAY_9 = new Date('2026-03-02T02:00:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
});
afterAll(async () => ctx.close());

const REDELIVER = { vi: 'Giao lại hàng', en: 'Redeliver', zh: '重新送货' };
const task = (names: Record<string, string> | undefined, extra: Record<string, unknown> = {}) => ({
  ...(names ? { names } : {}),
  departmentId: null,
  durationAmount: 2,
  durationUnit: 'business_days',
  ...extra,
});
const inLanguage = (lang: string) => ({ 'accept-language': lang });

async function adminOf() {
  const t = await createTestOrg(ctx);
  return { ...t, admin: await signIn(ctx, t.users.admin.email) };
}

/** An org whose default language is English, and its admin. */
async function englishAdmin() {
  const slug = `en-${randomBytes(6).toString('hex')}`;
  const org = await ctx.services.provisioning.provisionOrg({
    slug,
    name: 'English Co',
    defaultLanguage: 'en',
  });
  const email = `admin@${slug}.test`;
  await ctx.services.org.createUser(org.id, systemActor, {
    name: 'Admin',
    email,
    role: 'admin',
    locale: 'en',
    password: TEST_PASSWORD,
  });
  return { org, admin: await signIn(ctx, email) };
}

describe('names in vi, en and zh', () => {
  it('are taken and shown in the reader’s language, with the org’s default language for one missing', async () => {
    const { admin } = await adminOf();
    const created = await admin.request(
      'POST',
      '/api/task-types',
      task({ vi: REDELIVER.vi, en: REDELIVER.en }),
      inLanguage('en'),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Redeliver',
      names: { vi: 'Giao lại hàng', en: 'Redeliver' },
    });
    const listIn = async (lang: string) =>
      (await admin.request('GET', '/api/task-types', undefined, inLanguage(lang))).json().items[0]
        .name;
    expect(await listIn('vi')).toBe('Giao lại hàng');
    expect(await listIn('en')).toBe('Redeliver');
    // No Chinese name: the Vietnamese one, the org's default language.
    expect(await listIn('zh')).toBe('Giao lại hàng');
  });

  it('keep the single name of older clients working: it is the default language’s, and a rename keeps the others', async () => {
    const { admin } = await adminOf();
    const created = (
      await admin.post('/api/task-types', { ...task(undefined), name: 'Đổi hàng' })
    ).json();
    expect(created).toMatchObject({ name: 'Đổi hàng', names: { vi: 'Đổi hàng' } });
    const withNames = (
      await admin.request(
        'PUT',
        `/api/task-types/${created.id}`,
        task({ vi: 'Đổi hàng', en: 'Exchange', zh: '换货' }),
      )
    ).json();
    expect(withNames.names).toEqual({ vi: 'Đổi hàng', en: 'Exchange', zh: '换货' });
    const renamed = (
      await admin.request(
        'PUT',
        `/api/task-types/${created.id}`,
        { ...task(undefined), name: 'Đổi sản phẩm' },
        inLanguage('zh'),
      )
    ).json();
    expect(renamed).toMatchObject({
      name: '换货',
      names: { vi: 'Đổi sản phẩm', en: 'Exchange', zh: '换货' },
    });
  });

  it('need the default language’s name: a 400 names the field, in the reader’s language', async () => {
    const { admin } = await adminOf();
    const missing = await admin.request(
      'POST',
      '/api/task-types',
      task({ en: 'Redeliver', vi: '   ' }),
      inLanguage('en'),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'names.vi', code: 'validation_failed' });
    expect(missing.json().error.message).toMatch(/required/i);
    const inVietnamese = await admin.request(
      'POST',
      '/api/task-types',
      task(undefined),
      inLanguage('vi'),
    );
    expect(inVietnamese.json().error.field).toBe('name');
    expect(inVietnamese.json().error.message).toContain('bắt buộc');
    // A clash with another task type's name is reported on the field it came in.
    await admin.post('/api/task-types', task(REDELIVER));
    const clash = await admin.post('/api/task-types', task({ vi: REDELIVER.vi, en: 'Other' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.field).toBe('names.vi');
  });

  it('fall back to English in an English org, whose defaults start in English', async () => {
    const { admin } = await englishAdmin();
    const onlyVietnamese = await admin.post('/api/task-types', task({ vi: REDELIVER.vi }));
    expect(onlyVietnamese.json().error.field).toBe('names.en');
    const created = (await admin.post('/api/task-types', task({ en: 'Redeliver' }))).json();
    expect(
      (await admin.request('GET', '/api/task-types', undefined, inLanguage('vi'))).json().items,
    ).toEqual([expect.objectContaining({ id: created.id, name: 'Redeliver' })]);
    const [calendar] = (
      await admin.request('GET', '/api/calendars', undefined, inLanguage('en'))
    ).json().items;
    expect(calendar).toMatchObject({
      name: 'Office hours',
      names: { vi: 'Giờ hành chính', en: 'Office hours', zh: '办公时间' },
    });
    const policies = (
      await admin.request('GET', '/api/sla-policies', undefined, inLanguage('zh'))
    ).json().items;
    expect(policies.map((p: { name: string }) => p.name).sort()).toEqual(['标准', '紧急'].sort());
  });

  it('show where staff and customers read them: clocks, the commitment, the ledger', async () => {
    ctx.clock.set(MONDAY_9);
    const { users, admin } = await adminOf();
    const taskType = (await admin.post('/api/task-types', task(REDELIVER))).json();
    const [calendar] = (await admin.get('/api/calendars')).json().items;
    const renamed = await admin.request('PUT', `/api/calendars/${calendar.id}`, {
      ...calendar,
      name: undefined,
      names: { vi: 'Giờ văn phòng', en: 'Office', zh: '办公' },
    });
    expect(renamed.statusCode).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    // The customer writes in English.
    const { complaint } = (
      await agent.post('/api/complaints', sampleComplaint({ language: 'en' }))
    ).json();
    const clocks = (
      await agent.request(
        'GET',
        `/api/complaints/${complaint.id}/clocks`,
        undefined,
        inLanguage('zh'),
      )
    ).json();
    expect(clocks.policy).toMatchObject({ name: '标准', calendarName: '办公' });
    const proposal = (
      await agent.request(
        'GET',
        `/api/complaints/${complaint.id}/commitment-proposal?taskTypeId=${taskType.id}`,
        undefined,
        inLanguage('en'),
      )
    ).json();
    expect(proposal.calendarName).toBe('Office');
    const made = await agent.request(
      'POST',
      `/api/complaints/${complaint.id}/commitments`,
      { dueAt: proposal.dueAt, taskTypeId: taskType.id },
      inLanguage('zh'),
    );
    // The agent reads the commitment in their language; the customer's timeline in theirs.
    expect(made.json().commitments[0].taskTypeName).toBe('重新送货');
    const token = (await agent.post(`/api/complaints/${complaint.id}/tracking-link`))
      .json()
      .trackingUrl.split('/track/')[1];
    const portal = (await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(
      portal.events.find((e: { type: string }) => e.type === 'commitment.made').data.taskTypeName,
    ).toBe('Redeliver');
    const manager = await signIn(ctx, users.manager.email);
    const report = (
      await manager.request(
        'GET',
        '/api/reports/promises?groupBy=task_type',
        undefined,
        inLanguage('en'),
      )
    ).json();
    expect(report.rows[0]).toMatchObject({ name: 'Redeliver', made: 1 });
    const stats = (
      await manager.request('GET', '/api/reports/task-types', undefined, inLanguage('zh'))
    ).json();
    expect(stats.rows[0].name).toBe('重新送货');
  });

  it('take every naughty string in every language, stored exactly, or refused with a 400 naming the field', async () => {
    const { admin } = await adminOf();
    const defaults = (await admin.get('/api/sla/defaults')).json();
    const [calendar] = (await admin.get('/api/calendars')).json().items;
    let stored = 0;
    const check = (response: Awaited<ReturnType<typeof admin.post>>, lang: string, s: string) => {
      if (response.statusCode === 201) {
        const names = response.json().names;
        // A blank name is no name: the default language's shows instead.
        if (s.trim() === '') expect(names[lang]).toBeUndefined();
        else expect(names[lang]).toBe(s);
        stored += 1;
      } else {
        expect(response.statusCode, s).toBe(400);
        expect(response.json().error.field).toBe(`names.${lang}`);
      }
    };
    for (let i = 0; i < blns.length; i += 20) {
      const batch = blns.slice(i, i + 20);
      const responses = await Promise.all(
        batch.flatMap((s, k) => [
          admin.post('/api/task-types', task({ vi: `n${i + k}`, en: s })),
          admin.post('/api/sla-policies', {
            ...defaults.policy,
            calendarId: calendar.id,
            active: false,
            names: { vi: `p${i + k}`, zh: s },
          }),
          admin.post('/api/calendars', {
            ...defaults.calendar,
            names: { vi: s },
          }),
        ]),
      );
      batch.forEach((s, k) => {
        check(responses[k * 3]!, 'en', s);
        check(responses[k * 3 + 1]!, 'zh', s);
        // The default language's own name: a blank one is refused, not dropped.
        const cal = responses[k * 3 + 2]!;
        if (s.trim() === '') {
          expect(cal.statusCode).toBe(400);
          expect(cal.json().error.field).toBe('names.vi');
        } else check(cal, 'vi', s);
      });
    }
    expect(stored).toBeGreaterThan(blns.length * 2);
  }, 300_000);
});
