import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
} from './harness.ts';

// Issue 12: a customer answers the satisfaction survey on a phone, in the portal the thank-you
// mail linked, and the agent sees the score on the case. The demo org's survey waits two hours
// after the fix; the journey sets the wait to none for its own case, and puts it back after.

type Settings = Record<string, unknown> & { delayHours: number; askCes: boolean };

/** A staff call from the page, with the session's CSRF token. */
const callApi = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    { method, url, body },
  );

describe('a satisfaction survey answered on a phone', () => {
  let e2e: E2EBrowser;
  let admin: Page;
  let agent: Page;
  let customer: Page;
  let original: Settings | undefined;
  let complaintId = '';
  let trackingPath = '';
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await openBrowser();
    admin = await e2e.newPage('en');
    agent = await e2e.newPage('vi');
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
  });
  afterAll(async () => {
    if (original) await callApi(admin, 'PUT', '/api/survey-settings', original);
    printAxeSummary('survey');
    await e2e?.close();
  });

  it('a. the fix of a case sends its survey, with the effort question asked', async () => {
    await login(admin, DEMO.admin);
    const current = await callApi(admin, 'GET', '/api/survey-settings');
    expect(current.status).toBe(200);
    original = current.body as Settings;
    const saved = await callApi(admin, 'PUT', '/api/survey-settings', {
      ...original,
      isEnabled: true,
      timing: 'after_fix',
      delayHours: 0,
      askCes: true,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    await login(agent, DEMO.agent);
    const created = await callApi(agent, 'POST', '/api/complaints', {
      customer: { name: 'Lê Thu Hà', phone: '0903 555 123', email: `ha.${stamp}@example.vn` },
      channel: 'phone',
      severity: 'medium',
      description: `Điều hòa kêu to sau khi bảo trì (${stamp})`,
      language: 'vi',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    complaintId = created.body.complaint.id;
    trackingPath = new URL(created.body.complaint.trackingUrl).pathname;
    const fixed = await callApi(agent, 'POST', `/api/complaints/${complaintId}/status`, {
      status: 'fixed',
      note: 'Đã thay quạt dàn lạnh',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    // The worker sends it at once: the wait is none.
    await expect
      .poll(
        async () =>
          (await callApi(agent, 'GET', `/api/complaints/${complaintId}/surveys`)).body.items?.[0]
            ?.status,
        { timeout: 30_000, interval: 500 },
      )
      .toBe('sent');
  });

  it('b. the customer answers it on a phone, in Vietnamese, with large score buttons', async () => {
    await customer.goto(trackingPath);
    const form = customer.getByTestId('survey-form');
    await form.waitFor();
    await checkA11y(customer, 'portal survey (phone)');
    // Nothing is sent by opening the page: a score must be chosen first.
    await customer.getByTestId('survey-send').click();
    await customer.getByTestId('error-alert').waitFor();
    const five = customer.getByTestId('survey-csat-5');
    const box = await customer.locator('label.score-choice', { has: five }).boundingBox();
    // A finger-sized target on a 390-pixel-wide screen.
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
    await five.check();
    await customer.getByTestId('survey-ces-2').check();
    await customer.getByTestId('survey-comment').fill('Kỹ thuật viên đến đúng hẹn, cảm ơn!');
    await customer.getByTestId('survey-send').click();
    await customer.getByTestId('survey-thanks').waitFor();
    expect(await customer.getByTestId('survey-thanks').textContent()).toContain('5');
    await checkA11y(customer, 'portal survey answered (phone)');
  });

  it('c. the agent sees the score and the comment on the case', async () => {
    await agent.goto(`/complaints/${complaintId}`);
    const panel = agent.getByTestId('survey-panel');
    await panel.waitFor();
    await panel.getByTestId('survey-answered').waitFor();
    const scores = await panel.getByTestId('survey-scores').textContent();
    expect(scores).toContain('5');
    expect(scores).toContain('2');
    expect(await panel.getByTestId('survey-comment').textContent()).toBe(
      'Kỹ thuật viên đến đúng hẹn, cảm ơn!',
    );
    await checkA11y(agent, 'case page with an answered survey');
  });
});
