import { createManualClock } from '../platform/clock.ts';
import type { Scope } from '../platform/actor.ts';
import { createServices } from './app.ts';
import { retirePendingJobs } from '../platform/jobs/index.ts';
import { sendMail } from '../modules/mail/index.ts';
import type { Runtime } from './runtime.ts';
import { rolePermissions } from '../modules/kernel/index.ts';
import { familyNames, givenNames, middleNames, mobilePrefixes } from './vietnamese-names.ts';
import { seededRandom, stories } from './demo-stories.ts';
import { demoFollowUps } from './demo-follow-ups.ts';
import { seedDemoRewards } from './demo-rewards.ts';
import { seedDemoProblems } from './demo-problems.ts';
import { seedDemoCohorts } from './demo-cohorts.ts';

export const DEMO_ORG_SLUG = 'demo';
export const DEMO_PASSWORD = 'Demo@12345';
export const demoUsers = [
  { email: 'admin@demo.ombud.vn', name: 'Nguyễn Văn An', role: 'admin' },
  { email: 'manager@demo.ombud.vn', name: 'Trần Thị Bình', role: 'manager' },
  { email: 'agent@demo.ombud.vn', name: 'Lê Minh Châu', role: 'agent' },
  { email: 'responder@demo.ombud.vn', name: 'Phạm Quốc Dũng', role: 'responder' },
  { email: 'quality@demo.ombud.vn', name: 'Hoàng Thu Hà', role: 'quality' },
] as const;

/**
 * The demo org "Công ty TNHH Demo": departments, one user of each role, reasons, templates,
 * customers, and a few hundred complaints over the last six months at different points of the
 * loop. Times are set by moving an injected clock, so every event is as if it happened then.
 */
