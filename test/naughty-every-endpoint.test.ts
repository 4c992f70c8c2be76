import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  multipart,
  multipartHeaders,
  nextAddress,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// Every text field of every write endpoint the API document lists (POST, PUT and PATCH, so the
// edit twin of each create too) gets each of the Big List of Naughty Strings. None may answer
// 5xx, and a 400 for bad input names the field. Endpoints added later are covered by themselves,
// because the list comes from the document, not from this file.

// Each field gets every STRIDE-th string, a different share for each field, so that every
// string meets some field on each run; NAUGHTY_STRIDE=1 sends every string to every field.
// NAUGHTY_ONLY=<text> keeps the operations whose "METHOD /path" contains it.
const STRIDE = Math.max(1, Number(process.env.NAUGHTY_STRIDE ?? 8) || 8);
const ONLY = process.env.NAUGHTY_ONLY ?? '';

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
};
type Operation = { method: string; path: string; schema: Schema };
type Fixtures = Record<string, any>;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const options = (s: Schema): Schema[] => s.anyOf ?? s.oneOf ?? [s];
const isNull = (s: Schema) => s.type === 'null';

/** Ids of real records, by the name a body or a path gives them. */
function idFor(name: string, fx: Fixtures): string | undefined {
  const key = name.replace(/Ids?$/, '');
  const aliases: Record<string, string> = {
    owner: 'user',
    assignee: 'user',
    parent: 'department',
    into: 'otherCustomer',
  };
  return fx[aliases[key] ?? key];
}

/** A valid value for a schema: the required fields only, real ids, future times. */
function sample(schema: Schema, name: string, fx: Fixtures, now: Date): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) {
    const choice = options(schema).find((o) => !isNull(o)) ?? options(schema)[0]!;
    return sample(choice, name, fx, now);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        out[key] = sample(schema.properties?.[key] ?? {}, key, fx, now);
      return out;
    }
    case 'array':
      return schema.minItems ? [sample(schema.items ?? {}, name, fx, now)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid')
        return idFor(name, fx) ?? '00000000-0000-4000-8000-000000000000';
      // A call happened already; deadlines lie ahead.
      if (schema.format === 'date-time' || name === 'startedAt')
        return new Date(now.getTime() + (name === 'startedAt' ? -1 : 3) * 86_400_000).toISOString();
      if (schema.format === 'email') return `fuzz-${name}@example.com`;
      // A public address by number (no lookup needed), and a phone number that parses.
      if (name === 'url' || schema.format === 'uri') return 'https://93.184.215.14/hook';
      if (name === 'host') return '93.184.215.14';
      if (name === 'number' || name === 'phone') return '0912345678';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case undefined:
    default:
      return null;
  }
}

/** Every place in a body where a string can stand, as a path of keys and array indexes. */
function stringLeaves(schema: Schema, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const option of options(schema)) {
    const type = Array.isArray(option.type) ? option.type : [option.type];
    if (type.includes('string')) out.push(at);
    if (type.includes('object'))
      for (const [key, child] of Object.entries(option.properties ?? {}))
        out.push(...stringLeaves(child, [...at, key]));
    if (type.includes('array') && option.items) out.push(...stringLeaves(option.items, [...at, 0]));
  }
  const seen = new Set<string>();
  return out.filter((leaf) => !seen.has(leaf.join('.')) && seen.add(leaf.join('.')));
}

/** The body with a value set at a leaf, building the objects and arrays on the way. */
function withValue(
  base: unknown,
  schema: Schema,
  leaf: (string | number)[],
  value: string,
  fx: Fixtures,
  now: Date,
): unknown {
  if (leaf.length === 0) return value;
  const [head, ...rest] = leaf;
  const option =
    options(schema).find((o) =>
      typeof head === 'number'
        ? o.type === 'array'
        : o.type === 'object' && o.properties?.[head!] !== undefined,
    ) ?? schema;
  if (typeof head === 'number') {
    const items = option.items ?? {};
    const current = Array.isArray(base) && base.length > 0 ? base[0] : sample(items, '', fx, now);
    return [withValue(current, items, rest, value, fx, now)];
  }
  const child = option.properties?.[head!] ?? {};
  const object =
    base && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : (sample({ ...option, type: 'object' }, '', fx, now) as Record<string, unknown>);
  object[head!] = withValue(
    object[head!] ?? sample(child, String(head), fx, now),
    child,
    rest,
    value,
    fx,
    now,
  );
  return object;
}

