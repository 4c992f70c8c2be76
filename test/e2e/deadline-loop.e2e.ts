import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
  publicClientHeaders,
  openCaseFromQueue,
} from './harness.ts';

// Steps 4–5: the agent commits a deadline from the catalogue; on a second case a department
// answers a deadline request live and the agent commits the answered time; the customer sees
// it in the portal; then the server's clock moves forward, the promise is broken, and the
// breach escalates to the agent's manager, who sees the notice.
describe('deadline loop: catalogue commitment → live deadline request → portal → escalation', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  let responder: Page;
  let customer: Page;
  let manager: Page;
  const stamp = Date.now().toString(36);
  const cases: { reference: string; trackingPath: string }[] = [];

  /** A complaint filed on the public form (over the API, as the form does). */
  async function fileComplaint(n: number) {
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Trần Văn Khách ${stamp}-${n}`,
        phone: `0912${String(100_000 + n).slice(-6)}`,
        email: `khach.${stamp}.${n}@example.vn`,
        description: `Tủ lạnh giao trễ, hộp bị móp (${stamp}-${n}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    const { reference, trackingUrl } = (await response.json()) as {
      reference: string;
      trackingUrl: string;
    };
    cases.push({ reference, trackingPath: new URL(trackingUrl).pathname });
  }

  async function openCase(page: Page, reference: string) {
    await openCaseFromQueue(page, reference);
    await page.getByTestId('commitment-panel').waitFor();
  }

  async function pick(page: Page, testId: string, optionText: string) {
    await page.getByTestId(testId).click();
    await page
      .getByRole('option', { name: new RegExp(optionText) })
      .first()
      .click();
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage({ locale: 'vi' });
    responder = await e2e.newPage({ locale: 'vi' });
    manager = await e2e.newPage({ locale: 'vi' });
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
    await fileComplaint(1);
    await fileComplaint(2);
  });

  afterAll(async () => {
    printAxeSummary('deadline-loop');
    await e2e?.close();
  });

  it('a. the agent commits a deadline from the task catalogue', async () => {
    await login(agent, DEMO.agent);
    await openCase(agent, cases[0]!.reference);
    expect(await agent.getByTestId('step-commit').getAttribute('data-state')).not.toBe('done');
    await pick(agent, 'task-type-select', 'Giao lại hàng');
    const proposed = agent.getByTestId('proposed-due');
    await expect
      .poll(() => proposed.getAttribute('data-due'), { timeout: 15_000 })
      .toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const due = await proposed.getAttribute('data-due');
    await expect
      .poll(() => agent.getByTestId('commit-due-input-field').getAttribute('data-iso'))
      .toBe(due);
    await checkA11y(agent, 'commitment form with a proposal');
    await agent.getByTestId('commit-submit').click();
    await expect
      .poll(() => agent.getByTestId('commitment-row').count(), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(() => agent.getByTestId('step-commit').getAttribute('data-state'))
      .toBe('done');
    await agent.getByTestId('clocks-panel').waitFor();
    await expect
      .poll(() =>
        agent.locator('[data-testid="clock-row"][data-clock="fix"]').getAttribute('data-state'),
      )
      .toBe('running');
    await checkA11y(agent, 'complaint detail (committed)');
  });

  it('b. a department answers a deadline request live, and the agent commits the answered time', async () => {
    await openCase(agent, cases[1]!.reference);
    await agent.getByTestId('deadline-request-toggle').click();
    await pick(agent, 'deadline-request-department', 'Giao vận');
    await agent
      .getByTestId('deadline-request-question')
      .fill(`Khi nào giao lại được tủ lạnh? (${stamp})`);
    await agent.getByTestId('deadline-request-submit').click();
    await expect
      .poll(
        () =>
          agent.locator('[data-testid="deadline-request-row"]').first().getAttribute('data-status'),
        { timeout: 15_000 },
      )
      .toBe('open');

    // The responder, in a second browser, has the deadline-request screen open.
    await login(responder, DEMO.responder);
    await responder.goto('/deadline-requests');
    const request = responder
      .getByTestId('deadline-request-row')
      .filter({ hasText: cases[1]!.reference });
    await request.waitFor({ timeout: 15_000 });
    await checkA11y(responder, 'deadline requests (responder)');
    await request.getByTestId('deadline-answer-note').fill('Xe giao chiều mai');
    await request.getByTestId('deadline-answer-submit').click();

    // The answer arrives on the agent's open page without a reload: the due drops into the form.
    await agent.getByTestId('commit-from-request').waitFor({ timeout: 20_000 });
    const answered = await agent.getByTestId('commit-due-input-field').getAttribute('data-iso');
    expect(answered).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await checkA11y(agent, 'commitment form with the department answer');
    await agent.getByTestId('commit-submit').click();
    await expect
      .poll(() => agent.getByTestId('commitment-row').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await agent.getByTestId('commitment-panel').textContent()).toContain('Giao vận');
  });

  it('b2. the responder pages through more deadline requests than fit on one page', async () => {
    const complaintId = /\/complaints\/([0-9a-f-]{36})/.exec(agent.url())?.[1];
    expect(complaintId).toBeTruthy();
    const openTotal = () =>
      responder.evaluate(async () => {
        const r = await fetch('/api/deadline-requests?status=open&pageSize=1');
        return ((await r.json()) as { total: number }).total;
      });
    const before = await openTotal();
    // Twenty-six more questions to delivery: with 25 a page, the list now has a second page.
    const sent = await agent.evaluate(
      async ({ complaintId, stamp }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const departments = (await (await fetch('/api/departments')).json()) as {
          items: { id: string; name: string }[];
        };
        const delivery = departments.items.find((d) => d.name === 'Giao vận');
        const codes: number[] = [];
        for (let i = 1; i <= 26; i++) {
          const r = await fetch(`/api/complaints/${complaintId}/deadline-requests`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify({
              departmentId: delivery?.id,
              question: `Lắp đặt lại được khi nào? ${stamp} #${i}`,
            }),
          });
          codes.push(r.status);
        }
        return codes;
      },
      { complaintId, stamp },
    );
    expect(sent).toEqual(Array.from({ length: 26 }, () => 201));
    const total = before + 26;
    expect(await openTotal()).toBe(total);

    await responder.goto('/deadline-requests');
    const rows = responder.getByTestId('deadline-request-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(25);
    // Newest first: the last question sent heads the first page.
    expect(await rows.first().textContent()).toContain(`${stamp} #26`);
    expect(await responder.getByTestId('deadline-requests-total').textContent()).toBe(
      `${total} yêu cầu`,
    );
    const pagination = responder.getByTestId('deadline-requests-pagination');
    await pagination.getByRole('button', { name: 'Trang 2', exact: true }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(Math.min(25, total - 25));
    expect(await rows.last().textContent()).not.toContain(`${stamp} #26`);
    await checkA11y(responder, 'deadline requests, second page');
  });

  it('c. the customer sees the deadline in the portal', async () => {
    await customer.goto(cases[1]!.trackingPath);
    await customer.getByTestId('portal').waitFor();
    const event = customer.locator('[data-testid="portal-event"][data-type="commitment.made"]');
    await event.waitFor({ timeout: 15_000 });
    expect(await event.textContent()).toMatch(/\d{1,2}:\d{2}/);
    await checkA11y(customer, 'portal with the commitment (phone)');
  });

  it('d. time moves on: the broken promise escalates to the manager, who sees the notice', async () => {
    // Move the server clock five days ahead; the worker fires the breach and the escalation.
    const admin = await e2e.newPage({ locale: 'vi' });
    await login(admin, DEMO.admin);
    const moved = await admin.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const r = await fetch('/api/dev/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ advanceMinutes: 5 * 24 * 60 }),
      });
      return r.status;
    });
    expect(moved).toBe(200);

    await login(manager, DEMO.manager);
    const bell = manager.getByTestId('notice-bell');
    await bell.waitFor();
    const reference = cases[0]!.reference;
    // The worker fires on its own; wait until the escalation notice exists, then open the bell.
    await expect
      .poll(
        () =>
          manager.evaluate(async (ref) => {
            const list = (await (await fetch('/api/notices?limit=200')).json()) as {
              items: { kind: string; data: { reference?: string } }[];
            };
            return list.items.some((n) => n.kind === 'escalation' && n.data.reference === ref);
          }, reference),
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    await manager.reload();
    await bell.waitFor();
    expect(
      Number(await manager.getByTestId('notice-badge').getAttribute('data-count')),
    ).toBeGreaterThan(0);
    await bell.click();
    await manager.getByTestId('notice-item').filter({ hasText: reference }).first().waitFor();
    await checkA11y(manager, 'manager notices');
    const item = manager.getByTestId('notice-item').filter({ hasText: reference }).first();
    expect(await item.textContent()).toMatch(/chuyển cấp/i);
  });
});
