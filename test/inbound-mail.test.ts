import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../src/modules/channels/parse-mail.ts';
import { createTestContext, createTestOrg, type TestContext } from './helpers.ts';

const FIXTURES = path.join(import.meta.dirname, '../../shared/data/emails');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

async function kept(orgId: string, id: string) {
  return ctx.db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A message as a mail client writes it, with nodemailer composing the MIME. */
async function compose(mail: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(mail);
  return info.message as Buffer;
}

/** Vietnamese as Windows-1258 writes it: base letters precomposed, tone marks combining. */
function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const spelled = [...text.normalize('NFC')]
    .map((ch) => {
      const parts = ch.normalize('NFD');
      const marks = parts.match(tones)?.join('') ?? '';
      return parts.replace(tones, '').normalize('NFC') + marks;
    })
    .join('');
  return iconv.encode(spelled, 'windows1258');
}

function rawMail(headers: Record<string, string>, body: Buffer): Buffer {
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), body]);
}

describe('every mail of the shared fixtures goes through the pipeline', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.eml'));

  it('keeps each one whole, decoded in NFC, and answers for each', async () => {
    const { org } = await createTestOrg(ctx);
    expect(files.length).toBeGreaterThanOrEqual(21);
    for (const file of files) {
      const raw = fixture(file);
      const result = await ctx.services.channels.receive(org.slug, raw, 'cli');
      const parsed = await parseMail(raw);
      const row = await kept(org.id, result.inboundId);
      expect(row.raw.equals(raw), file).toBe(true);
      expect(row.text_full, file).toBe(parsed.text);
      expect(row.text_full, file).toBe(row.text_full.normalize('NFC'));
      expect(row.subject, file).toBe(parsed.subject);
      expect(result.outcome, file).toBe(row.outcome);
      if (result.created) expect(result.reference, file).toMatch(/^[A-Z0-9]+-\d{4}-\d{6}$/);
    }
  });

  it.each([
    [
      'mailparser__fixtures_nodemailer.eml',
      'Nodemailer is unicode friendly ✔ (1476358788189)',
      'andris@kreata.ee',
      'Hello to myself!',
      ['image.png', 'nyan cat ✔.gif', 'notes.txt'],
    ],
    [
      'mikel__multi_charset_japanese_iso_2022.eml',
      'まみむめも',
      'raasdnil@gmail.com',
      'すみません。',
      [],
    ],
    [
      'mikel__multi_charset_japanese_shift_jis.eml',
      'test',
      'xxxxxxx@docomo.ne.jp',
      'あいうえお',
      [],
    ],
    ['mikel__multi_charset_ks_c_5601-1987.eml', 'test', 'from@example.com', '스티해', []],
    [
      'mikel__attachment_emails_attachment_nonascii_filename.eml',
      'testing',
      'foo@example.com',
      'This is the first part.',
      ['ciële.txt'],
    ],
    [
      'stalwart__thirdparty_019.eml',
      '30 plaintext + (HTML + embedded image) + attachment',
      'test@example.com',
      'Search for hähä',
      ['attach2.png'],
    ],
    ['talon__standard_replies_thunderbird.eml', 'Re: Test', 'bob@xxx.mailgun.org', 'Hello', []],
  ])('%s: subject, sender, text and files are right', async (file, subject, from, text, names) => {
    const { org } = await createTestOrg(ctx);
    const result = await ctx.services.channels.receive(org.slug, fixture(file), 'cli');
    expect(result.outcome).toBe('created');
    const row = await kept(org.id, result.inboundId);
    expect(row.subject).toBe(subject);
    expect(row.from_address).toBe(from);
    expect(row.text_shown).toContain(text);
    const files = (row.attachments as { filename: string }[]).map((a) => a.filename);
    for (const name of names) expect(files).toContain(name);
  });

  it('strips the quoted thread of the four standard replies to their known answer, "Hello"', async () => {
    const { org } = await createTestOrg(ctx);
    for (const client of ['apple_mail', 'outlook', 'thunderbird', 'yahoo']) {
      const raw = fixture(`talon__standard_replies_${client}.eml`);
      const result = await ctx.services.channels.receive(org.slug, raw, 'cli');
      const row = await kept(org.id, result.inboundId);
      expect(row.text_shown, client).toBe('Hello');
      expect(row.text_full.length, client).toBeGreaterThan('Hello'.length);
    }
  });

  it('turns delivery reports, abuse reports and mail without a sender into no complaint', async () => {
    const { org } = await createTestOrg(ctx);
    const outcome = async (file: string) =>
      (await ctx.services.channels.receive(org.slug, fixture(file), 'cli')).outcome;
    expect(await outcome('mailparser__fixtures_delivery-status.eml')).toBe('bounce');
    expect(await outcome('postal__fixtures_bounce.eml')).toBe('bounce');
    expect(await outcome('stalwart__thirdparty_010.eml')).toBe('no_sender');
  });
});

