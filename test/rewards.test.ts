import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from './helpers.ts';
import { startReceiver } from './webhooks-helpers.ts';

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7).
const MONDAY_9 = new Date('2026-03-02T02:00:00Z');

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
});
afterAll(async () => ctx.close());

/**
 * An org with a three-level chart above the agent (agent → manager → director → CEO), a care
 * team with a gift budget for March, a catalogue, and authority rules: agents may give gifts up
 * to 200.000 ₫ and vouchers up to 250.000 ₫; managers grant up to 1.000.000 ₫, directors
 * 3.000.000 ₫.
 */
async function rewardOrg(options: { giftBudget?: number } = {}) {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const extra = async (role: 'manager' | 'agent', name: string) => {
    const created = await ctx.services.org.createUser(t.org.id, systemActor, {
      name,
      email: `${name.replace(/\W/g, '').toLowerCase()}@${t.org.slug}.test`,
      role,
      locale: 'vi',
      password: TEST_PASSWORD,
    });
    return { id: created.id, email: `${name.replace(/\W/g, '').toLowerCase()}@${t.org.slug}.test` };
  };
  const director = await extra('manager', 'Director Tran');
  const secondAgent = await extra('agent', 'Agent Hoa');
  const care = (await admin.post('/api/departments', { name: 'CSKH' })).json();
  await admin.patch(`/api/users/${director.id}`, { managerId: t.users.admin.id });
  await admin.patch(`/api/users/${t.users.manager.id}`, {
    departmentId: care.id,
    managerId: director.id,
  });
  for (const id of [t.users.agent.id, secondAgent.id])
    await admin.patch(`/api/users/${id}`, { departmentId: care.id, managerId: t.users.manager.id });
  const budget = await admin.post('/api/reward-budgets', {
    departmentId: care.id,
    purpose: 'gift',
    period: 'month',
    periodStart: '2026-03-15',
    currency: 'VND',
    amountMinor: options.giftBudget ?? 1_000_000,
  });
  expect(budget.statusCode, budget.body).toBe(201);
  expect(budget.json().periodStart).toBe('2026-03-01');
  const gift = (
    await admin.post('/api/gift-catalogue', {
      kind: 'voucher',
      name: 'Phiếu mua hàng 200.000 ₫',
      valueMinor: 200_000,
      currency: 'VND',
    })
  ).json();
  const bigGift = (
    await admin.post('/api/gift-catalogue', {
      kind: 'small_gift',
      name: 'Giỏ quà Tết',
      valueMinor: 500_000,
      currency: 'VND',
    })
  ).json();
  const rules = [
    { role: 'agent', type: 'gift', currency: 'VND', perCaseMinor: 200_000 },
    { role: 'agent', type: 'voucher', currency: 'VND', perCaseMinor: 250_000 },
    { role: 'manager', currency: 'VND', perCaseMinor: 1_000_000 },
    { role: 'admin', currency: 'VND', perCaseMinor: 3_000_000 },
  ];
  for (const rule of rules) {
    const saved = await admin.post('/api/authority-rules', rule);
    expect(saved.statusCode, saved.body).toBe(201);
  }
  // The director's own authority: a rule for their role would also be a manager's, so the
  // director is the admin's report and the CEO is the admin.
  const agent = await signIn(ctx, t.users.agent.email);
  const manager = await signIn(ctx, t.users.manager.email);
  return {
    ...t,
    admin,
    agent,
    manager,
    director,
    directorClient: await signIn(ctx, director.email),
    secondAgent: await signIn(ctx, secondAgent.email),
    care,
    budget: budget.json(),
    gift,
    bigGift,
  };
}

async function fixedCase(agent: Client, askAmount = 1_000_000) {
  const { complaint } = (
    await agent.post(
      '/api/complaints',
      sampleComplaint({ ask: { text: 'Hoàn tiền', amount: askAmount, currency: 'VND' } }),
    )
  ).json();
  const fixed = await agent.post(`/api/complaints/${complaint.id}/status`, {
    status: 'fixed',
    note: 'Đã giao lại',
  });
  expect(fixed.statusCode, fixed.body).toBe(200);
  return complaint as { id: string; reference: string };
}

