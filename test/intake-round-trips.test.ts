import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { traceStatements } from '../src/platform/db/index.ts';
import { formatReference } from '../src/modules/complaints/domain/reference.ts';
import { referenceSql, SEQUENCE_CTE } from '../src/modules/complaints/intake.repository.ts';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Intake in few round trips: the case, its link, first event, clocks and timers go in one
// statement, the reference and the thank-you in another, and the answer is built from what was
// written. What a process keeps of an org's configuration holds only while it is unchanged,
// whoever changed it: here a second app instance (its own services and caches) on one database.

let ctx: TestContext;
let other: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  other = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
  await other.close();
});

const customer = (n: number) => ({
  name: `Khách ${n}`,
  phone: `0913${String(n).padStart(6, '0')}`,
  email: `rt${n}@example.vn`,
});

describe('intake', () => {
  it('writes the reference in SQL exactly as formatReference does', async () => {
    for (const n of [1, 42, 999_999, 1_000_000, 12_345_678]) {
      const { result } = await ctx.db
        .with(SEQUENCE_CTE, (db) => db.selectNoFrom(sql<number>`${n}::int`.as('last_value')))
        .selectNoFrom(referenceSql('KN', 2026).as('result'))
        .executeTakeFirstOrThrow();
      expect(result).toBe(formatReference('KN', 2026, n));
    }
  });

  it('creates a case in 10 statements and answers with what GET returns', async () => {
    const { users, reasons } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const reasonId = reasons[0]!.id;
    // The first create reads the org's configuration; the second finds it kept.
    const first = await api.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ customer: customer(1), reasonId }),
      { 'idempotency-key': 'rt-1' },
    );
    expect(first.statusCode).toBe(201);
    const seen: string[] = [];
    traceStatements((sql) => seen.push(sql));
    const created = await api.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ customer: customer(2), reasonId }),
      { 'idempotency-key': 'rt-2' },
    );
    traceStatements(undefined);
    expect(created.statusCode).toBe(201);
    // Key, org, BEGIN, idempotency key, customer lock, match and insert, the case, the
    // reference with what shows it (the thank-you, the search text), COMMIT. Nothing is read
    // back after the commit.
    expect(seen.map((s) => s.split(' ').slice(0, 2).join(' ').toLowerCase())).toEqual([
      'select *',
      'select *',
      'begin',
      'insert into',
      'select pg_advisory_xact_lock($1,',
      'select *',
      'insert into',
      'with "write_0"',
      'with "new_sequence"',
      'commit',
    ]);

    const body = created.json();
    const fetched = (await admin.get(`/api/complaints/${body.complaint.id}`)).json();
    const { trackingUrl, ...complaint } = body.complaint;
    expect(trackingUrl).toMatch(/^http:\/\/ombud\.test\/track\//);
    expect(complaint).toEqual({ ...fetched.complaint, updatedAt: complaint.updatedAt });
    expect(body.customer).toEqual(fetched.customer);
    expect(body.steps).toEqual(fetched.steps);
    expect(body.factVersions ?? []).toEqual(fetched.factVersions ?? []);
    // The stored clocks and due summary are those a fresh derivation gives.
    const clocks = (await admin.get(`/api/complaints/${body.complaint.id}/clocks`)).json();
    expect(clocks.clocks.length).toBeGreaterThan(0);
    const stored = await ctx.db
      .selectFrom('complaint_clocks')
      .select(['clock', 'due_at'])
      .where('complaint_id', '=', body.complaint.id)
      .orderBy('clock')
      .execute();
    const derived = (clocks.clocks as { clock: string; dueAt: string | null }[])
      .filter((c) => stored.some((s) => s.clock === c.clock))
      .map((c) => ({ clock: c.clock, due: c.dueAt }))
      .sort((a, b) => a.clock.localeCompare(b.clock));
    expect(stored.map((s) => ({ clock: s.clock, due: s.due_at?.toISOString() ?? null }))).toEqual(
      derived,
    );
    // A retry with the same key answers with the same case.
    const retry = await api.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ customer: customer(2), reasonId }),
      { 'idempotency-key': 'rt-2' },
    );
    expect(retry.statusCode).toBe(200);
    expect(retry.json().complaint.id).toBe(body.complaint.id);
  });

  it('takes many creates at once on a cold cache, more than the pool has connections', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        agent.post('/api/complaints', sampleComplaint({ customer: customer(500 + i) })),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array<number>(24).fill(201));
    const numbers = responses.map((r) => Number(r.json().complaint.reference.split('-')[2]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('sees a change to the configuration made elsewhere at once', async () => {
    const { org, users, reasons } = await createTestOrg(ctx);
    const api = await apiKeyClient(ctx, await signIn(ctx, users.admin.email));
    const reason = reasons[0]!;
    const create = async (n: number) => {
      const response = await api.request(
        'POST',
        '/api/complaints',
        sampleComplaint({ customer: customer(100 + n), reasonId: reason.id, language: 'vi' }),
      );
      expect(response.statusCode).toBe(201);
      const complaint = response.json().complaint as { id: string; reasonName: string };
      const row = await ctx.db
        .selectFrom('complaints')
        .select('next_due_at')
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow();
      return { ...complaint, nextDueAt: row.next_due_at };
    };
    const before = await create(1);
    expect(before.reasonName).toBe(reason.names.vi);
    expect(before.nextDueAt).not.toBeNull();

    // Renamed through the other instance's API: this process still has the old name kept.
    const otherAdmin = await signIn(other, users.admin.email);
    const renamed = await otherAdmin.patch(`/api/reasons/${reason.id}`, {
      names: { ...reason.names, vi: 'Giao hàng trễ hẹn' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await create(2)).reasonName).toBe('Giao hàng trễ hẹn');

    // Policies switched off by hand in SQL: no clock runs on the next case.
    await other.db
      .updateTable('sla_policies')
      .set({ is_active: false })
      .where('org_id', '=', org.id)
      .execute();
    expect((await create(3)).nextDueAt).toBeNull();
  });
});
