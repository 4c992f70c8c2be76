import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  multipart,
  multipartHeaders,
  nextAddress,
  signIn,
  type TestContext,
} from './helpers.ts';

// The public form: every refused field at once, each at its field, and photos or documents
// under the same limits as the portal.

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const pdf = (bytes = 0) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x20)]);
/** A Windows program: "MZ", then the rest of a DOS header. */
const exe = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000', 'hex'),
  Buffer.alloc(64),
]);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    uploadMaxBytes: 64 * 1024,
    env: {
      ATTACHMENT_FILES_PER_COMPLAINT: '3',
      ATTACHMENT_BYTES_PER_COMPLAINT: String(100 * 1024),
    },
  });
});
afterAll(async () => ctx.close());

type Field = { name: string; value: string };
type File = { name: string; filename: string; contentType: string; content: Buffer };

const fields = (values: Record<string, string>): Field[] =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

const goodFields = {
  name: 'Trần Minh Khoa',
  phone: '0912 345 678',
  description: 'Máy lọc nước giao đến bị nứt vỏ.',
  orderRef: 'DH-8812',
  language: 'vi',
};

function send(slug: string, parts: (Field | File)[], lang = 'vi', remoteAddress = nextAddress()) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    remoteAddress,
    headers: { ...multipartHeaders, 'accept-language': lang },
    payload: multipart(parts),
  });
}

