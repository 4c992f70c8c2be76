import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavTone } from '../fixtures/audio.ts';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
} from './harness.ts';

/** What the test reads of the page's `<audio>` element (the test's types have no DOM). */
type AudioLike = {
  readyState: number;
  duration: number;
  currentTime: number;
  addEventListener(type: string, listener: () => void, options?: { once: boolean }): void;
};

// Phone: a complaint taken on the phone opens with its call to log; the agent logs it with its
// recording, plays it and seeks in it (the recording is served in byte ranges); the timeline
// says the call was logged.
describe('calls: a phone complaint → its call logged with a recording → played and sought', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  const stamp = Date.now().toString(36);
  let complaintId = '';

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage('vi');
  });
  afterAll(async () => {
    await e2e?.close();
    printAxeSummary('calls');
  });

  it('a. a phone complaint opens with the form to log its call', async () => {
    await login(agent, DEMO.agent);
    complaintId = await agent.evaluate(async (stamp) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          customer: { name: 'Trần Văn Bình', phone: '0903 123 456' },
          channel: 'phone',
          severity: 'medium',
          description: `Khách gọi báo mất kết nối internet ba ngày (${stamp})`,
        }),
      });
      return ((await response.json()) as { complaint: { id: string } }).complaint.id;
    }, stamp);
    expect(complaintId).toMatch(/^[0-9a-f-]{36}$/);
    await agent.goto(`/complaints/${complaintId}?logCall=1`);
    const form = agent.getByTestId('call-form');
    await form.waitFor();
    await expect.poll(() => agent.getByTestId('call-phone').inputValue()).toBe('0903 123 456');
    await checkA11y(agent, 'case page (log a call)');
  });

  it('b. the agent logs the call with its recording, by keyboard', async () => {
    const dialog = agent.getByRole('dialog');
    await agent.getByTestId('call-minutes').fill('3');
    await agent.getByTestId('call-seconds').fill('5');
    // The outcome by keyboard: the list opens on the arrow key, Enter picks.
    await agent.getByTestId('call-outcome').click();
    await agent.getByRole('option', { name: 'Hộp thư thoại' }).click();
    expect(await agent.getByTestId('call-outcome').inputValue()).toBe('Hộp thư thoại');
    await agent.getByTestId('call-outcome').focus();
    await agent.keyboard.press('ArrowDown');
    await agent.getByRole('option', { name: 'Đã nói chuyện' }).waitFor();
    await agent.keyboard.press('ArrowUp');
    await agent.keyboard.press('ArrowUp');
    await agent.keyboard.press('Enter');
    await expect.poll(() => agent.getByTestId('call-outcome').inputValue()).toBe('Đã nói chuyện');
    await agent.getByTestId('call-notes').fill(`Khách kể lại sự cố mất mạng (${stamp})`);
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'cuoc-goi.wav',
      mimeType: 'audio/wav',
      buffer: wavTone(2),
    });
    await agent.getByTestId('call-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const item = agent.getByTestId('call-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Đã nói chuyện');
    expect(await item.textContent()).toContain('3:05');
    expect(await item.textContent()).toContain(stamp);
    const event = agent.locator('[data-testid="timeline-event"][data-type="call.logged"]');
    await expect.poll(() => event.count(), { timeout: 15_000 }).toBe(1);
    expect(await event.textContent()).toContain('ghi nhận một cuộc gọi');
  });

  it('c. the recording plays: its length is known and the seek bar moves it', async () => {
    const player = agent.getByTestId('call-player');
    await player.waitFor();
    expect(await player.getAttribute('preload')).toBe('metadata');
    const duration = await player.evaluate(
      (audio: AudioLike) =>
        new Promise<number>((resolve, reject) => {
          if (audio.readyState >= 1) return resolve(audio.duration);
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true });
          audio.addEventListener('error', () => reject(new Error('audio error')), { once: true });
        }),
    );
    expect(duration).toBeGreaterThan(1.9);
    expect(duration).toBeLessThan(2.1);
    const sought = await player.evaluate(
      (audio: AudioLike) =>
        new Promise<number>((resolve) => {
          audio.addEventListener('seeked', () => resolve(audio.currentTime), { once: true });
          audio.currentTime = 1.5;
        }),
    );
    expect(sought).toBeCloseTo(1.5, 1);
    const recordingId = await agent.getByTestId('call-item').getAttribute('data-recording-id');
    const ranged = await agent.request.get(`/api/attachments/${recordingId}`, {
      headers: { range: 'bytes=0-99' },
    });
    expect(ranged.status()).toBe(206);
    expect(ranged.headers()['content-range']).toMatch(/^bytes 0-99\/\d+$/);
    await checkA11y(agent, 'case page (call with recording)');
  });
});
