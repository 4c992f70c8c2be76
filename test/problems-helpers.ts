import { expect } from 'vitest';
import {
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

/** An org for step 8: the quality owner reports to the manager, who heads the care team. */
export async function problemOrg(ctx: TestContext) {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const care = (
    await admin.post('/api/departments', { name: 'CSKH', headUserId: t.users.manager.id })
  ).json();
  const qa = (await admin.post('/api/departments', { name: 'Chất lượng' })).json();
  await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId: care.id });
  await admin.patch(`/api/users/${t.users.quality.id}`, {
    departmentId: qa.id,
    managerId: t.users.manager.id,
  });
  const [agent, quality, manager] = await Promise.all([
    signIn(ctx, t.users.agent.email),
    signIn(ctx, t.users.quality.email),
    signIn(ctx, t.users.manager.email),
  ]);
  return { ...t, admin, agent, quality, manager, care, qa, reasonId: t.reasons[0]!.id as string };
}
export type ProblemOrg = Awaited<ReturnType<typeof problemOrg>>;

/** A complaint taken in now (the test clock), of the given reason. */
export async function complaintOf(o: ProblemOrg, overrides: Record<string, unknown> = {}) {
  const r = await o.agent.post(
    '/api/complaints',
    sampleComplaint({ reasonId: o.reasonId, ...overrides }),
  );
  expect(r.statusCode, r.body).toBe(201);
  return r.json().complaint.id as string;
}

export async function newProblem(client: Client, body: Record<string, unknown> = {}) {
  const r = await client.post('/api/problems', {
    title: { vi: 'Giao hàng trễ lặp lại', en: 'Repeated late delivery' },
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { problem: { id: string; reference: string; status: string } };
}

export const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);