describe('thank-you gifts', () => {
  it('are refused with a clear 409 before the fix, and given from the team budget after it', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const { complaint } = (await o.agent.post('/api/complaints', sampleComplaint())).json();
    const early = await o.agent.post(
      `/api/complaints/${complaint.id}/gifts`,
      { giftId: o.gift.id },
      { 'accept-language': 'en' },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'conflict',
      field: 'giftId',
      message: 'A thank-you gift comes only after the fix; this case is not fixed.',
    });
    const before = (await o.agent.get(`/api/complaints/${complaint.id}/rewards`)).json();
    expect(before.giftEligibility).toBe('not_fixed');
    expect(before.giftBudget).toMatchObject({ remainingMinor: 1_000_000, departmentName: 'CSKH' });

    await o.agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const given = await o.agent.post(`/api/complaints/${complaint.id}/gifts`, {
      giftId: o.gift.id,
      reference: 'VC-2026-0001',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({
      status: 'granted',
      grant: {
        kind: 'gift',
        type: 'gift',
        amountMinor: 200_000,
        currency: 'VND',
        reference: 'VC-2026-0001',
        approvalLevel: 0,
        approvedByName: null,
        departmentName: 'CSKH',
      },
    });
    const after = (await o.agent.get(`/api/complaints/${complaint.id}/rewards`)).json();
    expect(after.giftEligibility).toBe('eligible');
    expect(after.giftBudget).toMatchObject({ spentMinor: 200_000, remainingMinor: 800_000 });
    // The customer hears thanks for the feedback, in their language, with the code.
    const mail = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['subject', 'text_body'])
      .where('org_id', '=', o.org.id)
      .where('complaint_id', '=', complaint.id)
      .where('subject', 'like', '%Cảm ơn anh/chị đã góp ý%')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain('Mã quà tặng: VC-2026-0001');
    // Recorded as a gift, never as compensation.
    const report = (await o.admin.get('/api/reports/rewards')).json();
    expect(report.giftsByTeam).toEqual([
      { key: o.care.id, label: 'CSKH', currency: 'VND', count: 1, amountMinor: 200_000 },
    ]);
    expect(report.compensationByType).toEqual([]);
  });

  it('wait for the verification call-back where the org says so', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    await o.admin.request('PUT', '/api/reward-settings', { giftRequiresVerification: true });
    const complaint = await fixedCase(o.agent);
    const refused = await o.agent.post(`/api/complaints/${complaint.id}/gifts`, {
      giftId: o.gift.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('gọi lại xác minh');
    expect((await o.agent.get(`/api/complaints/${complaint.id}/rewards`)).json()).toMatchObject({
      giftEligibility: 'not_verified',
    });
  });

  it('above the agent gift limit go to the manager; one the budget cannot cover is refused', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const complaint = await fixedCase(o.agent);
    const big = await o.agent.post(`/api/complaints/${complaint.id}/gifts`, {
      giftId: o.bigGift.id,
    });
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json()).toMatchObject({
      status: 'pending_approval',
      approval: { kind: 'gift', amountMinor: 500_000, approverId: o.users.manager.id },
    });
    const approved = await o.manager.post(`/api/approvals/${big.json().approval.id}/decision`, {
      decision: 'approve',
    });
    expect(approved.json().status).toBe('approved');
    const rewards = (await o.agent.get(`/api/complaints/${complaint.id}/rewards`)).json();
    expect(rewards.giftBudget).toMatchObject({ spentMinor: 500_000, remainingMinor: 500_000 });
    expect(rewards.grants).toEqual([
      expect.objectContaining({ kind: 'gift', giftName: 'Giỏ quà Tết', approvalLevel: 1 }),
    ]);

    const small = await rewardOrg({ giftBudget: 400_000 });
    const other = await fixedCase(small.agent);
    const refused = await small.agent.post(`/api/complaints/${other.id}/gifts`, {
      giftId: small.bigGift.id,
    });
    // 500.000 ₫ does not fit a budget of 400.000 ₫, whoever would approve it.
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Ngân sách còn lại của kỳ này không đủ.');
  });

  it('two agents granting at once cannot overspend the budget', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg({ giftBudget: 300_000 });
    const [first, second] = [await fixedCase(o.agent), await fixedCase(o.secondAgent)];
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        o.agent.post(`/api/complaints/${first.id}/gifts`, { giftId: o.gift.id }),
        o.secondAgent.post(`/api/complaints/${second.id}/gifts`, { giftId: o.gift.id }),
      ]);
      if (round === 0) expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      else expect(answers.map((a) => a.statusCode)).toEqual([409, 409]);
    }
    const budget = (await o.admin.get('/api/reward-budgets')).json().items[0];
    expect(budget).toMatchObject({ amountMinor: 300_000, spentMinor: 200_000 });
    const grants = await ctx.db
      .selectFrom('reward_grants')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('org_id', '=', o.org.id)
      .executeTakeFirstOrThrow();
    expect(Number(grants.n)).toBe(1);
  });
});

