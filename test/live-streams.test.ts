import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

// The live-update stream (GET /api/live, server-sent events) is limited per session, across
// every process: real streams on real ports, since a stream takes the response over.

type Stream = { status: number; body: unknown; close(): void };

/** Opens a stream and waits for its `ready` event; a refusal comes back with its JSON body. */
async function openStream(baseUrl: string, cookie: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/live`, {
    headers: { cookie, 'accept-language': 'en' },
    signal: controller.signal,
  });
  if (response.status !== 200)
    return { status: response.status, body: await response.json(), close() {} };
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('event: ready')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended before it was ready');
    text += new TextDecoder().decode(value);
  }
  return { status: 200, body: undefined, close: () => controller.abort() };
}

let a: TestContext;
let b: TestContext;
let urlA: string;
let urlB: string;
beforeAll(async () => {
  a = await createTestContext();
  b = await createTestContext({ env: { LIVE_STREAMS_PER_SESSION: '3' } });
  urlA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await b.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('live-update streams per session', () => {
  it('refuses the 11th with a 429 in the normal shape, and a closed stream frees its slot', async () => {
    const { users } = await createTestOrg(a);
    const agent = await signIn(a, users.agent.email);
    const streams: Stream[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const stream = await openStream(urlA, agent.cookie);
        expect(stream.status, `stream ${i + 1}`).toBe(200);
        streams.push(stream);
      }
      const eleventh = await openStream(urlA, agent.cookie);
      expect(eleventh.status).toBe(429);
      expect(eleventh.body).toEqual({
        error: {
          code: 'rate_limited',
          message:
            'This session has too many live-update connections open (at most 10). Close some tabs.',
        },
      });
      // Another session of the same person has its own budget.
      const otherTab = await signIn(a, users.agent.email);
      const other = await openStream(urlA, otherTab.cookie);
      expect(other.status).toBe(200);
      other.close();

      streams.shift()!.close();
      let reopened: Stream | undefined;
      for (let i = 0; i < 50 && reopened?.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        reopened = await openStream(urlA, agent.cookie);
      }
      expect(reopened?.status).toBe(200);
      streams.push(reopened!);
      expect((await openStream(urlA, agent.cookie)).status).toBe(429);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('holds one budget per session across processes (LIVE_STREAMS_PER_SESSION)', async () => {
    // Both instances share the database; b allows 3 streams per session, a the default 10.
    const { users } = await createTestOrg(b);
    const manager = await signIn(b, users.manager.email);
    const streams: Stream[] = [];
    try {
      streams.push(await openStream(urlB, manager.cookie));
      streams.push(await openStream(urlB, manager.cookie));
      expect(streams.map((s) => s.status)).toEqual([200, 200]);
      // A stream opened on the other process counts against the same session's budget.
      const elsewhere = await openStream(urlA, manager.cookie);
      expect(elsewhere.status).toBe(200);
      streams.push(elsewhere);
      const refused = await openStream(urlB, manager.cookie);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({
        error: { code: 'rate_limited', message: expect.stringContaining('at most 3') },
      });
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('ends the streams of a process that stops, and gives up their slots', async () => {
    const c = await createTestContext();
    const urlC = await c.app.listen({ port: 0, host: '127.0.0.1' });
    const { users } = await createTestOrg(c);
    const agent = await signIn(c, users.agent.email);
    const onC: Stream[] = [];
    for (let i = 0; i < 10; i++) onC.push(await openStream(urlC, agent.cookie));
    expect(onC.map((s) => s.status)).toEqual(Array(10).fill(200));
    // The stop does not wait for the browsers to go: it ends their streams.
    await c.close();
    const onA: Stream[] = [];
    try {
      for (let i = 0; i < 10; i++) onA.push(await openStream(urlA, agent.cookie));
      expect(onA.map((s) => s.status)).toEqual(Array(10).fill(200));
      expect((await openStream(urlA, agent.cookie)).status).toBe(429);
    } finally {
      for (const s of [...onA, ...onC]) s.close();
    }
  });
});
