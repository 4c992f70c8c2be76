import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  // A small file limit, so one of the mail's files passes it.
  ctx = await createTestContext({ uploadMaxBytes: 64 * 1024 });
});
afterAll(async () => {
  await ctx.close();
});

async function compose(mail: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return (await transport.sendMail(mail)).message as Buffer;
}

// A 1×1 PNG, a PDF header, and a Windows executable's first bytes.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const big = Buffer.concat([pdf, Buffer.alloc(70 * 1024, 0x20)]);

const caseFiles = (orgId: string, complaintId: string) =>
  ctx.db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'is_public', 'uploaded_by_type', 'size_bytes'])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('filename')
    .execute();

describe('the files of a mail', () => {
  it('become the case files the customer sees, checked as uploads are; refused ones are named', async () => {
    const { org, users } = await createTestOrg(ctx);
    const raw = await compose({
      from: '"Phạm Minh" <minh@example.vn>',
      to: 'cs@example.vn',
      subject: 'Hóa đơn sai và ảnh vết nứt',
      html: '<p>Ảnh vết nứt: <img src="cid:crack@example.vn"></p>',
      text: 'Ảnh vết nứt đính kèm, cùng hóa đơn.',
      messageId: `<files-${org.slug}@example.vn>`,
      attachments: [
        { filename: 'vết nứt.png', content: png, cid: 'crack@example.vn' },
        { filename: 'hóa đơn.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'invoice.pdf', content: exe, contentType: 'application/pdf' },
        { filename: 'big.pdf', content: big, contentType: 'application/pdf' },
      ],
    });
    const result = await ctx.services.channels.receive(org.slug, raw, 'smtp');
    expect(result).toMatchObject({ created: true, outcome: 'created' });
    const files = await caseFiles(org.id, result.complaintId!);
    expect(files.map((f) => [f.filename, f.content_type]).sort()).toEqual([
      ['hóa đơn.pdf', 'application/pdf'],
      ['vết nứt.png', 'image/png'],
    ]);
    // The customer sent them: the portal shows them, and they are the customer's.
    expect(files.every((f) => f.is_public && f.uploaded_by_type === 'customer')).toBe(true);

    const agent = await signIn(ctx, users.agent.email);
    const view = (await agent.get(`/api/inbound-mail/${result.inboundId}`)).json();
    const byName = Object.fromEntries(
      (view.attachments as { filename: string }[]).map((a) => [a.filename, a]),
    );
    const image = files.find((f) => f.filename === 'vết nứt.png')!;
    expect(byName['vết nứt.png']).toMatchObject({
      isInline: true,
      attachmentId: image.id,
      refused: null,
    });
    expect(byName['invoice.pdf']).toMatchObject({ attachmentId: null, refused: 'type' });
    expect(byName['big.pdf']).toMatchObject({ attachmentId: null, refused: 'too_large' });
    // The kept image opens in the browser, where the mail showed it inline.
    const served = await agent.get(`/api/attachments/${image.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toContain('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    const events = await ctx.db
      .selectFrom('complaint_events')
      .select('type')
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', result.complaintId!)
      .where('type', '=', 'attachment.added')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('adds a reply’s files to the case it joins; nothing is stored for a mail that is not kept', async () => {
    const { org } = await createTestOrg(ctx);
    const first = await compose({
      from: 'lan@example.vn',
      to: 'cs@example.vn',
      subject: 'Giao thiếu hàng',
      text: 'Tôi nhận thiếu một thùng.',
      messageId: `<lan-${org.slug}@example.vn>`,
    });
    const created = await ctx.services.channels.receive(org.slug, first, 'smtp');
    const reply = await compose({
      from: 'lan@example.vn',
      to: 'cs@example.vn',
      subject: `Re: Giao thiếu hàng [${created.reference}]`,
      text: 'Ảnh phiếu giao hàng đây.',
      inReplyTo: `<lan-${org.slug}@example.vn>`,
      references: [`<lan-${org.slug}@example.vn>`],
      attachments: [{ filename: 'phiếu.png', content: png }],
    });
    const joined = await ctx.services.channels.receive(org.slug, reply, 'smtp');
    expect(joined).toMatchObject({ outcome: 'joined', complaintId: created.complaintId });
    expect((await caseFiles(org.id, created.complaintId!)).map((f) => f.filename)).toEqual([
      'phiếu.png',
    ]);

    // An auto-reply with a file makes no case and keeps no file.
    const before = await ctx.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const auto = await compose({
      from: 'lan@example.vn',
      to: 'cs@example.vn',
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
      attachments: [{ filename: 'logo.png', content: png }],
    });
    expect((await ctx.services.channels.receive(org.slug, auto, 'smtp')).outcome).toBe(
      'auto_reply',
    );
    const after = await ctx.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