describe('Vietnamese and Chinese charsets', () => {
  const vietnamese = 'Máy lọc nước giao đến bị nứt vỏ, tôi muốn được đổi máy mới ngay.';
  const chinese = '快递三天了还没到，客服电话也打不通，请尽快处理。';
  const traditional = '快遞三天了還沒到，請盡快處理。';

  it.each([
    [
      'windows-1258, 8bit (decomposed marks, composed on receipt)',
      'windows-1258',
      '8bit',
      windows1258(vietnamese),
      vietnamese,
    ],
    [
      'windows-1258, quoted-printable',
      'windows-1258',
      'quoted-printable',
      Buffer.from(qp(windows1258(vietnamese))),
      vietnamese,
    ],
    [
      'UTF-8 in NFD, base64',
      'utf-8',
      'base64',
      Buffer.from(Buffer.from(vietnamese.normalize('NFD')).toString('base64')),
      vietnamese,
    ],
    ['GB2312, 8bit', 'gb2312', '8bit', iconv.encode(chinese, 'gb2312'), chinese],
    [
      'GBK, base64',
      'gbk',
      'base64',
      Buffer.from(iconv.encode(chinese, 'gbk').toString('base64')),
      chinese,
    ],
    [
      'GB18030, quoted-printable',
      'gb18030',
      'quoted-printable',
      Buffer.from(qp(iconv.encode(chinese, 'gb18030'))),
      chinese,
    ],
    ['Big5, 8bit', 'big5', '8bit', iconv.encode(traditional, 'big5'), traditional],
  ])('%s', async (_name, charset, encoding, body, expected) => {
    const { org } = await createTestOrg(ctx);
    const raw = rawMail(
      {
        From: 'Khach <khach@example.vn>',
        To: 'cs@example.vn',
        Subject: `=?${charset}?B?${(charset === 'utf-8' ? Buffer.from('Khiếu nại') : charset.startsWith('windows') ? windows1258('Khiếu nại') : iconv.encode(charset === 'big5' ? '投訴' : '投诉', charset)).toString('base64')}?=`,
        'Message-ID': `<${org.slug}-${charset}-${encoding}@example.vn>`,
        'MIME-Version': '1.0',
        'Content-Type': `text/plain; charset=${charset}`,
        'Content-Transfer-Encoding': encoding,
      },
      body,
    );
    const result = await ctx.services.channels.receive(org.slug, raw, 'cli');
    expect(result.outcome).toBe('created');
    const row = await kept(org.id, result.inboundId);
    expect(row.text_full.trim()).toBe(expected);
    expect(row.subject).toBe(
      charset === 'utf-8' || charset.startsWith('windows')
        ? 'Khiếu nại'
        : charset === 'big5'
          ? '投訴'
          : '投诉',
    );
    const description = await ctx.db
      .selectFrom('complaints')
      .select(['description', 'channel', 'language'])
      .where('org_id', '=', org.id)
      .where('id', '=', result.complaintId!)
      .executeTakeFirstOrThrow();
    expect(description.channel).toBe('email');
    expect(description.description).toContain(expected);
    expect(description.description).toBe(description.description.normalize('NFC'));
    expect(description.language).toBe(expected === vietnamese ? 'vi' : 'zh');
  });

  it('reads RFC 2231 attachment names and raw UTF-8 headers', async () => {
    const { org } = await createTestOrg(ctx);
    const raw = await compose({
      from: '"Nguyễn Văn An" <an@example.vn>',
      to: 'cs@example.vn',
      subject: 'Hóa đơn sai số tiền',
      text: 'Hóa đơn tháng này tính sai, xin xem tệp đính kèm.',
      attachments: [
        { filename: 'hóa đơn tháng 11 — bản chụp.txt', content: 'số tiền: 1.250.000 ₫' },
      ],
    });
    const result = await ctx.services.channels.receive(org.slug, raw, 'cli');
    expect(result.outcome).toBe('created');
    const row = await kept(org.id, result.inboundId);
    expect(row.from_name).toBe('Nguyễn Văn An');
    expect((row.attachments as { filename: string }[])[0]?.filename).toBe(
      'hóa đơn tháng 11 — bản chụp.txt',
    );
    const utf8Header = rawMail(
      {
        From: '王小明 <wang@example.cn>',
        To: 'cs@example.vn',
        Subject: '订单没有收到',
        'Message-ID': `<raw-utf8-${org.slug}@example.cn>`,
        'Content-Type': 'text/plain; charset=utf-8',
      },
      Buffer.from('我的订单一直没有收到，请帮忙查询。'),
    );
    const raw8 = await ctx.services.channels.receive(org.slug, utf8Header, 'cli');
    const row8 = await kept(org.id, raw8.inboundId);
    expect(row8.subject).toBe('订单没有收到');
    expect(row8.from_name).toBe('王小明');
  });
});

function qp(bytes: Buffer): string {
  let out = '';
  let line = 0;
  for (const byte of bytes) {
    const piece =
      byte >= 33 && byte <= 126 && byte !== 61
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line + piece.length > 73) {
      out += '=\r\n';
      line = 0;
    }
    out += piece;
    line += piece.length;
  }
  return out;
}