export async function seedDemo(
  runtime: Runtime,
  options: {
    complaints?: number;
    /** Called as the demo grows: once the people can sign in, then after each complaint. */
    onProgress?: (progress: DemoProgress) => void;
  } = {},
): Promise<{
  orgId: string;
  complaints: number;
  commerce: { orders: number; subscriptionEvents: number; referrals: number; ms: number };
}> {
  const { database, config, logger } = runtime;
  const db = database.db;
  const now = runtime.clock.now();
  const clock = createManualClock(new Date(now.getTime() - 183 * 86_400_000));
  const services = createServices({ config, db, clock, logger });
  const random = seededRandom(20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const org = await services.provisioning.provisionOrg({
    slug: DEMO_ORG_SLUG,
    name: 'Công ty TNHH Demo',
    referencePrefix: 'KN',
  });
  const system = { type: 'system' as const, id: null, name: 'Ombud' };
  const board = await services.org.createDepartment(org.id, system, { name: 'Ban Giám đốc' });
  const care = await services.org.createDepartment(org.id, system, {
    name: 'Chăm sóc khách hàng',
    parentId: board.id,
  });
  const logistics = await services.org.createDepartment(org.id, system, {
    name: 'Giao vận',
    parentId: board.id,
  });
  await services.org.createDepartment(org.id, system, { name: 'Kế toán', parentId: board.id });
  const quality = await services.org.createDepartment(org.id, system, {
    name: 'Quản lý chất lượng',
    parentId: board.id,
  });

  const departmentOf: Record<string, string> = {
    admin: board.id,
    manager: care.id,
    agent: care.id,
    responder: logistics.id,
    quality: quality.id,
  };
  const users: Record<string, { id: string; name: string }> = {};
  for (const u of demoUsers) {
    const created = await services.org.createUser(org.id, system, {
      name: u.name,
      email: u.email,
      role: u.role,
      departmentId: departmentOf[u.role] ?? null,
      managerId:
        u.role === 'agent'
          ? (users.manager?.id ?? null)
          : u.role === 'manager'
            ? (users.admin?.id ?? null)
            : null,
      locale: 'vi',
      password: DEMO_PASSWORD,
    });
    users[u.role] = { id: created.id, name: created.name };
  }
  await services.org.updateDepartment(org.id, system, board.id, { headUserId: users.admin!.id });
  await services.org.updateDepartment(org.id, system, care.id, { headUserId: users.manager!.id });
  await services.org.updateDepartment(org.id, system, logistics.id, {
    headUserId: users.responder!.id,
  });
  await services.org.updateDepartment(org.id, system, quality.id, {
    headUserId: users.quality!.id,
  });
  // A second agent, so the queue has more than one owner.
  const agent2 = await services.org.createUser(org.id, system, {
    name: 'Đỗ Thanh Tâm',
    email: 'agent2@demo.ombud.vn',
    role: 'agent',
    departmentId: care.id,
    managerId: users.manager!.id,
    locale: 'vi',
    password: DEMO_PASSWORD,
  });

  const reasons = new Map((await services.reasons.list(org.id)).map((r) => [r.code, r.id]));
  const accounting = (await services.org.listDepartments(org.id)).find(
    (d) => d.name === 'Kế toán',
  )!;
  // The task catalogue: each task type has an owning department and a standard duration.
  const taskTypes = {
    redeliver: await services.commitments.createTaskType(
      org.id,
      system,
      {
        name: 'Giao lại hàng',
        departmentId: logistics.id,
        durationAmount: 2,
        durationUnit: 'business_days',
        calendarId: null,
        active: true,
      },
      'vi',
    ),
    exchange: await services.commitments.createTaskType(
      org.id,
      system,
      {
        name: 'Đổi sản phẩm',
        departmentId: logistics.id,
        durationAmount: 3,
        durationUnit: 'business_days',
        calendarId: null,
        active: true,
      },
      'vi',
    ),
    refund: await services.commitments.createTaskType(
      org.id,
      system,
      {
        name: 'Hoàn tiền',
        departmentId: accounting.id,
        durationAmount: 5,
        durationUnit: 'business_days',
        calendarId: null,
        active: true,
      },
      'vi',
    ),
    repair: await services.commitments.createTaskType(
      org.id,
      system,
      {
        name: 'Sửa chữa, bảo hành',
        departmentId: quality.id,
        durationAmount: 7,
        durationUnit: 'business_days',
        calendarId: null,
        active: true,
      },
      'vi',
    ),
    callback: await services.commitments.createTaskType(
      org.id,
      system,
      {
        name: 'Gọi lại giải thích',
        departmentId: care.id,
        durationAmount: 4,
        durationUnit: 'business_hours',
        calendarId: null,
        active: true,
      },
      'vi',
    ),
  };
  const taskFor: Record<string, keyof typeof taskTypes> = {
    'delivery.late': 'redeliver',
    'delivery.damaged': 'exchange',
    'delivery.wrong_item': 'exchange',
    'billing.overcharge': 'refund',
    'billing.refund': 'refund',
    'product.defect': 'repair',
    'product.warranty': 'repair',
    'service.attitude': 'callback',
    'service.no_callback': 'callback',
    'technical.outage': 'repair',
    'technical.app': 'refund',
  };
  const responder = { type: 'user' as const, id: users.responder!.id, name: users.responder!.name };
  const people = Array.from({ length: 140 }, (_, i) => {
    const name = `${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`;
    const phone = `0${pick(mobilePrefixes)}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
    return {
      name,
      phone,
      email: i % 3 === 0 ? null : `khach${i + 1}@example.vn`,
      tier: pick(['standard', 'standard', 'silver', 'gold']),
    };
  });

  const total = options.complaints ?? 300;
  const span = 182 * 86_400_000;
  const agents = [users.agent!, { id: agent2.id, name: agent2.name }];
  const manager: Scope = {
    orgId: org.id,
    actor: { type: 'user', id: users.manager!.id, name: users.manager!.name },
    permissions: new Set(rolePermissions.manager),
  };
  for (let i = 0; i < total; i++) {
    options.onProgress?.({ complaints: i, total });
    // Office hours in Vietnam (UTC+7): 08:00–18:00 local, over six months, busier lately so that
    // the queue has live work.
    const day = Math.floor((i / total) ** 0.6 * (span / 86_400_000));
    const at = new Date(now.getTime() - span + day * 86_400_000);
    at.setUTCHours(1 + Math.floor(random() * 10), Math.floor(random() * 60), 0, 0);
    clock.set(at);
    const agent = pick(agents);
    const scope: Scope = {
      orgId: org.id,
      actor: { type: 'user', id: agent.id, name: agent.name },
      permissions: new Set(rolePermissions.agent),
    };
    const story = pick(stories);
    const person = pick(people);
    const channel = pick(['phone', 'phone', 'web', 'email', 'walk_in', 'chat', 'social'] as const);
    const created = await services.complaints.create(scope, {
      customer: {
        name: person.name,
        phone: person.phone,
        email: person.email,
        tier: person.tier,
        preferredLanguage: 'vi',
      },
      channel,
      reasonId: reasons.get(story.reason) ?? null,
      severity: pick(['low', 'medium', 'medium', 'high', 'critical'] as const),
      productRef: story.product,
      orderRef: `DH${String(100_000 + i)}`,
      description: story.description,
      ask: { text: story.ask, amount: story.amount ?? null, currency: story.amount ? 'VND' : null },
      language: 'vi',
    });
    const id = created.complaint.id;
    const age = now.getTime() - at.getTime();
    if (age < 2 * 3_600_000 || (age < 5 * 86_400_000 && random() < 0.3)) continue;
    clock.advance(5 * 60_000 + Math.floor(random() * 40 * 60_000));
    const detail = await services.complaints.recordFacts(scope, id, {
      whatHappened: story.description,
      occurredAt: new Date(at.getTime() - 2 * 86_400_000).toISOString(),
      productRef: story.product,
      orderRef: `DH${String(100_000 + i)}`,
      askText: story.ask,
      askAmount: story.amount ?? null,
      askCurrency: story.amount ? 'VND' : null,
    });
    const version = detail.facts.current!.version;
    clock.advance(2 * 60_000);
    await services.complaints.sendReadBack(scope, id, version);
    if (age < 5 * 86_400_000 && random() < 0.3) continue;
    clock.advance(30 * 60_000 + Math.floor(random() * 6 * 3_600_000));
    if (random() < 0.5) {
      await services.complaints.confirmVerbally(scope, id, {
        version,
        confirmedBy: person.name,
        method: 'phone',
      });
    } else {
      await services.complaints.confirmVerbally(scope, id, {
        version,
        confirmedBy: person.name,
        method: 'in_person',
        note: 'Khách xác nhận tại quầy',
      });
    }
    clock.advance(10 * 60_000);
    const [apology] = await services.complaints.suggestions(scope, id, 'apologise');
    if (apology)
      await services.complaints.sendMessage(scope, id, {
        step: 'apologise',
        subject: apology.subject,
        body: apology.body,
      });
    // Step 4: a commitment from the catalogue, or a deadline request answered by the department.
    clock.advance(5 * 60_000);
    const task = taskTypes[taskFor[story.reason] ?? 'callback'];
    let dueAt: string;
    if (random() < 0.2 && task.departmentId === logistics.id) {
      const request = await services.commitments.requestDeadline(scope, id, {
        departmentId: logistics.id,
        question: `Khi nào xử lý được đơn DH${String(100_000 + i)}?`,
      });
      clock.advance((3 + Math.floor(random() * 20)) * 60_000);
      const answer = new Date(
        clock.now().getTime() + (1 + Math.floor(random() * 3)) * 86_400_000,
      ).toISOString();
      await services.commitments.answerDeadlineRequest(
        { orgId: org.id, actor: responder, permissions: new Set(rolePermissions.responder) },
        request.id,
        { dueAt: answer, note: 'Đã xếp lịch xe' },
      );
      await services.commitments.commit(scope, id, {
        dueAt: answer,
        deadlineRequestId: request.id,
      });
      dueAt = answer;
    } else {
      dueAt = (await services.commitments.propose(org.id, id, task.id, 'vi')).dueAt;
      await services.commitments.commit(scope, id, { dueAt, taskTypeId: task.id });
    }
    const committedAt = clock.now().getTime();
    const due = new Date(dueAt).getTime();
    if (random() < 0.12 && due < now.getTime()) {
      clock.set(new Date(due - 3_600_000));
      const later = new Date(due + (1 + Math.floor(random() * 3)) * 86_400_000).toISOString();
      await services.commitments.commit(scope, id, {
        dueAt: later,
        reason: 'Nhà cung cấp giao linh kiện chậm',
      });
    }
    // Most fixes land before the promise; some slip, as they do.
    const share = random() < 0.8 ? 0.3 + random() * 0.7 : 1.05 + random() * 0.9;
    const fixAt = committedAt + (due - committedAt) * share;
    if (fixAt < now.getTime() - 86_400_000) {
      clock.set(new Date(Math.max(fixAt, clock.now().getTime() + 60_000)));
      await services.complaints.changeStatus(scope, id, 'fixed', 'Đã khắc phục xong');
      const stillFixed = await demoFollowUps({
        services,
        clock,
        now,
        random,
        id,
        agent: scope,
        manager,
      });
      if (stillFixed && random() < 0.7 && clock.now().getTime() < now.getTime() - 2 * 86_400_000) {
        clock.advance(2 * 86_400_000);
        await services.complaints.changeStatus(scope, id, 'closed', null);
      }
    }
  }
  await seedDemoRewards({
    services,
    db,
    clock,
    orgId: org.id,
    now,
    careId: care.id,
    admin: users.admin!,
    manager: users.manager!,
    agents,
  });
  await seedDemoProblems({
    services,
    clock,
    orgId: org.id,
    now,
    reasons,
    people: {
      quality: users.quality!,
      agent: users.agent!,
      responder: users.responder!,
      manager: users.manager!,
    },
    departments: { care: care.id, logistics: logistics.id, quality: quality.id },
  });
  // Orders, subscriptions and referrals after the complaints, and the win-back calls so far.
  const commerce = await seedDemoCohorts({ services, db, clock, orgId: org.id, now, ...users });
  logger.info(commerce, 'demo commerce created');
  // Seeded mail, warnings and escalations are history, not news: keep the mail in the mailbox
  // and retire the jobs whose time has passed; then derive today's clocks with the real time.
  await db.transaction().execute(async (tx) => {
    await runtime.services.mail.keepAllQueued(tx, org.id);
    await retirePendingJobs(tx, org.id, { names: [sendMail.name], runBefore: now, at: now });
  });
  await runtime.services.complaints.clocks.recomputeOrg(org.id);
  logger.info({ org: org.slug, complaints: total }, 'demo data created');
  return { orgId: org.id, complaints: total, commerce };
}

export type DemoProgress = { complaints: number; total: number };

/**
 * The demo for a first start: nothing when the database already has an org. Otherwise the
 * returned promise settles when the demo is complete, and `progress()` tells how far it is,
 * so the server can answer while the demo is still being made.
 */
export async function startDemoIfEmpty(
  runtime: Runtime,
): Promise<{ done: Promise<void>; progress(): DemoProgress } | undefined> {
  if (await runtime.services.org.hasAnyOrg()) return undefined;
  let progress: DemoProgress = { complaints: 0, total: 0 };
  const done = seedDemo(runtime, { onProgress: (p) => (progress = p) }).then(() => undefined);
  return { done, progress: () => progress };
}