function pathFor(operationPath: string, fx: Fixtures): string {
  return operationPath.replace(/\{(\w+)\}/g, (_m, param: string) => {
    const segments = operationPath.split('/');
    const before = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
    if (param === 'slug') return fx.slug!;
    if (param === 'token') return fx.token!;
    const resource: Record<string, string> = {
      departments: 'department',
      users: 'user',
      customers: 'customer',
      reasons: 'reason',
      templates: 'template',
      complaints: 'complaint',
      calendars: 'calendar',
      'sla-policies': 'policy',
      'task-types': 'taskType',
      'deadline-requests': 'deadlineRequest',
      'api-keys': 'apiKey',
    };
    return fx[resource[before] ?? before] ?? '00000000-0000-4000-8000-000000000000';
  });
}

/** Bodies the schema alone cannot make valid (nested structures with rules between fields). */
function handWrittenBase(op: Operation, fx: Fixtures, now: Date): unknown {
  const due = new Date(now.getTime() + 3 * 86_400_000).toISOString();
  const day = [['08:00', '17:00']];
  const weeklyHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:fuzz-1',
    'DTSTART;VALUE=DATE:20270101',
    'SUMMARY:Tết Dương lịch',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const bases: Record<string, unknown> = {
    'POST /api/complaints': sampleComplaint(),
    'POST /api/public/orgs/{slug}/complaints': {
      name: 'Khách',
      phone: '0912345678',
      description: 'mô tả',
      language: 'vi',
    },
    'POST /api/customers': { name: 'Khách', phone: '0912345679' },
    'POST /api/complaints/{id}/commitments': { dueAt: due, reason: 'x' },
    'POST /api/deadline-requests/{id}/answer': { dueAt: due },
    'POST /api/calendars': { name: 'x', timeZone: 'Asia/Ho_Chi_Minh', weeklyHours },
    'PUT /api/calendars/{id}': { name: 'x', timeZone: 'Asia/Ho_Chi_Minh', weeklyHours },
    'POST /api/calendars/{id}/import-ics': { ics, fromYear: 2027, toYear: 2027 },
    'POST /api/complaints/{id}/status': { status: 'waiting_customer' },
    'POST /api/complaints/{id}/readback/send': { version: fx.factsVersion },
    'POST /api/complaints/{id}/readback/verbal': { version: fx.factsVersion, confirmedBy: 'x' },
    'POST /api/portal/{token}/readback/confirm': { version: fx.factsVersion },
    'PUT /api/task-types/{id}': {
      name: 'Đổi hàng (sửa)',
      departmentId: fx.department,
      durationAmount: 2,
      durationUnit: 'business_days',
    },
    'POST /api/complaints/{id}/deadline-requests': {
      departmentId: fx.department,
      question: 'Bao giờ xong?',
    },
    'POST /api/sla-presets/enable': { code: 'vn-law-19-2023', calendarId: fx.calendar },
    'POST /api/auth/login': { email: 'nobody@example.com', password: 'wrong password' },
    'POST /api/gift-catalogue': { kind: 'voucher', name: 'x', valueMinor: 1000, currency: 'VND' },
    'POST /api/authority-rules': { role: 'agent', currency: 'VND' },
    'POST /api/complaints/{id}/compensations': { type: 'repair', amountMinor: 1, currency: 'VND' },
    'POST /api/problems': { title: { vi: 'Vấn đề' } },
    'PUT /api/problems/{id}/chain': { links: [{ personName: 'Anh Tuấn', role: 'Kho' }] },
    'POST /api/problems/{id}/actions': {
      kind: 'corrective',
      description: 'x',
      ownerId: fx.user,
      dueInBusinessDays: 3,
    },
    'POST /api/problems/{id}/transition': { to: 'analysing' },
    'POST /api/imports/{id}/dry-run': { mapping: fx.importMapping },
    'POST /api/imports/{id}/start': { mapping: fx.importMapping },
    // Commerce rows that are valid as they are, so each string reaches the row's writes.
    'POST /api/orders/bulk': {
      rows: [
        {
          externalId: 'DH-fuzz',
          customer: { name: 'Khách mua', phone: '0912345670', externalId: 'KH-fuzz' },
          orderedAt: now.toISOString(),
          amountMinor: 1000,
          currency: 'VND',
          channel: 'web',
        },
      ],
    },
    'POST /api/subscription-events/bulk': {
      rows: [
        {
          externalId: 'EV-fuzz',
          customer: { name: 'Khách thuê bao', email: 'tb@example.vn' },
          subscriptionRef: 'TB-1',
          kind: 'start',
          plan: 'Gói Vàng',
          occurredAt: '2026-01-01',
        },
      ],
    },
    'POST /api/referrals/bulk': {
      rows: [
        {
          externalId: 'GT-fuzz',
          referrer: { name: 'Người giới thiệu', phone: '0912345671' },
          referred: { name: 'Người được giới thiệu', phone: '0912345672' },
          referredAt: now.toISOString(),
        },
      ],
    },
    // A call that starts a complaint: the strings reach the new case's fields too.
    'POST /api/calls': {
      direction: 'inbound',
      phone: '0912345678',
      startedAt: new Date(now.getTime() - 60_000).toISOString(),
      durationSeconds: 60,
      outcome: 'reached',
      complaint: { customer: { name: 'Khách gọi' }, description: 'Máy lạnh không chạy' },
    },
  };
  return bases[`${op.method} ${op.path}`];
}

