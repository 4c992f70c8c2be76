import { systemActor, type Scope } from '../platform/actor.ts';
import type { Db } from '../platform/db/index.ts';
import {
  cohortMembers,
  insertOrders,
  insertReferrals,
  insertSubscriptionEvents,
  type NewOrder,
  type NewReferral,
  type NewSubscriptionEvent,
} from '../modules/commerce/index.ts';
import { rolePermissions } from '../modules/kernel/index.ts';
import type { createServices } from './app.ts';
import { seededRandom } from './demo-stories.ts';
import { familyNames, givenNames, middleNames } from './vietnamese-names.ts';

const DAY = 86_400_000;
/** What a regular customer spends in 90 days, in đồng: the brief's "$100". */
const QUARTER_SPEND = 2_500_000;

/**
 * How each cohort behaves after its reference, shaped on the brief's table: customers without
 * a complaint spend 100, those resolved at first contact 106, the unresolved 20. `buyers` is the
 * share that orders again at all, `spend` the cohort's mean over all its customers (in units of
 * QUARTER_SPEND), `cancels` the share of subscribers who cancel a month after the reference,
 * `refers` the share who refer someone.
 */
const behaviour = {
  no_complaint: { buyers: 1, spend: 1, cancels: 0.1, refers: 0.1 },
  first_contact: { buyers: 0.9, spend: 1.06, cancels: 0.1, refers: 0.2 },
  more_contacts: { buyers: 0.7, spend: 0.75, cancels: 0.3, refers: 0.1 },
  unresolved: { buyers: 0.3, spend: 0.2, cancels: 0.6, refers: 0 },
} as const;
type Kind = keyof typeof behaviour;

// Spreads that average to 1 over every five customers, so the cohorts' means keep their shape.
const factors = [0.8, 1.2, 0.9, 1.1, 1.0] as const;
const periods = [18, 30, 45] as const; // days between orders: 5, 3 or 2 orders in 90 days
/** Whether the i-th customer of a cohort has the property that `share` of them have. */
const isAmong = (i: number, share: number) => (i * 7) % 10 < Math.round(share * 10);
const roundThousand = (v: number) => Math.round(v / 1000) * 1000;

type Person = { id: string; name: string };
type Customer = { id: string; kind: Kind; referenceAt: Date | null; index: number };

/** The orders, subscription events and referrals of the demo's customers, deterministically. */
export function demoCommerce(customers: readonly Customer[], now: Date) {
  const orders: NewOrder[] = [];
  const events: NewSubscriptionEvent[] = [];
  const referrals: NewReferral[] = [];
  const start = now.getTime() - 300 * DAY;
  const baseline = customers.filter((c) => c.kind === 'no_complaint');
  for (const c of customers) {
    const b = behaviour[c.kind];
    const period = periods[c.index % periods.length]!;
    const factor = factors[c.index % factors.length]!;
    const regular = roundThousand((QUARTER_SPEND * factor * period) / 90);
    const ref = c.referenceAt?.getTime() ?? now.getTime();
    const phase = ((c.index * 11) % period) * DAY + 3 * 3_600_000;
    // Before the reference (or always, for the baseline), a regular customer.
    for (let t = start + phase; t < ref; t += period * DAY)
      orders.push({
        externalId: `demo-o-${c.id}-${orders.length}`,
        customerId: c.id,
        orderedAt: new Date(t),
        amountMinor: regular,
        currency: 'VND',
        channel: c.index % 3 === 0 ? 'Cửa hàng Quận 1' : 'web',
      });
    if (c.referenceAt && isAmong(c.index, b.buyers)) {
      const after = roundThousand((QUARTER_SPEND * (b.spend / b.buyers) * factor * period) / 90);
      for (let t = ref + period * DAY; t < now.getTime(); t += period * DAY)
        orders.push({
          externalId: `demo-o-${c.id}-${orders.length}`,
          customerId: c.id,
          orderedAt: new Date(t),
          amountMinor: after,
          currency: 'VND',
          channel: 'web',
        });
    }
    // A few buy once in dollars, on a trip: the report in đồng leaves those out and counts them.
    if (c.index % 25 === 3)
      orders.push({
        externalId: `demo-o-${c.id}-usd`,
        customerId: c.id,
        orderedAt: new Date(ref + 10 * DAY),
        amountMinor: 2_500,
        currency: 'USD',
        channel: 'web',
      });
    if (c.index % 2 === 0) {
      const sub = `demo-sub-${c.id}`;
      events.push({
        externalId: `${sub}-start`,
        customerId: c.id,
        subscriptionRef: sub,
        kind: 'start',
        occurredAt: new Date(start - 30 * DAY),
        plan: 'Gói bảo dưỡng năm',
      });
      if (isAmong(c.index / 2, b.cancels)) {
        const cancelAt = c.referenceAt
          ? ref + 30 * DAY
          : start + (100 + ((c.index * 13) % 150)) * DAY;
        if (cancelAt < now.getTime())
          events.push({
            externalId: `${sub}-cancel`,
            customerId: c.id,
            subscriptionRef: sub,
            kind: 'cancel',
            occurredAt: new Date(cancelAt),
          });
      }
    }
    const referred = baseline[(c.index * 5 + 1) % Math.max(1, baseline.length)];
    if (isAmong(c.index, b.refers) && referred && referred.id !== c.id) {
      const at = c.referenceAt ? ref + 25 * DAY : start + (120 + (c.index % 60)) * DAY;
      if (at < now.getTime())
        referrals.push({
          externalId: `demo-r-${c.id}`,
          referrerCustomerId: c.id,
          referredCustomerId: referred.id,
          referredAt: new Date(at),
        });
    }
  }
  return { orders, events, referrals };
}