describe('compensation and approvals', () => {
  it('within the agent limit is granted at once, with the decision shown before', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const complaint = await fixedCase(o.agent);
    const preview = await o.agent.get(
      `/api/complaints/${complaint.id}/authority?type=voucher&amountMinor=200000&currency=VND`,
    );
    expect(preview.json()).toMatchObject({
      decision: 'allowed',
      limitMinor: 250_000,
      askMinor: 1_000_000,
    });
    const above = await o.agent.get(
      `/api/complaints/${complaint.id}/authority?type=voucher&amountMinor=400000&currency=VND`,
    );
    expect(above.json()).toMatchObject({
      decision: 'needs_approval',
      limitMinor: 250_000,
      approverId: o.users.manager.id,
      approverName: o.users.manager.name,
    });
    const granted = await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
      type: 'voucher',
      amountMinor: 200_000,
      currency: 'VND',
      reference: 'GV-778',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      status: 'granted',
      grant: { kind: 'compensation', type: 'voucher', approvalLevel: 0, reference: 'GV-778' },
    });
    // A refund has no rule of its own: half the ask (500.000 ₫) by default.
    const refund = await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
      type: 'refund',
      amountMinor: 500_000,
      currency: 'VND',
    });
    expect(refund.json().status).toBe('granted');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', o.org.id)
      .where('action', '=', 'compensation.granted')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('above the limit goes to the manager, who approves another amount or declines with a reason', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const complaint = await fixedCase(o.agent);
    const asked = await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
      type: 'voucher',
      amountMinor: 400_000,
      currency: 'VND',
      note: 'Khách hàng lâu năm',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending_approval',
      approval: { approverId: o.users.manager.id, level: 1, status: 'pending' },
    });
    const approvalId = asked.json().approval.id;
    expect(asked.json().approval.clock).toMatchObject({ state: 'running' });
    const waiting = (await o.manager.get('/api/approvals')).json().items;
    expect(waiting.map((a: { id: string }) => a.id)).toEqual([approvalId]);
    // Only the approver it waits for may answer.
    const notMine = await o.directorClient.post(`/api/approvals/${approvalId}/decision`, {
      decision: 'approve',
    });
    expect(notMine.statusCode).toBe(403);
    const approved = await o.manager.post(`/api/approvals/${approvalId}/decision`, {
      decision: 'approve',
      amountMinor: 350_000,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedAmountMinor: 350_000 });
    const rewards = (await o.agent.get(`/api/complaints/${complaint.id}/rewards`)).json();
    expect(rewards.grants).toEqual([
      expect.objectContaining({
        amountMinor: 350_000,
        approvedByName: o.users.manager.name,
        grantedByName: o.users.agent.name,
        approvalLevel: 1,
      }),
    ]);
    const again = await o.manager.post(`/api/approvals/${approvalId}/decision`, {
      decision: 'approve',
    });
    expect(again.statusCode).toBe(409);

    const second = (
      await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'refund',
        amountMinor: 900_000,
        currency: 'VND',
      })
    ).json().approval;
    const noReason = await o.manager.post(`/api/approvals/${second.id}/decision`, {
      decision: 'decline',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const declined = await o.manager.post(`/api/approvals/${second.id}/decision`, {
      decision: 'decline',
      reason: 'Đã tặng phiếu mua hàng',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Đã tặng phiếu mua hàng',
    });
    const report = (await o.admin.get('/api/reports/rewards')).json();
    expect(report.compensationByLevel).toEqual([
      { key: '1', label: '1', currency: 'VND', count: 1, amountMinor: 350_000 },
    ]);
    expect(report.approvalTimes.decided).toBe(2);
    expect(report.compensationByTeam).toEqual([
      { key: o.care.id, label: 'CSKH', currency: 'VND', count: 1, amountMinor: 350_000 },
    ]);
    expect(report.compensationBudgets).toEqual([]);
    expect(report.giftsByTeam).toEqual([]);
  });

  it('climbs a three-level chart when the approval clock breaches, and when an approver lacks the authority', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const complaint = await fixedCase(o.agent, 3_000_000);
    const asked = (
      await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'refund',
        amountMinor: 2_000_000,
        currency: 'VND',
      })
    ).json().approval;
    expect(asked.approverId).toBe(o.users.manager.id);
    // The standard policy gives approvers 4 business hours: due 14:00 with the lunch break.
    const due = new Date(asked.clock.dueAt);
    ctx.clock.set(new Date(due.getTime() - 60_000));
    await ctx.drainJobs(o.org.id);
    const approvalOf = async () =>
      (await o.agent.get('/api/approvals?scope=requested&status=all'))
        .json()
        .items.find((a: { id: string }) => a.id === asked.id);
    expect(await approvalOf()).toMatchObject({ level: 1, approverId: o.users.manager.id });
    ctx.clock.set(new Date(due.getTime() + 60_000));
    await ctx.drainJobs(o.org.id);
    const second = await approvalOf();
    expect(second).toMatchObject({ level: 2, approverId: o.director.id });
    expect(second.climbs).toEqual([
      expect.objectContaining({
        from: o.users.manager.id,
        to: o.director.id,
        reason: 'clock_breach',
      }),
    ]);
    // The manager can no longer answer it; the director's clock starts afresh.
    expect(
      (await o.manager.post(`/api/approvals/${asked.id}/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    ctx.clock.set(new Date(new Date(second.clock.dueAt).getTime() + 60_000));
    await ctx.drainJobs(o.org.id);
    expect(await approvalOf()).toMatchObject({ level: 3, approverId: o.users.admin.id });

    // Another request: the manager approves, but 1.600.000 ₫ is above their 1.000.000 ₫, so it
    // climbs to the director at once.
    const big = (
      await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'refund',
        amountMinor: 1_600_000,
        currency: 'VND',
      })
    ).json().approval;
    const byManager = await o.manager.post(`/api/approvals/${big.id}/decision`, {
      decision: 'approve',
    });
    expect(byManager.json()).toMatchObject({
      status: 'pending',
      level: 2,
      approverId: o.director.id,
      climbs: [expect.objectContaining({ reason: 'approver_limit' })],
    });
    // The director is a manager too (1.000.000 ₫): up again, to the CEO, who may grant it.
    const byDirector = await o.directorClient.post(`/api/approvals/${big.id}/decision`, {
      decision: 'approve',
    });
    expect(byDirector.json()).toMatchObject({ level: 3, approverId: o.users.admin.id });
    const byCeo = await o.admin.post(`/api/approvals/${big.id}/decision`, { decision: 'approve' });
    expect(byCeo.json()).toMatchObject({ status: 'approved', decidedAmountMinor: 1_600_000 });
  });

  it('of another org answer 404', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg();
    const other = await rewardOrg();
    const complaint = await fixedCase(o.agent);
    const approval = (
      await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'voucher',
        amountMinor: 400_000,
        currency: 'VND',
      })
    ).json().approval;
    const theirs = [
      await other.agent.get(`/api/complaints/${complaint.id}/rewards`),
      await other.agent.get(
        `/api/complaints/${complaint.id}/authority?type=voucher&amountMinor=1&currency=VND`,
      ),
      await other.agent.post(`/api/complaints/${complaint.id}/gifts`, { giftId: other.gift.id }),
      await other.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'voucher',
        amountMinor: 1,
        currency: 'VND',
      }),
      await other.admin.post(`/api/approvals/${approval.id}/decision`, { decision: 'approve' }),
      await other.admin.request('PUT', `/api/gift-catalogue/${o.gift.id}`, {
        kind: 'voucher',
        name: 'x',
        valueMinor: 1,
        currency: 'VND',
      }),
      await other.admin.request('PUT', `/api/reward-budgets/${o.budget.id}`, {
        departmentId: other.care.id,
        purpose: 'gift',
        period: 'month',
        periodStart: '2026-03-01',
        currency: 'VND',
        amountMinor: 1,
      }),
    ];
    expect(theirs.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    // Nor can a gift from another org's catalogue be given on one's own case.
    const mine = await fixedCase(other.agent);
    const foreignGift = await other.agent.post(`/api/complaints/${mine.id}/gifts`, {
      giftId: o.gift.id,
    });
    expect(foreignGift.statusCode).toBe(400);
    expect(foreignGift.json().error.field).toBe('giftId');
    expect((await other.manager.get('/api/approvals?scope=all')).json().items).toEqual([]);
  });

  it('take every naughty string in every new text field, kept as written', async () => {
    ctx.clock.set(MONDAY_9);
    const o = await rewardOrg({ giftBudget: 1_000_000_000 });
    const complaint = await fixedCase(o.agent);
    const serverErrors: string[] = [];
    const check = (at: string, input: string, status: number) => {
      if (status >= 500) serverErrors.push(`${at}: ${JSON.stringify(input)} → ${status}`);
    };
    for (let i = 0; i < blns.length; i += 25) {
      const batch = blns.slice(i, i + 25);
      const gifts = await Promise.all(
        batch.map((name) =>
          o.admin.post('/api/gift-catalogue', {
            kind: 'small_gift',
            name,
            valueMinor: 1,
            currency: 'VND',
          }),
        ),
      );
      gifts.forEach((r, k) => {
        check('gift name', batch[k]!, r.statusCode);
        if (r.statusCode === 201) expect(r.json().name).toBe(batch[k]);
        else expect(r.json().error.field).toBe('name');
      });
      const rules = await Promise.all(
        batch.map((tier) =>
          o.admin.post('/api/authority-rules', { role: 'agent', tier, currency: 'VND' }),
        ),
      );
      rules.forEach((r, k) => check('rule tier', batch[k]!, r.statusCode));
      const accepted = gifts.find((g) => g.statusCode === 201)?.json();
      // The grants go one after another (each locks the case): every fourth string.
      for (const [k, text] of batch.entries()) {
        if (k % 4 !== 0) continue;
        const gift = await o.agent.post(`/api/complaints/${complaint.id}/gifts`, {
          giftId: accepted?.id ?? o.gift.id,
          reference: text,
          note: text,
        });
        check('gift reference/note', text, gift.statusCode);
        if (gift.statusCode === 201) expect(gift.json().grant.reference).toBe(batch[k]);
        const comp = await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
          type: 'repair',
          amountMinor: 1,
          currency: 'VND',
          reference: text,
          note: text,
        });
        check('compensation reference/note', text, comp.statusCode);
      }
    }
    // A decline reason, on an approval each.
    for (const reason of blns.filter((_s, i) => i % 40 === 0)) {
      const approval = (
        await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
          type: 'refund',
          amountMinor: 900_000,
          currency: 'VND',
        })
      ).json().approval;
      const declined = await o.manager.post(`/api/approvals/${approval.id}/decision`, {
        decision: 'decline',
        reason,
      });
      check('decline reason', reason, declined.statusCode);
      if (declined.statusCode === 200) expect(declined.json().declineReason).toBe(reason);
      else expect(declined.json().error.field).toBe('reason');
    }
    expect(serverErrors).toEqual([]);
  }, 300_000);
});

describe('webhooks of grants', () => {
  it('send compensation.granted and gift.granted with the grant, signed like every event', async () => {
    ctx.clock.set(MONDAY_9);
    const receiver = await startReceiver();
    try {
      const o = await rewardOrg();
      const hook = await o.admin.post('/api/webhooks', {
        url: receiver.url,
        events: ['compensation.granted', 'gift.granted'],
        allowPrivate: true,
      });
      expect(hook.statusCode, hook.body).toBe(201);
      const complaint = await fixedCase(o.agent);
      const paid = await o.agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'voucher',
        amountMinor: 200_000,
        currency: 'VND',
        reference: 'GV-1',
      });
      expect(paid.statusCode, paid.body).toBe(201);
      const given = await o.agent.post(`/api/complaints/${complaint.id}/gifts`, {
        giftId: o.gift.id,
      });
      expect(given.statusCode, given.body).toBe(201);
      await ctx.drainJobs(o.org.id);
      const got = receiver.received.map((r) => JSON.parse(r.body));
      expect(got.map((p) => p.type).sort()).toEqual(['compensation.granted', 'gift.granted']);
      const comp = got.find((p) => p.type === 'compensation.granted');
      expect(comp).toMatchObject({
        orgId: o.org.id,
        data: {
          complaint: { id: complaint.id, reference: complaint.reference },
          grant: {
            id: paid.json().grant.id,
            kind: 'compensation',
            type: 'voucher',
            amountMinor: 200_000,
            currency: 'VND',
            reference: 'GV-1',
            approvalLevel: 0,
          },
        },
      });
      expect(got.find((p) => p.type === 'gift.granted').data.grant).toMatchObject({
        kind: 'gift',
        amountMinor: 200_000,
      });
      expect(receiver.received[0]!.headers['webhook-signature']).toMatch(/^v1,/);
    } finally {
      await receiver.close();
    }
  });
});