type Tally = {
  requests: number;
  serverErrors: { at: string; input: string; status: number; body: string }[];
  unnamed: { at: string; input: string; body: string }[];
  accepted: number;
  refused: number;
  reachedEndpoints: Set<string>;
};

async function fixturesFor(ctx: TestContext, admin: Client, slug: string) {
  const fx: Fixtures = { slug };
  const created = await admin.post('/api/complaints', sampleComplaint());
  expect(created.statusCode, created.body).toBe(201);
  fx.complaint = created.json().complaint.id;
  fx.customer = created.json().customer.id;
  const other = await admin.post('/api/customers', { name: 'Người khác', phone: '0987654321' });
  expect(other.statusCode, other.body).toBeLessThan(300);
  fx.otherCustomer = other.json().id;
  const facts = await admin.post(`/api/complaints/${fx.complaint}/facts`, {
    whatHappened: 'Đơn hàng giao trễ 5 ngày',
    askText: 'Hoàn phí vận chuyển',
  });
  expect(facts.statusCode, facts.body).toBeLessThan(300);
  const link = await admin.post(`/api/complaints/${fx.complaint}/tracking-link`, {});
  fx.token = String(link.json().trackingUrl).split('/track/')[1]!;
  const department = await admin.post('/api/departments', { name: 'Kho vận' });
  fx.department = department.json().id;
  const reasons = (await admin.get('/api/reasons')).json();
  fx.reason = reasons.items[0].id;
  const templates = (await admin.get('/api/templates')).json();
  fx.template = templates.items[0].id;
  const users = (await admin.get('/api/users')).json();
  fx.user = users.items.find((u: { role: string }) => u.role === 'agent').id;
  const calendars = (await admin.get('/api/calendars')).json();
  fx.calendar = calendars.items[0].id;
  const policies = (await admin.get('/api/sla-policies')).json();
  fx.policy = policies.items[0]?.id;
  const taskType = await admin.post('/api/task-types', {
    name: 'Đổi hàng',
    departmentId: fx.department,
    durationAmount: 2,
    durationUnit: 'business_days',
  });
  expect(taskType.statusCode, taskType.body).toBe(201);
  fx.taskType = taskType.json().id;
  const request = await admin.post(`/api/complaints/${fx.complaint}/deadline-requests`, {
    departmentId: fx.department,
    question: 'Bao giờ đổi được hàng?',
  });
  expect(request.statusCode, request.body).toBe(201);
  fx.deadlineRequest = request.json().id;
  // Step 8: a problem with a chain link and an action (paths name them by their segment).
  const problem = await admin.post('/api/problems', { title: { vi: 'Giao hàng trễ' } });
  expect(problem.statusCode, problem.body).toBe(201);
  fx.problems = problem.json().problem.id;
  const chain = await admin.request('PUT', `/api/problems/${fx.problems}/chain`, {
    links: [{ personName: 'Anh Tuấn', role: 'Kho' }],
  });
  expect(chain.statusCode, chain.body).toBe(200);
  fx.chain = chain.json().links[0].id;
  const action = await admin.post(`/api/problems/${fx.problems}/actions`, {
    kind: 'corrective',
    description: 'Đổi đơn vị vận chuyển',
    ownerId: fx.user,
    dueInBusinessDays: 5,
  });
  expect(action.statusCode, action.body).toBe(201);
  fx.actions = action.json().id;
  // An uploaded file, for the dry run and the start of an import.
  const upload = await admin.request(
    'POST',
    '/api/imports',
    multipart([
      { name: 'kind', value: 'orders' },
      {
        name: 'file',
        filename: 'orders.csv',
        contentType: 'text/csv',
        content: Buffer.from(
          'Mã đơn hàng,Ngày,Số tiền,Số điện thoại\nDH-1,05/03/2026,1.250.000,0912345678\n',
        ),
      },
    ]),
    multipartHeaders,
  );
  expect(upload.statusCode, upload.body).toBe(201);
  fx.imports = upload.json().id;
  fx.importMapping = upload.json().mapping;
  // Win-back: an entry in the queue, written as the queue's read would (its paths name it by
  // the segment).
  const { org_id: orgId } = await ctx.db
    .selectFrom('complaints')
    .select('org_id')
    .where('id', '=', fx.complaint)
    .executeTakeFirstOrThrow();
  const entry = await ctx.db
    .insertInto('win_back_entries')
    .values({
      org_id: orgId,
      customer_id: fx.customer,
      complaint_id: fx.complaint,
      trigger: 'no_order',
      triggered_at: new Date(),
      due_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  fx['win-back'] = entry.id;
  return fx;
}

describe('hostile input on every write endpoint', () => {
  it(`answers no 5xx for any of ${blns.length} naughty strings in any text field of any POST, PUT or PATCH body`, async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const fx = await fixturesFor(ctx, admin, org.slug);
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations: Operation[] = [];
    for (const [p, item] of Object.entries<Record<string, any>>(doc.paths))
      for (const method of ['post', 'put', 'patch']) {
        const schema = item[method]?.requestBody?.content?.['application/json']?.schema;
        const name = `${method.toUpperCase()} ${p}`;
        if (schema && name.includes(ONLY))
          operations.push({ method: method.toUpperCase(), path: p, schema });
      }
    // Operations that change who is signed in or merge away a fixture go last.
    const late = (op: Operation) => /\/auth\/|\/merge$/.test(op.path);
    operations.sort((a, b) => Number(late(a)) - Number(late(b)));

    const tally: Tally = {
      requests: 0,
      serverErrors: [],
      unnamed: [],
      accepted: 0,
      refused: 0,
      reachedEndpoints: new Set(),
    };
    const baseRefusals: string[] = [];
    let fieldCount = 0;
    for (const op of operations) {
      const now = ctx.clock.now();
      // The facts fuzzed before make new versions; a read-back speaks of the latest.
      const current = (await admin.get(`/api/complaints/${fx.complaint}`)).json();
      fx.factsVersion = current.facts?.current?.version;
      const generated = sample(op.schema, '', fx, now) as Record<string, unknown>;
      const hand = handWrittenBase(op, fx, now) as Record<string, unknown> | undefined;
      const base = hand ? { ...generated, ...hand } : generated;
      const url = pathFor(op.path, fx);
      const isPublic = op.path.startsWith('/api/public/') || op.path === '/api/auth/login';
      const send = (body: unknown) =>
        isPublic
          ? ctx.app.inject({
              method: op.method as 'POST',
              url,
              payload: body as Record<string, unknown>,
              remoteAddress: nextAddress(),
            })
          : admin.request(op.method, url, body);
      const baseAnswer = await send(base);
      if (baseAnswer.statusCode >= 400)
        baseRefusals.push(
          `${op.method} ${op.path} ${baseAnswer.statusCode} ${baseAnswer.json().error?.code} ${baseAnswer.json().error?.field}`,
        );
      for (const leaf of stringLeaves(op.schema)) {
        if (leaf.length === 0) continue;
        fieldCount += 1;
        const at = `${op.method} ${op.path} ${leaf.join('.')}`;
        const strings = blns.filter((_s, i) => (i + fieldCount) % STRIDE === 0);
        for (let i = 0; i < strings.length; i += 20) {
          const batch = strings.slice(i, i + 20);
          const answers = await Promise.all(
            batch.map((input) => send(withValue(base, op.schema, leaf, input, fx, now))),
          );
          answers.forEach((answer, k) => {
            tally.requests += 1;
            const input = batch[k]!;
            if (answer.statusCode >= 500)
              tally.serverErrors.push({
                at,
                input,
                status: answer.statusCode,
                body: answer.body.slice(0, 200),
              });
            else if (answer.statusCode < 300) {
              tally.accepted += 1;
              tally.reachedEndpoints.add(`${op.method} ${op.path}`);
            } else {
              tally.refused += 1;
              const error = answer.json().error;
              if (answer.statusCode === 400 && error?.code === 'validation_failed' && !error.field)
                tally.unnamed.push({ at, input, body: answer.body.slice(0, 200) });
            }
          });
        }
      }
    }
    console.info(
      `[figure] naughty strings on every write endpoint (every ${STRIDE === 1 ? '' : `${STRIDE}th `}string per field): ${operations.length} operations, ${fieldCount} text fields, ${tally.requests} requests: ${tally.serverErrors.length} answered 5xx; ${tally.accepted} accepted on ${tally.reachedEndpoints.size} operations, ${tally.refused} refused, ${tally.unnamed.length} refusals without a field`,
    );
    if (baseRefusals.length)
      console.info(`[figure] valid body refused: ${baseRefusals.join('; ')}`);
    const byField = (list: { at: string; input: string; body: string }[]) =>
      [...new Set(list.map((e) => e.at))]
        .map((at) => list.filter((e) => e.at === at))
        .map((group) => ({
          at: group[0]!.at,
          count: group.length,
          inputs: group.slice(0, 3).map((e) => e.input),
          body: group[0]!.body,
        }));
    expect(byField(tally.serverErrors)).toEqual([]);
    expect(byField(tally.unnamed)).toEqual([]);
    // The valid bodies reach most operations, so the strings are checked past validation too.
    expect(tally.reachedEndpoints.size).toBeGreaterThan(operations.length / 2);
  }, 900_000);
});