/**
 * Commerce in the demo org: sixty customers who never complained buy regularly; each
 * complainant buys regularly until their first complaint and then as their complaint's outcome
 * suggests, so the cohort report shows the brief's shape. Multi-row inserts: under a second.
 */
export async function seedDemoCohorts(input: {
  services: ReturnType<typeof createServices>;
  db: Db;
  clock: { set(at: Date): void };
  orgId: string;
  now: Date;
  admin?: Person;
  agent?: Person;
}): Promise<{
  orders: number;
  subscriptionEvents: number;
  referrals: number;
  winBackEntries: number;
  ms: number;
}> {
  const startedAt = performance.now();
  const { services, db, orgId, now } = input;
  const random = seededRandom(20261202);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const scopeOf = (p: Person | undefined, role: 'admin' | 'agent'): Scope => ({
    orgId,
    actor: p ? { type: 'user', id: p.id, name: p.name } : systemActor,
    permissions: new Set(rolePermissions[role]),
  });
  const admin = scopeOf(input.admin, 'admin');
  const complainants = await cohortMembers(db, orgId, {
    from: new Date(now.getTime() - 400 * DAY),
    to: new Date(now.getTime() + DAY),
    days: 90,
    currency: 'VND',
    now,
  });
  const customers: Customer[] = [];
  const counters: Record<Kind, number> = {
    no_complaint: 0,
    first_contact: 0,
    more_contacts: 0,
    unresolved: 0,
  };
  for (const m of complainants)
    customers.push({
      id: m.customerId,
      kind: m.cohort,
      referenceAt: m.referenceAt,
      index: counters[m.cohort]++,
    });
  for (let i = 0; i < 60; i++) {
    const created = await services.customers.upsertCustomer(admin, {
      name: `${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`,
      email: `thanthiet${i + 1}@example.vn`,
    });
    customers.push({ id: created.id, kind: 'no_complaint', referenceAt: null, index: i });
  }
  const { orders, events, referrals } = demoCommerce(customers, now);
  await db.transaction().execute(async (tx) => {
    await insertOrders(tx, orgId, orders);
    await insertSubscriptionEvents(tx, orgId, events);
    await insertReferrals(tx, orgId, referrals);
  });
  const winBackEntries = await seedDemoWinBack(input, scopeOf(input.agent, 'agent'));
  return {
    orders: orders.length,
    subscriptionEvents: events.length,
    referrals: referrals.length,
    winBackEntries,
    ms: Math.round(performance.now() - startedAt),
  };
}

/**
 * The win-back queue as it stood three weeks ago, worked since: a quarter won back (each
 * ordering once since), a quarter unreachable or declined, a quarter called once, a quarter not yet called.
 */
async function seedDemoWinBack(
  input: {
    services: ReturnType<typeof createServices>;
    db: Db;
    clock: { set(at: Date): void };
    orgId: string;
    now: Date;
  },
  agent: Scope,
): Promise<number> {
  const { services, clock, now } = input;
  const then = now.getTime() - 21 * DAY;
  clock.set(new Date(then));
  const queue = await services.winBack.list(agent, { status: 'open' });
  const wonBack: NewOrder[] = [];
  for (const [i, entry] of queue.items.entries()) {
    clock.set(new Date(then + (i % 7) * 3_600_000));
    if (i % 4 === 3) continue;
    const ownerId = agent.actor.type === 'user' ? agent.actor.id : null;
    await services.winBack.update(agent, entry.id, { ownerId });
    const outcome = (['won_back', i % 8 === 1 ? 'declined' : 'unreachable', null] as const)[i % 4];
    await services.winBack.attempt(agent, entry.id, {
      note: outcome === 'won_back' ? 'Khách nhận ưu đãi, đặt đơn lại' : 'Đã gọi, hẹn gọi lại',
      ...(outcome ? { outcome } : {}),
    });
    // One modest order after the call: a customer won back is not yet a regular again.
    if (outcome === 'won_back')
      wonBack.push({
        externalId: `demo-wb-${entry.id}`,
        customerId: entry.customerId,
        orderedAt: new Date(then + 4 * DAY),
        amountMinor: 300_000,
        currency: 'VND',
        channel: 'web',
      });
  }
  await insertOrders(input.db, input.orgId, wonBack);
  clock.set(now);
  return queue.items.length;
}
