import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// A refusal names the field as the screen does, in the reader's language, never by its API key;
// and it lists every refused field, not only the first.

let ctx: TestContext;
let agent: Client;
let admin: Client;
let slug: string;
let complaintId: string;
let customerId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { org, users } = await createTestOrg(ctx);
  slug = org.slug;
  agent = await signIn(ctx, users.agent.email);
  admin = await signIn(ctx, users.admin.email);
  const created = (await agent.post('/api/complaints', sampleComplaint())).json();
  complaintId = created.complaint.id;
  customerId = created.customer.id;
});
afterAll(async () => ctx.close());

type Case = {
  route: string;
  send: (lang: string) => Promise<{ statusCode: number; json(): any }>;
  field: string;
  vi: string;
  en: string;
  zh: string;
};

const publicForm = (body: Record<string, unknown>, lang: string) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    remoteAddress: nextAddress(),
    headers: { 'accept-language': lang },
    payload: body,
  });

const as = (client: () => Client, method: string, url: () => string, body: unknown) => {
  return (lang: string) => client().request(method, url(), body, { 'accept-language': lang });
};

const cases: Case[] = [
  {
    route: 'POST /api/public/orgs/:slug/complaints (name empty)',
    send: (lang) =>
      publicForm({ name: '', phone: '0912345678', description: 'Trễ hàng', language: 'vi' }, lang),
    field: 'name',
    vi: 'Họ tên là bắt buộc.',
    en: 'Your name is required.',
    zh: '您的姓名为必填项。',
  },
  {
    route: 'POST /api/public/orgs/:slug/complaints (email malformed)',
    send: (lang) =>
      publicForm({ name: 'Lan', email: 'lan@', description: 'Trễ hàng', language: 'vi' }, lang),
    field: 'email',
    vi: 'Email không phải là địa chỉ email hợp lệ.',
    en: 'E-mail is not a valid e-mail address.',
    zh: '电子邮件不是有效的电子邮件地址。',
  },
  {
    route: 'POST /api/complaints (customer.name missing)',
    send: as(
      () => agent,
      'POST',
      () => '/api/complaints',
      {
        ...sampleComplaint(),
        customer: { phone: '0912345678' },
      },
    ),
    field: 'customer.name',
    vi: 'Tên khách hàng là bắt buộc.',
    en: 'Customer name is required.',
    zh: '客户姓名为必填项。',
  },
  {
    route: 'POST /api/complaints (customer.phone invalid, found by the service)',
    send: as(
      () => agent,
      'POST',
      () => '/api/complaints',
      {
        ...sampleComplaint(),
        customer: { name: 'Lan', phone: '12345678901234' },
      },
    ),
    field: 'customer.phone',
    vi: 'Số điện thoại «12345678901234» không hợp lệ.',
    en: 'The phone number “12345678901234” is not valid.',
    zh: '电话号码“12345678901234”无效。',
  },
  {
    route: 'POST /api/complaints/:id/facts (askText blank)',
    send: as(
      () => agent,
      'POST',
      () => `/api/complaints/${complaintId}/facts`,
      { whatHappened: 'Giao trễ', askText: '   ' },
    ),
    field: 'askText',
    vi: 'Yêu cầu của khách hàng là bắt buộc.',
    en: "Customer's ask is required.",
    zh: '客户诉求为必填项。',
  },
  {
    route: 'POST /api/complaints/:id/facts (askAmount negative)',
    send: as(
      () => agent,
      'POST',
      () => `/api/complaints/${complaintId}/facts`,
      { whatHappened: 'Giao trễ', askText: 'Hoàn tiền', askAmount: -5 },
    ),
    field: 'askAmount',
    vi: 'Số tiền yêu cầu phải từ 0 trở lên.',
    en: 'Amount asked must be at least 0.',
    zh: '诉求金额不能小于 0。',
  },
  {
    route: 'PATCH /api/customers/:id (name too long)',
    send: as(
      () => agent,
      'PATCH',
      () => `/api/customers/${customerId}`,
      { name: 'x'.repeat(201) },
    ),
    field: 'name',
    vi: 'Tên khách hàng quá dài (tối đa 200 ký tự).',
    en: 'Customer name is too long (at most 200 characters).',
    zh: '客户姓名太长（最多 200 个字符）。',
  },
  {
    route: 'POST /api/reasons (code empty: required, not a format error)',
    send: as(
      () => admin,
      'POST',
      () => '/api/reasons',
      {
        code: '',
        names: { vi: 'Giao hàng', en: 'Delivery', zh: '配送' },
      },
    ),
    field: 'code',
    vi: 'Mã là bắt buộc.',
    en: 'Code is required.',
    zh: '代码为必填项。',
  },
  {
    route: 'POST /api/reasons (names.en missing)',
    send: as(
      () => admin,
      'POST',
      () => '/api/reasons',
      {
        code: 'giao-hang-2',
        names: { vi: 'Giao hàng', zh: '配送' },
      },
    ),
    field: 'names.en',
    vi: 'Tên (tiếng Anh) là bắt buộc.',
    en: 'Name (English) is required.',
    zh: '名称（英语）为必填项。',
  },
  {
    route: 'POST /api/complaints/:id/readback/verbal (confirmedBy empty)',
    send: as(
      () => agent,
      'POST',
      () => `/api/complaints/${complaintId}/readback/verbal`,
      { version: 1, confirmedBy: '', method: 'phone' },
    ),
    field: 'confirmedBy',
    vi: 'Người xác nhận là bắt buộc.',
    en: 'Confirmed by is required.',
    zh: '确认人为必填项。',
  },
];

describe('validation errors name the field by its label', () => {
  for (const c of cases) {
    for (const lang of ['vi', 'en', 'zh'] as const) {
      it(`${c.route} in ${lang}`, async () => {
        const response = await c.send(lang);
        expect(response.statusCode).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('validation_failed');
        // The API key stays for programs; the message is for people.
        expect(error.field).toBe(c.field);
        expect(error.message).toBe(c[lang]);
        expect(error.message).not.toContain(`«${c.field}»`);
        expect(error.errors[0]).toEqual({ field: c.field, message: c[lang] });
      });
    }
  }

  it('quotes the key of a field that has no label rather than inventing one', async () => {
    const response = await agent.request('GET', '/api/complaints?due=soon', undefined, {
      'accept-language': 'en',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      field: 'due',
      message: 'The field “due” must be one of: breached, today, waiting.',
    });
    const pageSize = await agent.request('GET', '/api/complaints?pageSize=0', undefined, {
      'accept-language': 'zh',
    });
    expect(pageSize.json().error.message).toBe('每页行数不能小于 1。');
  });
});

describe('every refused field at once', () => {
  it('lists each field of the public form with its own message, the first also on top', async () => {
    const response = await publicForm(
      { name: '', email: 'not-an-address', description: '', language: 'vi' },
      'vi',
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.errors).toEqual([
      { field: 'name', message: 'Họ tên là bắt buộc.' },
      { field: 'email', message: 'Email không phải là địa chỉ email hợp lệ.' },
      { field: 'description', message: 'Nội dung khiếu nại là bắt buộc.' },
    ]);
    expect(error).toMatchObject({ field: 'name', message: 'Họ tên là bắt buộc.' });
  });
});
