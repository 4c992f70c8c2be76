import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  signIn,
  type TestContext,
} from './helpers.ts';

// The Big List of Naughty Strings (MIT, see fixtures/naughty-strings/LICENSE).
const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

// Each string gets its own customer, so parallel requests do not update one shared person.
const phoneFor = (s: string): string => `0913${String(blns.indexOf(s)).padStart(6, '0')}`;

type Outcome = { stored: number; rejected: number };

function expectStoredOrRejected(
  status: number,
  body: { error?: { field?: string } },
  field: string,
  input: string,
  stored: () => string | null | undefined,
  outcome: Outcome,
) {
  expect(status, `${field} ${JSON.stringify(input)}`).not.toBe(500);
  if (status === 400) {
    expect(body.error?.field, `${field} ${JSON.stringify(input)}`).toBe(field);
    outcome.rejected += 1;
  } else {
    expect(status, `${field} ${JSON.stringify(input)}`).toBe(201);
    // An empty optional field means "not given" and is kept as null.
    const value = stored();
    expect(
      input === '' && (value === null || value === undefined) ? '' : value,
      `${field} ${JSON.stringify(input)}`,
    ).toBe(input);
    outcome.stored += 1;
  }
}

describe('hostile input (Big List of Naughty Strings)', () => {
  it(`stores exactly or rejects with a 400 naming the field, for each of ${blns.length} strings in every text field of the intake API`, async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const fields: {
      field: string;
      build: (s: string) => Record<string, unknown>;
      read: (d: any) => string | null;
    }[] = [
      {
        field: 'description',
        build: (s) => ({ description: s }),
        read: (d) => d.complaint.description,
      },
      {
        field: 'customer.name',
        build: (s) => ({ customer: { name: s, phone: phoneFor(s) } }),
        read: (d) => d.customer.name,
      },
      {
        field: 'productRef',
        build: (s) => ({ productRef: s }),
        read: (d) => d.complaint.productRef,
      },
      { field: 'orderRef', build: (s) => ({ orderRef: s }), read: (d) => d.complaint.orderRef },
      { field: 'ask.text', build: (s) => ({ ask: { text: s } }), read: (d) => d.complaint.askText },
      {
        field: 'customer.tier',
        build: (s) => ({ customer: { name: 'A', phone: phoneFor(s), tier: s } }),
        read: (d) => d.customer.tier,
      },
    ];
    const outcome: Outcome = { stored: 0, rejected: 0 };
    for (const { field, build, read } of fields) {
      for (let i = 0; i < blns.length; i += 25) {
        const batch = blns.slice(i, i + 25);
        const responses = await Promise.all(
          batch.map((s) =>
            api.request('POST', '/api/complaints', {
              customer: { name: 'Khách', phone: '0912345678' },
              description: 'mô tả',
              ...build(s),
            }),
          ),
        );
        responses.forEach((r, k) => {
          const json = r.json();
          expectStoredOrRejected(
            r.statusCode,
            json,
            field,
            batch[k]!,
            () => (r.statusCode === 201 ? read(json) : undefined),
            outcome,
          );
        });
      }
    }
    expect(outcome.stored).toBeGreaterThan(outcome.rejected);
  }, 300_000);

  it('does the same on the public form and in the facts, notes and portal replies', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const outcome: Outcome = { stored: 0, rejected: 0 };
    let address = 0;
    for (const field of ['name', 'description', 'orderRef', 'askText'] as const) {
      for (let i = 0; i < blns.length; i += 25) {
        const batch = blns.slice(i, i + 25);
        const responses = await Promise.all(
          batch.map((s) =>
            ctx.app.inject({
              method: 'POST',
              url: `/api/public/orgs/${org.slug}/complaints`,
              remoteAddress: `10.77.${(address >> 8) & 255}.${address++ & 255}`,
              payload: {
                name: 'Khách',
                phone: phoneFor(s),
                description: 'mô tả',
                language: 'vi',
                [field]: s,
              },
            }),
          ),
        );
        for (const [k, r] of responses.entries()) {
          const input = batch[k]!;
          let stored: string | undefined;
          if (r.statusCode === 201) {
            const row = await ctx.db
              .selectFrom('complaints as c')
              .innerJoin('customers as k', (j) =>
                j.onRef('k.org_id', '=', 'c.org_id').onRef('k.id', '=', 'c.customer_id'),
              )
              .select(['k.name', 'c.description', 'c.order_ref', 'c.ask_text'])
              .where('c.org_id', '=', org.id)
              .where('c.reference', '=', r.json().reference)
              .executeTakeFirstOrThrow();
            stored =
              {
                name: row.name,
                description: row.description,
                orderRef: row.order_ref,
                askText: row.ask_text,
              }[field] ?? undefined;
          }
          expectStoredOrRejected(r.statusCode, r.json(), field, input, () => stored, outcome);
        }
      }
    }
    // Facts, notes and the portal reply take the same strings.
    const created = (
      await agent.post('/api/complaints', {
        customer: { name: 'A', phone: '0912345678' },
        description: 'x',
      })
    ).json();
    const id = created.complaint.id;
    const token = created.complaint.trackingUrl.split('/track/')[1];
    for (const s of blns) {
      const facts = await agent.post(`/api/complaints/${id}/facts`, {
        whatHappened: s,
        askText: s,
      });
      expect(facts.statusCode).not.toBe(500);
      if (facts.statusCode === 200) expect(facts.json().facts.current.whatHappened).toBe(s);
      else expect(facts.json().error.field).toBe('whatHappened');
      const note = await agent.post(`/api/complaints/${id}/notes`, { body: s });
      expect([200, 400]).toContain(note.statusCode);
      const reply = await ctx.app.inject({
        method: 'POST',
        url: `/api/portal/${token}/messages`,
        payload: { body: s },
        remoteAddress: `10.78.${(address >> 8) & 255}.${address++ & 255}`,
      });
      expect([200, 400]).toContain(reply.statusCode);
      if (reply.statusCode === 400) expect(reply.json().error.field).toBe('body');
    }
    expect(outcome.stored).toBeGreaterThan(0);
  }, 600_000);
});

