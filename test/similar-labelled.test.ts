import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precisionAtK } from '../src/modules/suggestions/domain/precision.ts';
import { hardPairs, judgeLabelledSet, labelledComplaints } from './fixtures/similar-pairs.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Step 8's similar text on a labelled set written for the test (test/fixtures/similar-pairs.ts):
// Vietnamese with and without diacritics, Chinese without word segmentation. Precision first.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => ctx.close());

const keyOf = async (text: string) =>
  (await sql<{ k: string }>`SELECT ombud_similar_key(${text}) AS k`.execute(ctx.db)).rows[0]!.k;

describe('the similarity key', () => {
  it.each([
    ['Màn hình ĐIỆN THOẠI bị vỡ!', 'man hinh dien thoai bi vo'],
    ['man hinh dien thoai bi vo', 'man hinh dien thoai bi vo'],
    ['Đơn hàng #DH-12 đến trễ', 'don hang dh 12 den tre'],
    // Chinese: overlapping character bigrams, each character spelled in base 36 above U+3000.
    ['手机屏幕', '9xnawq awq8r3 8r395h'],
    ['我', '9w1'],
    ['手机，屏幕', '9xnawq 8r395h'],
    ['iPhone 15屏幕碎了', 'iphone 15 8r395h 95heby eby612'],
    ['', ''],
    ['!!! ??? ...', ''],
  ])('%j → %j', async (text, key) => {
    expect(await keyOf(text)).toBe(key);
  });

  it('is spelled in ASCII letters and digits only, so pg_trgm reads it the same on every locale', async () => {
    for (const c of labelledComplaints) expect(await keyOf(c.text)).toMatch(/^[a-z0-9 ]*$/);
  });
});

describe('the MinHash bands', () => {
  const bandsOf = async (id: string) =>
    (
      await sql<{
        band: string;
      }>`SELECT band::text FROM complaint_similar_bands WHERE complaint_id = ${id} ORDER BY band`.execute(
        ctx.db,
      )
    ).rows.map((r) => r.band);

  it('follow the description: written on intake, rewritten when it changes, gone with the case', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const r = await agent.post(
      '/api/complaints',
      sampleComplaint({ description: 'Máy giặt kêu rất to khi vắt và rung lắc mạnh' }),
    );
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().complaint.id as string;
    const first = await bandsOf(id);
    expect(first.length).toBeGreaterThan(3);
    const sameText = await bandsOf(id);
    expect(sameText).toEqual(first);
    await sql`UPDATE complaints SET description = 'Tủ lạnh không đông đá, thực phẩm bị hỏng'
              WHERE id = ${id}`.execute(ctx.db);
    const changed = await bandsOf(id);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((b) => first.includes(b))).toEqual([]);
    await sql`DELETE FROM complaints WHERE id = ${id}`.execute(ctx.db);
    expect(await bandsOf(id)).toEqual([]);
  });

  it('are shared by the same text typed with and without diacritics', async () => {
    const bands = async (text: string) =>
      (
        await sql<{
          b: string[];
        }>`SELECT ombud_similar_bands(ombud_similar_key(${text}))::text[] AS b`.execute(ctx.db)
      ).rows[0]!.b;
    expect(await bands('Máy giặt kêu rất to')).toEqual(await bands('may giat keu rat to'));
    expect(await bands('')).toEqual([]);
  });
});

describe('the labelled set', () => {
  it('suggests the same issue first: precision at 5 over the set, and the hard cases', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const judged = await judgeLabelledSet({
      create: async (text, n) => {
        const r = await agent.post(
          '/api/complaints',
          sampleComplaint({
            customer: { name: `Khách ${n}`, phone: `09134${String(n).padStart(5, '0')}` },
            description: text,
            orderRef: null,
            reasonId: null,
          }),
        );
        expect(r.statusCode, r.body).toBe(201);
        return r.json().complaint.id as string;
      },
      similarTo: async (id) => {
        const r = await agent.get(`/api/complaints/${id}/similar`);
        expect(r.statusCode, r.body).toBe(200);
        const items = r.json().items as { kind: string; complaint: { id: string } }[];
        expect(items.every((i) => i.kind === 'similar')).toBe(true);
        expect(items.length).toBeLessThanOrEqual(5);
        return items.map((i) => i.complaint.id);
      },
    });
    const all = precisionAtK(judged, 5);
    const vi = precisionAtK(
      judged.filter((j) => j.complaint.lang === 'vi'),
      5,
    );
    const zh = precisionAtK(
      judged.filter((j) => j.complaint.lang === 'zh'),
      5,
    );
    console.log(
      `labelled set: precision@5 ${all.precision.toFixed(3)} (vi ${vi.precision.toFixed(3)}, zh ${zh.precision.toFixed(3)}), ` +
        `recall@5 ${all.recall.toFixed(3)} (vi ${vi.recall.toFixed(3)}, zh ${zh.recall.toFixed(3)}), ` +
        `${all.shown} shown, ${all.empty} of ${all.queries} with none`,
    );
    for (const j of judged.filter((x) => x.shown.some((s) => !x.relevant.has(s))))
      console.log(
        `  ${j.complaint.id}: wrong ${j.shown.filter((s) => !j.relevant.has(s)).join(', ')}`,
      );
    // Measured when the thresholds were tuned on this set: precision 0.964 (vi 0.939, zh 1.000),
    // recall 0.818 (the MinHash bands miss a few pairs an exact scan finds: 0.833). The
    // thresholds were tuned on this same set, so these are optimistic for other text.
    expect(all.precision).toBeGreaterThanOrEqual(0.93);
    expect(vi.precision).toBeGreaterThanOrEqual(0.9);
    expect(zh.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.75);
    // Noise is never suggested.
    expect(judged.flatMap((j) => j.shown).filter((s) => s.startsWith('noise:'))).toEqual([]);

    const shownFor = new Map(judged.map((j) => [j.complaint.id, j.shown]));
    for (const pair of hardPairs) {
      const shown = shownFor.get(pair.a)!;
      if (pair.same) expect(shown, pair.note).toContain(pair.b);
      else expect(shown, pair.note).not.toContain(pair.b);
    }
  });
});
