import type { Scope } from '../platform/actor.ts';
import type { ManualClock } from '../platform/clock.ts';
import type { createServices } from './app.ts';

type Services = ReturnType<typeof createServices>;

const HOUR = 3_600_000;

const updateNotes = [
  'Đã gọi xin lỗi khách, xác nhận hàng đã giao lại đầy đủ.',
  'Gặp khách tại cửa hàng, khách hài lòng với cách xử lý.',
  'Gửi e-mail cảm ơn khách đã phản ánh, nêu rõ những gì đã khắc phục.',
  'Nhắn tin Zalo cho khách, khách cảm ơn vì được quản lý liên hệ.',
] as const;

/**
 * Step 6 of one demo case just fixed: the manager's update (mostly on time, some late, a few
 * missing) and the call-back after the promised date (mostly "works"; some "not fixed", which
 * reopens the case, a new commitment and a second fix; some unreachable after three tries; a
 * few declined). Returns whether the case is still fixed.
 */
export async function demoFollowUps(input: {
  services: Services;
  clock: ManualClock;
  now: Date;
  random: () => number;
  id: string;
  agent: Scope;
  manager: Scope;
}): Promise<boolean> {
  const { services, clock, now, random, id, agent, manager } = input;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const before = (at: number) => at < now.getTime() - HOUR;
  const tasks = (await services.complaints.followUpsOf(agent, id)).items;
  const update = tasks.find((t) => t.kind === 'manager_update' && t.status === 'due');
  const call = tasks.find((t) => t.kind === 'verification' && t.status === 'due');
  const fixedAt = clock.now().getTime();

  const roll = random();
  const updateAt = fixedAt + (roll < 0.78 ? 1 + random() * 5 : 30 + random() * 40) * HOUR;
  if (update && roll < 0.92 && before(updateAt)) {
    clock.set(new Date(updateAt));
    await services.complaints.recordManagerUpdate(manager, update.id, {
      method: pick(['call', 'call', 'visit', 'email', 'chat'] as const),
      note: pick(updateNotes),
    });
  }

  if (!call?.dueAt) return true;
  const callAt = Math.max(clock.now().getTime() + HOUR, Date.parse(call.dueAt) - 3 * HOUR);
  if (!before(callAt)) return true;
  clock.set(new Date(callAt));
  const outcome = random();
  if (outcome < 0.7) {
    await services.complaints.recordVerification(agent, call.id, {
      outcome: 'works',
      note: 'Khách xác nhận đã ổn.',
    });
    return true;
  }
  if (outcome < 0.82) {
    await services.complaints.recordVerification(agent, call.id, {
      outcome: 'not_fixed',
      note: 'Khách báo lỗi vẫn còn, cần xử lý lại.',
    });
    const dueAt = new Date(clock.now().getTime() + 2 * 24 * HOUR).toISOString();
    await services.commitments.commit(agent, id, { dueAt, reason: 'Khắc phục lại theo phản hồi' });
    const again = clock.now().getTime() + 30 * HOUR;
    if (!before(again)) return false;
    clock.set(new Date(again));
    await services.complaints.changeStatus(agent, id, 'fixed', 'Đã khắc phục lại');
    return true;
  }
  if (outcome < 0.94) {
    for (const gap of [0, 4, 24]) {
      clock.advance(gap * HOUR);
      if (!before(clock.now().getTime())) return true;
      await services.complaints.recordVerification(agent, call.id, { outcome: 'unreachable' });
    }
    return true;
  }
  await services.complaints.recordVerification(agent, call.id, {
    outcome: 'declined',
    note: 'Khách bận, không muốn trả lời.',
  });
  return true;
}
