import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  multipart,
  multipartHeaders,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';
import { exeFile, m4aHeader, mp3Frame, oggPage, pdfFile, wavTone } from './fixtures/audio.ts';

// Issue 13: phone calls with recordings.

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const aCall = (overrides: Record<string, unknown> = {}) => ({
  direction: 'inbound',
  phone: '0912 345 678',
  startedAt: '2026-03-09T02:15:00.000Z',
  durationSeconds: 245,
  outcome: 'reached',
  notes: 'Khách gọi hỏi về đơn hàng trễ',
  ...overrides,
});

async function setup() {
  const { users, org } = await createTestOrg(ctx);
  const agent = await signIn(ctx, users.agent.email);
  const created = await agent.post('/api/complaints', sampleComplaint());
  expect(created.statusCode).toBe(201);
  const { complaint } = created.json();
  return { users, org, agent, complaint };
}

const uploadRecording = (
  client: Client,
  callId: string,
  file: { filename: string; contentType: string; content: Buffer },
  lang = 'en',
) =>
  client.request('POST', `/api/calls/${callId}/recording`, multipart([{ name: 'file', ...file }]), {
    ...multipartHeaders,
    'accept-language': lang,
  });

describe('calls', () => {
  it('logs a call on a case: stored with its number in E.164, on the timeline, in the list', async () => {
    const { agent, complaint, users } = await setup();
    const logged = await agent.post(`/api/complaints/${complaint.id}/calls`, aCall());
    expect(logged.statusCode).toBe(201);
    const call = logged.json();
    expect(call).toMatchObject({
      complaintId: complaint.id,
      direction: 'inbound',
      phone: '+84912345678',
      startedAt: '2026-03-09T02:15:00.000Z',
      durationSeconds: 245,
      outcome: 'reached',
      notes: 'Khách gọi hỏi về đơn hàng trễ',
      loggedBy: { type: 'user', id: users.agent.id, name: users.agent.name },
      recording: null,
    });
    const list = (await agent.get(`/api/complaints/${complaint.id}/calls`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    expect((await agent.get(`/api/calls/${call.id}`)).json()).toEqual(call);
    const timeline = (await agent.get(`/api/complaints/${complaint.id}/timeline`)).json();
    const event = timeline.events.find((e: { type: string }) => e.type === 'call.logged');
    expect(event).toMatchObject({
      visibility: 'internal',
      data: { callId: call.id, direction: 'inbound', outcome: 'reached', durationSeconds: 245 },
    });
  });

  it('joins a case through POST /api/calls, from a phone system with an API key', async () => {
    const { users, complaint } = await setup();
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const logged = await api.request('POST', '/api/calls', {
      ...aCall({ direction: 'outbound', outcome: 'voicemail', durationSeconds: 20 }),
      complaintId: complaint.id,
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({
      complaintId: complaint.id,
      outcome: 'voicemail',
      loggedBy: { type: 'api' },
    });
  });

  it('starts a phone complaint with its call through POST /api/calls, once per Idempotency-Key', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const body = {
      ...aCall({ phone: '0987 654 321', durationSeconds: 300 }),
      complaint: {
        customer: { name: 'Trần Văn Bình' },
        description: 'Gọi điện báo máy lạnh lắp xong không chạy',
        severity: 'high',
      },
    };
    const post = (b: unknown, key = 'pbx-call-0001') =>
      api.request('POST', '/api/calls', b, { 'idempotency-key': key });
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(201);
    const call = first.json();
    expect(call).toMatchObject({
      phone: '+84987654321',
      durationSeconds: 300,
      loggedBy: { type: 'api' },
      startedComplaint: { created: true },
    });
    expect(call.startedComplaint.reference).toMatch(/^KN-\d{4}-\d{6}$/);
    expect(call.startedComplaint.id).toBe(call.complaintId);
    expect(call.startedComplaint.trackingUrl).toContain('/track/');
    const detail = (await admin.get(`/api/complaints/${call.complaintId}`)).json();
    expect(detail.complaint).toMatchObject({ channel: 'phone', severity: 'high' });
    // The customer's number is the call's when the complaint gives none.
    expect(detail.customer).toMatchObject({ name: 'Trần Văn Bình', phone: '+84987654321' });
    const timeline = (await admin.get(`/api/complaints/${call.complaintId}/timeline`)).json();
    const logged = timeline.events.filter((e: { type: string }) => e.type === 'call.logged');
    expect(logged).toHaveLength(1);
    expect(logged[0].data).toMatchObject({ callId: call.id, durationSeconds: 300 });

    // A retry answers the first call and case; nothing is logged twice.
    const again = await post(body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      id: call.id,
      complaintId: call.complaintId,
      startedComplaint: { id: call.complaintId, created: false },
    });
    const calls = (await admin.get(`/api/complaints/${call.complaintId}/calls`)).json();
    expect(calls.items).toHaveLength(1);
    // The same key with another call is a conflict, not a second case.
    const changed = await post({ ...body, durationSeconds: 12 });
    expect(changed.statusCode).toBe(409);
  });

  it('refuses a call that names both a case and a new complaint, or neither, naming the field', async () => {
    const { agent, complaint } = await setup();
    const both = await agent.post('/api/calls', {
      ...aCall(),
      complaintId: complaint.id,
      complaint: { customer: { name: 'A' }, description: 'x' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.field).toBe('complaint');
    const neither = await agent.post('/api/calls', aCall(), { 'accept-language': 'vi' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.field).toBe('complaintId');
    expect(neither.json().error.message).toContain('Hồ sơ khiếu nại');
    // A bad call refuses the whole request: no case is made without its call.
    const before = (await agent.get('/api/complaints?scope=all')).json().total;
    const bad = await agent.post('/api/calls', {
      ...aCall({ phone: '12' }),
      complaint: { customer: { name: 'B' }, description: 'Máy hỏng' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('phone');
    expect((await agent.get('/api/complaints?scope=all')).json().total).toBe(before);
  });

  it.each([
    ['vi', 'số điện thoại'],
    ['en', 'phone number'],
    ['zh', '电话号码'],
  ])('names the refused field in the reader’s language (%s)', async (lang, phoneLabel) => {
    const { agent, complaint } = await setup();
    const post = (body: Record<string, unknown>) =>
      agent.post(`/api/complaints/${complaint.id}/calls`, body, { 'accept-language': lang });
    const badPhone = await post(aCall({ phone: '12' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.field).toBe('phone');
    expect(badPhone.json().error.message.toLowerCase()).toContain(phoneLabel);
    const badOutcome = await post(aCall({ outcome: 'hung_up' }));
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json().error.field).toBe('outcome');
    expect(badOutcome.json().error.message).toContain(
      { vi: 'Kết quả cuộc gọi', en: 'Outcome', zh: '通话结果' }[lang],
    );
    const negative = await post(aCall({ durationSeconds: -1 }));
    expect(negative.json().error.field).toBe('durationSeconds');
    const future = await post(aCall({ startedAt: '2099-01-01T00:00:00.000Z' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('startedAt');
    expect(future.json().error.message).toContain(
      { vi: 'Thời điểm bắt đầu', en: 'Started at', zh: '开始时间' }[lang],
    );
    const list = (await agent.get(`/api/complaints/${complaint.id}/calls`)).json();
    expect(list.items).toEqual([]);
  });

  it(`stores the notes exactly, or refuses them naming the field, for each of ${blns.length} naughty strings`, async () => {
    const { agent, complaint } = await setup();
    const kept = new Map<string, string>();
    for (let i = 0; i < blns.length; i += 20) {
      const batch = blns.slice(i, i + 20);
      const results = await Promise.all(
        batch.map((notes) => agent.post(`/api/complaints/${complaint.id}/calls`, aCall({ notes }))),
      );
      results.forEach((r, j) => {
        expect(r.statusCode, batch[j]).toBeLessThan(500);
        if (r.statusCode === 201) kept.set(r.json().id, batch[j]!);
        else {
          expect(r.statusCode).toBe(400);
          expect(r.json().error.field).toBe('notes');
        }
      });
    }
    expect(kept.size).toBeGreaterThan(blns.length - 5);
    const list = (await agent.get(`/api/complaints/${complaint.id}/calls`)).json();
    for (const call of list.items as { id: string; notes: string }[])
      expect(call.notes).toBe(kept.get(call.id));
    expect(list.items).toHaveLength(kept.size);
  });

  it('keeps MP3, Ogg, M4A and WAV recordings as internal attachments of kind call_recording', async () => {
    const { agent, complaint } = await setup();
    const files = [
      { filename: 'goi-den.wav', contentType: 'audio/wav', content: wavTone(1), type: 'audio/wav' },
      {
        filename: 'goi-di.mp3',
        contentType: 'audio/mpeg',
        content: mp3Frame(),
        type: 'audio/mpeg',
      },
      { filename: 'hop-thu.ogg', contentType: 'audio/ogg', content: oggPage(), type: 'audio/ogg' },
      {
        filename: 'ghi-am.m4a',
        contentType: 'audio/x-m4a',
        content: m4aHeader(),
        type: 'audio/mp4',
      },
    ];
    for (const { type, ...file } of files) {
      const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
      const attached = await uploadRecording(agent, call.id, file);
      expect(attached.statusCode, attached.body).toBe(201);
      expect(attached.json().recording).toMatchObject({
        filename: file.filename,
        contentType: type,
        kind: 'call_recording',
        visibleToCustomer: false,
        sizeBytes: file.content.length,
      });
      const again = await uploadRecording(agent, call.id, file);
      expect(again.statusCode).toBe(409);
    }
    const detail = (await agent.get(`/api/complaints/${complaint.id}`)).json();
    expect(detail.attachments.map((a: { kind: string }) => a.kind)).toEqual(
      files.map(() => 'call_recording'),
    );
    const calls = (await agent.get(`/api/complaints/${complaint.id}/calls`)).json();
    expect(calls.items.every((c: { recording: unknown }) => c.recording !== null)).toBe(true);

    // The customer's portal lists none of them, nor serves them.
    const token = complaint.trackingUrl.split('/track/')[1];
    const portal = await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.json().attachments).toEqual([]);
    expect(portal.body).not.toContain('call.logged');
    const served = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${token}/attachments/${calls.items[0].recording.id}`,
    });
    expect(served.statusCode).toBe(404);
  });

  it.each([
    ['en', 'Call recording'],
    ['vi', 'Bản ghi âm cuộc gọi'],
    ['zh', '通话录音'],
  ])('refuses a PDF or an executable named .mp3, naming the field (%s)', async (lang, label) => {
    const { agent, complaint } = await setup();
    const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
    for (const content of [pdfFile(), exeFile(), Buffer.from('just some text')]) {
      const refused = await uploadRecording(
        agent,
        call.id,
        { filename: 'ghi-am.mp3', contentType: 'audio/mpeg', content },
        lang,
      );
      expect(refused.statusCode).toBe(415);
      expect(refused.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'file' });
      expect(refused.json().error.message).toContain(label);
      expect(refused.json().error.message).toContain('ghi-am.mp3');
    }
    // A photo is a fine attachment but not a recording.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const photo = await uploadRecording(agent, call.id, {
      filename: 'anh.png',
      contentType: 'image/png',
      content: png,
    });
    expect(photo.statusCode).toBe(415);
    const empty = await agent.request('POST', `/api/calls/${call.id}/recording`, multipart([]), {
      ...multipartHeaders,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('file');
    expect((await agent.get(`/api/complaints/${complaint.id}`)).json().attachments).toEqual([]);
    expect((await agent.get(`/api/calls/${call.id}`)).json().recording).toBeNull();
  });

  it('serves a recording in byte ranges: 206 with the bytes asked for, 416 past the end', async () => {
    const { agent, complaint } = await setup();
    const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
    const wav = wavTone(1);
    const { recording } = (
      await uploadRecording(agent, call.id, {
        filename: 'cuoc-goi.wav',
        contentType: 'audio/wav',
        content: wav,
      })
    ).json();
    const url = `/api/attachments/${recording.id}`;
    const get = (range?: string) => agent.request('GET', url, undefined, range ? { range } : {});

    const whole = await get();
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(wav)).toBe(true);

    const first = await get('bytes=0-99');
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${wav.length}`);
    expect(first.headers['content-length']).toBe('100');
    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.rawPayload.equals(wav.subarray(0, 100))).toBe(true);

    const last = await get('bytes=-500');
    expect(last.statusCode).toBe(206);
    expect(last.headers['content-range']).toBe(
      `bytes ${wav.length - 500}-${wav.length - 1}/${wav.length}`,
    );
    expect(last.rawPayload.equals(wav.subarray(wav.length - 500))).toBe(true);

    const open = await get(`bytes=${wav.length - 10}-`);
    expect(open.statusCode).toBe(206);
    expect(open.rawPayload.equals(wav.subarray(wav.length - 10))).toBe(true);

    const beyond = await get(`bytes=${wav.length}-`);
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${wav.length}`);
  });

  it('answers 404 for another org’s case, call and recording', async () => {
    const { agent, complaint } = await setup();
    const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
    const { recording } = (
      await uploadRecording(agent, call.id, {
        filename: 'a.wav',
        contentType: 'audio/wav',
        content: wavTone(0.2),
      })
    ).json();
    const other = await createTestOrg(ctx);
    const stranger = await signIn(ctx, other.users.agent.email);
    expect((await stranger.get(`/api/calls/${call.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/complaints/${complaint.id}/calls`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/complaints/${complaint.id}/calls`, aCall())).statusCode).toBe(
      404,
    );
    expect(
      (await stranger.post('/api/calls', { ...aCall(), complaintId: complaint.id })).statusCode,
    ).toBe(404);
    const upload = await uploadRecording(stranger, call.id, {
      filename: 'b.wav',
      contentType: 'audio/wav',
      content: wavTone(0.2),
    });
    expect(upload.statusCode).toBe(404);
    const served = await stranger.request('GET', `/api/attachments/${recording.id}`, undefined, {
      range: 'bytes=0-99',
    });
    expect(served.statusCode).toBe(404);
  });

  it('keeps a recording to the same size limit as every upload', async () => {
    const small = await createTestContext({ uploadMaxBytes: 8 * 1024 });
    try {
      const { users } = await createTestOrg(small);
      const agent = await signIn(small, users.agent.email);
      const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
      const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
      const tooLarge = await uploadRecording(agent, call.id, {
        filename: 'dai.wav',
        contentType: 'audio/wav',
        content: wavTone(1),
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error).toMatchObject({ code: 'payload_too_large', field: 'file' });
      expect((await agent.get(`/api/calls/${call.id}`)).json().recording).toBeNull();
      const fits = await uploadRecording(agent, call.id, {
        filename: 'ngan.wav',
        contentType: 'audio/wav',
        content: wavTone(0.25),
      });
      expect(fits.statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('lets the front line log calls and others only read them', async () => {
    const { users, agent, complaint } = await setup();
    const call = (await agent.post(`/api/complaints/${complaint.id}/calls`, aCall())).json();
    const responder = await signIn(ctx, users.responder.email);
    expect((await responder.get(`/api/calls/${call.id}`)).statusCode).toBe(200);
    expect(
      (await responder.post(`/api/complaints/${complaint.id}/calls`, aCall())).statusCode,
    ).toBe(403);
    const manager = await signIn(ctx, users.manager.email);
    expect((await manager.post(`/api/complaints/${complaint.id}/calls`, aCall())).statusCode).toBe(
      201,
    );
  });
});
