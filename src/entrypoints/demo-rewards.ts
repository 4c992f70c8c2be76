import type { Scope } from '../platform/actor.ts';
import type { Db } from '../platform/db/index.ts';
import { rolePermissions } from '../modules/kernel/index.ts';
import { rewardEligibilityOf } from '../modules/complaints/index.ts';
import type { createServices } from './app.ts';

type Person = { id: string; name: string };

/** The first day of the month `monthsAgo` before `now`, in Vietnam, YYYY-MM-DD. */
function monthStart(now: Date, monthsAgo: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsAgo;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Step 7 and empowerment in the demo org: a gift catalogue, a gift budget per month and a
 * compensation budget per quarter for customer care, authority rules by role, and a history of
 * gifts, compensation and approvals on cases fixed in the last months, plus two approvals that
 * wait for the manager today. A few dozen writes, so the first start stays fast.
 */
export async function seedDemoRewards(input: {
  services: ReturnType<typeof createServices>;
  db: Db;
  clock: { set(at: Date): void; advance(ms: number): void };
  orgId: string;
  now: Date;
  careId: string;
  admin: Person;
  manager: Person;
  agents: readonly Person[];
}): Promise<void> {
  const { services, db, clock, orgId, now, careId } = input;
  const rewards = services.rewards;
  const scopeOf = (p: Person, role: 'admin' | 'manager' | 'agent'): Scope => ({
    orgId,
    actor: { type: 'user', id: p.id, name: p.name },
    permissions: new Set(rolePermissions[role]),
  });
  const admin = scopeOf(input.admin, 'admin');
  clock.set(new Date(now.getTime() - 190 * 86_400_000));

  const gifts: { id: string }[] = [];
  for (const gift of [
    { kind: 'voucher', name: 'Phiếu mua hàng 200.000 ₫', valueMinor: 200_000 },
    { kind: 'discount_code', name: 'Mã giảm giá 15% đơn kế tiếp', valueMinor: 150_000 },
    { kind: 'small_gift', name: 'Bộ cốc sứ Ombud', valueMinor: 120_000 },
    {
      kind: 'free_service_period',
      name: 'Miễn phí 1 tháng dịch vụ bảo dưỡng',
      valueMinor: 300_000,
    },
  ] as const)
    gifts.push(await rewards.createGift(admin, { ...gift, currency: 'VND', active: true }));

  for (let k = 0; k <= 6; k++)
    await rewards.createBudget(admin, {
      departmentId: careId,
      purpose: 'gift',
      period: 'month',
      periodStart: monthStart(now, k),
      currency: 'VND',
      amountMinor: 3_000_000,
    });
  for (const k of [0, 3, 6])
    await rewards.createBudget(admin, {
      departmentId: careId,
      purpose: 'compensation',
      period: 'quarter',
      periodStart: monthStart(now, k),
      currency: 'VND',
      amountMinor: 40_000_000,
    });

  const rule = {
    type: null,
    tier: null,
    minTenureMonths: null,
    minValueMinor: null,
    currency: 'VND',
    perCaseMinor: null,
    perPeriodMinor: null,
    period: 'month',
    askSharePercent: null,
    active: true,
  } as const;
  for (const r of [
    { ...rule, role: 'agent', type: 'gift', perCaseMinor: 300_000 },
    { ...rule, role: 'agent', type: 'voucher', perCaseMinor: 250_000, perPeriodMinor: 3_000_000 },
    { ...rule, role: 'agent', type: 'discount', perCaseMinor: 250_000 },
    { ...rule, role: 'agent', type: 'free_period', perCaseMinor: 300_000 },
    { ...rule, role: 'agent', type: 'refund', perCaseMinor: 200_000, askSharePercent: 50 },
    { ...rule, role: 'agent', type: 'voucher', tier: 'gold', perCaseMinor: 500_000 },
    { ...rule, role: 'manager', perCaseMinor: 2_000_000, perPeriodMinor: 20_000_000 },
    { ...rule, role: 'admin' },
  ] as const)
    await rewards.createRule(admin, r);

  // History: on cases closed after their fix, a gift, a compensation within authority, or one
  // the manager approved (or declined) some minutes later.
  const closed = await services.complaints.list(
    admin,
    { scope: 'all', status: 'closed', page: 1, pageSize: 24 },
    'vi',
  );
  const agentOf = (ownerId: string | null) =>
    input.agents.find((a) => a.id === ownerId) ?? input.agents[0]!;
  const manager = scopeOf(input.manager, 'manager');
  for (const [i, item] of closed.items.entries()) {
    const facts = await rewardEligibilityOf(db, orgId, item.id);
    if (!facts?.fixedAt) continue;
    clock.set(new Date(facts.fixedAt.getTime() + 3_600_000));
    const agent = scopeOf(agentOf(item.ownerId), 'agent');
    const attempt = async (fn: () => Promise<unknown>) => {
      // A month's budget or a limit can run out in the demo as in life: the case goes without.
      await fn().catch(() => undefined);
    };
    switch (i % 3) {
      case 0:
        await attempt(() =>
          rewards.grantGift(agent, item.id, {
            giftId: gifts[i % gifts.length]!.id,
            reference: `QT-${String(1000 + i)}`,
          }),
        );
        break;
      case 1:
        await attempt(() =>
          rewards.grantCompensation(agent, item.id, {
            type: 'voucher',
            amountMinor: 100_000 + (i % 4) * 50_000,
            currency: 'VND',
            reference: `PMH-${String(5000 + i)}`,
          }),
        );
        break;
      default: {
        const asked = await rewards
          .grantCompensation(agent, item.id, {
            type: 'refund',
            amountMinor: 400_000 + (i % 5) * 100_000,
            currency: 'VND',
            note: 'Khách hàng lâu năm, đơn hàng giá trị cao',
          })
          .catch(() => undefined);
        if (!asked?.approval) break;
        clock.advance((15 + ((i * 37) % 200)) * 60_000);
        await attempt(() =>
          rewards.decide(
            manager,
            asked.approval!.id,
            i % 4 === 2
              ? { decision: 'decline', reason: 'Đã tặng phiếu mua hàng thay cho hoàn tiền' }
              : { decision: 'approve' },
          ),
        );
      }
    }
  }

  // Today: two requests wait for the manager on cases fixed and not yet closed.
  clock.set(new Date(now.getTime() - 20 * 60_000));
  const fixed = await services.complaints.list(
    admin,
    { scope: 'all', status: 'fixed', page: 1, pageSize: 2 },
    'vi',
  );
  for (const item of fixed.items)
    await services.rewards
      .grantCompensation(scopeOf(agentOf(item.ownerId), 'agent'), item.id, {
        type: 'free_period',
        amountMinor: 600_000,
        currency: 'VND',
        note: 'Khách đề nghị miễn phí hai tháng',
      })
      .catch(() => undefined);
}
