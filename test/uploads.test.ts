import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  multipart,
  multipartBoundary,
  multipartHeaders,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Issue 7, item 7: no disk filling through the portal or the console.

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const pdf = (bytes = 0) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x20)]);
const elf = Buffer.concat([
  Buffer.from('7f454c4602010100000000000000000002003e00', 'hex'),
  Buffer.alloc(64),
]);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    uploadMaxBytes: 64 * 1024,
    env: {
      ATTACHMENT_FILES_PER_COMPLAINT: '4',
      ATTACHMENT_BYTES_PER_COMPLAINT: String(150 * 1024),
    },
  });
});
afterAll(async () => ctx.close());

async function setup() {
  const { users } = await createTestOrg(ctx);
  const agent = await signIn(ctx, users.agent.email);
  const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
  const upload = (
    files: { filename: string; contentType: string; content: Buffer }[],
    lang = 'en',
  ) =>
    agent.request(
      'POST',
      `/api/complaints/${complaint.id}/attachments`,
      multipart(files.map((f) => ({ name: 'file', ...f }))),
      { ...multipartHeaders, 'accept-language': lang },
    );
  return { agent, complaint, upload };
}

describe('uploads', () => {
  it('reads the type from the bytes: an executable named .pdf is refused, a PNG stays a PNG', async () => {
    const { upload, agent, complaint } = await setup();
    const exe = await upload([
      { filename: 'hoa-don.pdf', contentType: 'application/pdf', content: elf },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'file' });
    expect(exe.json().error.message).toContain('hoa-don.pdf');
    expect(exe.json().error.message).not.toContain('application/');
    const disguised = await upload([
      { filename: 'scan.pdf', contentType: 'application/pdf', content: png },
    ]);
    expect(disguised.statusCode).toBe(201);
    expect(disguised.json().items[0].contentType).toBe('image/png');
    const detail = (await agent.get(`/api/complaints/${complaint.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
  });

  it('names the limit when one upload carries too many files', async () => {
    const roomy = await createTestContext();
    const { users } = await createTestOrg(roomy);
    const agent = await signIn(roomy, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const upload = (files: { filename: string; contentType: string; content: Buffer }[]) =>
      agent.request(
        'POST',
        `/api/complaints/${complaint.id}/attachments`,
        multipart(files.map((f) => ({ name: 'file', ...f }))),
        { ...multipartHeaders, 'accept-language': 'en' },
      );
    const many = await upload(
      Array.from({ length: 11 }, (_, i) => ({
        filename: `a${i}.png`,
        contentType: 'image/png',
        content: png,
      })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toMatchObject({ code: 'too_many_files', field: 'file' });
    expect(many.json().error.message).toBe('Too many files in one upload (at most 10).');
    await roomy.close();
  });

  it('keeps to the quota of files and of bytes per case, in the reader’s language', async () => {
    const { upload, agent, complaint } = await setup();
    const first = await upload([
      { filename: '1.pdf', contentType: 'application/pdf', content: pdf(60 * 1024) },
      { filename: '2.pdf', contentType: 'application/pdf', content: pdf(60 * 1024) },
    ]);
    expect(first.statusCode).toBe(201);
    // 150 KB per case: a third file of 60 KB passes the file limit but not the case's space.
    const over = await upload(
      [{ filename: '3.pdf', contentType: 'application/pdf', content: pdf(60 * 1024) }],
      'vi',
    );
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({ code: 'quota_exceeded', field: 'file' });
    expect(over.json().error.message).toContain('dung lượng');
    await upload([{ filename: '3.png', contentType: 'image/png', content: png }]);
    await upload([{ filename: '4.png', contentType: 'image/png', content: png }]);
    const fifth = await upload([{ filename: '5.png', contentType: 'image/png', content: png }]);
    expect(fifth.statusCode).toBe(413);
    expect(fifth.json().error.message).toContain('at most 4');
    const detail = (await agent.get(`/api/complaints/${complaint.id}`)).json();
    expect(detail.attachments).toHaveLength(4);
  });

  it('keeps to the org-wide quota across cases', async () => {
    const small = await createTestContext({
      uploadMaxBytes: 64 * 1024,
      env: { ATTACHMENT_BYTES_PER_ORG: String(100 * 1024) },
    });
    try {
      const { users } = await createTestOrg(small);
      const agent = await signIn(small, users.agent.email);
      const codes: number[] = [];
      let message = '';
      for (let i = 0; i < 2; i++) {
        const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
        const r = await agent.request(
          'POST',
          `/api/complaints/${complaint.id}/attachments`,
          multipart([
            {
              name: 'file',
              filename: `${i}.pdf`,
              contentType: 'application/pdf',
              content: pdf(60 * 1024),
            },
          ]),
          { ...multipartHeaders, 'accept-language': 'en' },
        );
        codes.push(r.statusCode);
        if (r.statusCode !== 201) message = r.json().error.message;
      }
      expect(codes).toEqual([201, 413]);
      expect(message).toBe('The organisation has used its file space (at most 100 KB).');
    } finally {
      await small.close();
    }
  });

  it('cuts a too large upload off while it streams, without reading the rest', async () => {
    const { agent, complaint } = await setup();
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (ctx.app.server.address() as AddressInfo).port;
    const total = 30 * 1024 * 1024;
    const head = `--${multipartBoundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
    const tail = `\r\n--${multipartBoundary}--\r\n`;
    const result = await new Promise<{ status: number; written: number }>((resolve, reject) => {
      let written = 0;
      let status = 0;
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/complaints/${complaint.id}/attachments`,
        headers: {
          ...multipartHeaders,
          'content-length': String(Buffer.byteLength(head) + total + Buffer.byteLength(tail)),
          cookie: agent.cookie,
          'x-csrf-token': agent.csrfToken,
        },
      });
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        response.resume();
        resolve({ status, written });
      });
      // Once the server has answered and closed, further writes fail: that is the point.
      request.on('error', (error) => (status ? undefined : reject(error)));
      request.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < total && status === 0) {
          written += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (status === 0) request.end(tail);
      };
      pump();
    });
    expect(result.status).toBe(413);
    console.log(`upload cut off after ${Math.round(result.written / 1024)} KB of 30 MB`);
    expect(result.written).toBeLessThan(8 * 1024 * 1024);
  });
});