const storedFiles = (orgId: string): string[] => {
  const dir = path.join(ctx.config.uploadDir, orgId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

async function complaintsOf(email: string) {
  const agent = await signIn(ctx, email);
  return { agent, list: (await agent.get('/api/complaints')).json() };
}

describe('the public form refuses with every field at once', () => {
  it('names each refused field by its label, in the form’s order, the contact rule included', async () => {
    const { org } = await createTestOrg(ctx);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/orgs/${org.slug}/complaints`,
      remoteAddress: nextAddress(),
      headers: { 'accept-language': 'en' },
      payload: { name: '', phone: '0000', email: 'lan@', description: '', language: 'en' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.errors).toEqual([
      { field: 'name', message: 'Your name is required.' },
      { field: 'phone', message: 'The phone number “0000” is not valid.' },
      { field: 'email', message: 'E-mail is not a valid e-mail address.' },
      { field: 'description', message: 'What happened is required.' },
    ]);
    expect(error).toMatchObject({ field: 'name', message: 'Your name is required.' });

    const noContact = await send(org.slug, fields({ name: 'Lan', description: 'x' }), 'zh');
    expect(noContact.json().error.errors).toEqual([
      { field: 'phone', message: '需要电话号码或电子邮件。' },
    ]);
  });

  it('answers a multipart form with all its field errors and keeps none of its files', async () => {
    const { org, users } = await createTestOrg(ctx);
    const response = await send(org.slug, [
      ...fields({ name: '', phone: '0912345678', description: '', language: 'vi' }),
      { name: 'files', filename: 'anh.png', contentType: 'image/png', content: png },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'description',
    ]);
    expect(response.json().error.errors[0].message).toBe('Họ tên là bắt buộc.');
    expect(storedFiles(org.id)).toEqual([]);
    expect((await complaintsOf(users.agent.email)).list.total).toBe(0);
  });
});

describe('the public form takes photos and documents', () => {
  it('files the complaint with its attachments, shown to the customer and to staff', async () => {
    const { org, users } = await createTestOrg(ctx);
    const response = await send(org.slug, [
      ...fields(goodFields),
      { name: 'files', filename: 'vỏ máy.png', contentType: 'image/png', content: png },
      { name: 'files', filename: 'hoá đơn.pdf', contentType: 'application/pdf', content: pdf(10) },
    ]);
    expect(response.statusCode).toBe(201);
    const { trackingUrl } = response.json();
    const token = new URL(trackingUrl).pathname.split('/').at(-1)!;
    const portal = (await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(
      portal.attachments.map((a: { filename: string; contentType: string }) => [
        a.filename,
        a.contentType,
      ]),
    ).toEqual([
      ['vỏ máy.png', 'image/png'],
      ['hoá đơn.pdf', 'application/pdf'],
    ]);
    const { agent, list } = await complaintsOf(users.agent.email);
    expect(list.total).toBe(1);
    const detail = (await agent.get(`/api/complaints/${list.items[0].id}`)).json();
    expect(detail.attachments).toHaveLength(2);
    expect(
      detail.attachments.every((a: { uploadedBy: string }) => a.uploadedBy === 'customer'),
    ).toBe(true);
    expect(detail.customer.phone).toBe('+84912345678');
    expect(storedFiles(org.id)).toHaveLength(2);
    const downloaded = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${token}/attachments/${portal.attachments[0].id}`,
    });
    expect(downloaded.rawPayload.equals(png)).toBe(true);
  });

  it('refuses an executable dressed as a photo, files nothing and keeps no bytes', async () => {
    const { org, users } = await createTestOrg(ctx);
    const response = await send(
      org.slug,
      [
        ...fields(goodFields),
        { name: 'files', filename: 'anh-chup.jpg', contentType: 'image/jpeg', content: exe },
      ],
      'en',
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'file' });
    expect(response.json().error.message).toContain('anh-chup.jpg');
    expect((await complaintsOf(users.agent.email)).list.total).toBe(0);
    expect(storedFiles(org.id)).toEqual([]);
  });

  it('tells the form its limits: files per complaint and bytes per file', async () => {
    const { org } = await createTestOrg(ctx);
    const response = await ctx.app.inject({ method: 'GET', url: `/api/public/orgs/${org.slug}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().uploads).toEqual({ maxFiles: 3, maxBytes: 64 * 1024 });
  });

  it('keeps to the portal’s limits: size while streaming, files per upload and per case', async () => {
    const { org } = await createTestOrg(ctx);
    const big = await send(
      org.slug,
      [
        ...fields(goodFields),
        {
          name: 'files',
          filename: 'lon.pdf',
          contentType: 'application/pdf',
          content: pdf(80_000),
        },
      ],
      'en',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large', field: 'file' });
    expect(big.json().error.message).toBe('The file is too large (at most 64 KB).');

    const many = await send(org.slug, [
      ...fields(goodFields),
      ...Array.from({ length: 4 }, (_, i) => ({
        name: 'files',
        filename: `${i}.png`,
        contentType: 'image/png',
        content: png,
      })),
    ]);
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toMatchObject({ code: 'quota_exceeded', field: 'file' });
    expect(many.json().error.message).toBe('Hồ sơ này đã đủ số tệp cho phép (tối đa 3 tệp).');

    const eleven = await send(org.slug, [
      ...fields(goodFields),
      ...Array.from({ length: 11 }, (_, i) => ({
        name: 'files',
        filename: `${i}.png`,
        contentType: 'image/png',
        content: png,
      })),
    ]);
    expect(eleven.statusCode).toBe(413);
    expect(storedFiles(org.id)).toEqual([]);
  });

  it('keeps to the org’s quota of bytes', async () => {
    const tight = await createTestContext({
      env: { ATTACHMENT_BYTES_PER_ORG: String(20 * 1024) },
    });
    try {
      const { org } = await createTestOrg(tight);
      const response = await tight.app.inject({
        method: 'POST',
        url: `/api/public/orgs/${org.slug}/complaints`,
        remoteAddress: nextAddress(),
        headers: { ...multipartHeaders, 'accept-language': 'en' },
        payload: multipart([
          ...fields(goodFields),
          {
            name: 'files',
            filename: 'a.pdf',
            contentType: 'application/pdf',
            content: pdf(30_000),
          },
        ]),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({ code: 'quota_exceeded', field: 'file' });
    } finally {
      await tight.close();
    }
  });

  it('is rate-limited like the form, and a refused file does not use up the complaints', async () => {
    const { org } = await createTestOrg(ctx);
    const client = nextAddress();
    for (let i = 0; i < 11; i++) {
      const refused = await send(
        org.slug,
        [
          ...fields(goodFields),
          { name: 'files', filename: 'x.jpg', contentType: 'image/jpeg', content: exe },
        ],
        'vi',
        client,
      );
      expect(refused.statusCode, `refusal ${i + 1}`).toBe(415);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await send(
            org.slug,
            [
              ...fields(goodFields),
              { name: 'files', filename: 'a.png', contentType: 'image/png', content: png },
            ],
            'vi',
            client,
          )
        ).statusCode,
      );
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
  });
});