describe('hostile input in the admin screens', () => {
  it('stores exactly or rejects with a 400 naming the field: departments, reasons, templates, task types', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const outcome: Outcome = { stored: 0, rejected: 0 };
    for (let i = 0; i < blns.length; i += 20) {
      const batch = blns.slice(i, i + 20);
      const responses = await Promise.all(
        batch.flatMap((s, k) => [
          admin.post('/api/departments', { name: s }),
          admin.post('/api/reasons', { code: `r${i + k}`, names: { vi: s, en: 'x', zh: 'x' } }),
          admin.post('/api/templates', {
            step: 'apologise',
            language: 'vi',
            name: `t${i + k}`,
            subject: s,
            body: 'x',
          }),
          admin.post('/api/task-types', {
            name: `${i + k} ${s}`.slice(0, 200),
            departmentId: null,
            durationAmount: 1,
            durationUnit: 'business_days',
          }),
        ]),
      );
      batch.forEach((s, k) => {
        const [department, reason, template, taskType] = responses.slice(k * 4, k * 4 + 4) as [
          Awaited<ReturnType<typeof admin.post>>,
          Awaited<ReturnType<typeof admin.post>>,
          Awaited<ReturnType<typeof admin.post>>,
          Awaited<ReturnType<typeof admin.post>>,
        ];
        const status = (r: typeof department) => (r.statusCode === 201 ? 201 : r.statusCode);
        expectStoredOrRejected(
          status(department),
          department.json(),
          'name',
          s,
          () => department.json().name,
          outcome,
        );
        expectStoredOrRejected(
          status(reason),
          reason.json(),
          'names.vi',
          s,
          () => reason.json().names?.vi,
          outcome,
        );
        expectStoredOrRejected(
          status(template),
          template.json(),
          'subject',
          s,
          () => template.json().subject,
          outcome,
        );
        const expected = `${i + k} ${s}`.slice(0, 200);
        expectStoredOrRejected(
          status(taskType),
          taskType.json(),
          'name',
          expected,
          () => taskType.json().name,
          outcome,
        );
      });
    }
    expect(outcome.stored).toBeGreaterThan(outcome.rejected);
  }, 300_000);
});
