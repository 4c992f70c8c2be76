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

// The loop tells the truth: a template with a variable its kind does not have is refused when
// saved, the editor offers exactly the variables of the kind; the case page shows the thank-you
// with its concrete first-response time; the agent picks between the two apologies; a fixed case
// offers no re-commitment and its clocks follow the status at once; several notices about one
// case are one entry in the bell.
describe('truthful loop: template variables → thank-you → two apologies → fixed case → bell', () => {
  let e2e: E2EBrowser;
  let admin: Page;
  let agent: Page;
  const stamp = Date.now().toString(36);
  let reference = '';
  let otherReference = '';

  async function pick(page: Page, testId: string, optionText: string) {
    await page.getByTestId(testId).click();
    await page
      .getByRole('option', { name: new RegExp(optionText) })
      .first()
      .click();
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    admin = await e2e.newPage({ locale: 'vi' });
    agent = await e2e.newPage({ locale: 'vi' });
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Lê Văn Thật ${stamp}`,
        email: `that.${stamp}@example.vn`,
        description: `Máy lạnh lắp sai vị trí (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    reference = ((await response.json()) as { reference: string }).reference;
    const other = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Trịnh Thị Hỏi ${stamp}`,
        email: `hoi.${stamp}@example.vn`,
        description: `Đơn hàng giao thiếu một thùng (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(other.status).toBe(201);
    otherReference = ((await other.json()) as { reference: string }).reference;
  });

  afterAll(async () => {
    printAxeSummary('truthful-loop');
    await e2e?.close();
  });

  it('a. the template editor lists the kind’s variables and refuses an unknown one on save', async () => {
    await login(admin, DEMO.admin);
    await admin.goto('/admin/templates');
    await admin.getByTestId('templates-grid').waitFor();
    expect(await admin.getByTestId('template-cell-update-vi').textContent()).toContain(
      'Cập nhật tiến độ',
    );
    await admin.getByTestId('template-add-thank-vi').click();
    await admin.getByTestId('template-form').waitFor();
    // A thank-you can promise the first response; the read-back summary is not its variable.
    await admin.getByTestId('template-variable-firstResponseDueAt').waitFor();
    expect(await admin.getByTestId('template-variable-readBack').count()).toBe(0);

    await admin.getByTestId('template-name').fill(`Cảm ơn ${stamp}`);
    // A click inserts where the admin was writing: here, the subject.
    await admin.getByTestId('template-subject').fill('Cảm ơn anh/chị ');
    await admin.getByTestId('template-subject').focus();
    await expect
      .poll(() => admin.getByTestId('template-variable-target').textContent())
      .toBe('Chèn vào: tiêu đề');
    await admin.getByTestId('template-variable-reference').click();
    await expect
      .poll(() => admin.getByTestId('template-subject').inputValue())
      .toBe('Cảm ơn anh/chị {{reference}}');
    await admin
      .getByTestId('template-body')
      .fill('Chào {{ customer.name }}, chúng tôi trả lời trước {{firstResponseDueAt}}.');
    await admin.getByTestId('template-submit').click();
    // The server's refusal lands on the body, in the admin's language, naming the language.
    const form = admin.getByTestId('template-form');
    await expect
      .poll(() => form.textContent(), { timeout: 15_000 })
      .toContain('Nội dung (Tiếng Việt) dùng biến không có trong loại mẫu này: {{customer.name}}');
    await checkA11y(admin, 'template editor (unknown variable refused)');

    await admin
      .getByTestId('template-body')
      .fill('Chào {{customerName}}, chúng tôi trả lời trước {{firstResponseDueAt}}.');
    // Saved inactive, so the demo org's thank-you stays the default one for the other journeys.
    await admin.getByTestId('template-active').click();
    await admin.getByTestId('template-submit').click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    // The grid reloads once the form has closed.
    await expect
      .poll(() => admin.getByTestId('template-cell-thank-vi').textContent(), { timeout: 15_000 })
      .toContain(`Cảm ơn ${stamp}`);
  });

  it('b. the agent picks between the apology that takes responsibility and the empathy one', async () => {
    await login(agent, DEMO.agent);
    await openCaseFromQueue(agent, reference);

    // The thank-you on the case page promises the first response at the clock's own due, in
    // the customer's language and the calendar's zone (Hồ Chí Minh City), never "sớm nhất".
    const complaintId = new URL(agent.url()).pathname.split('/').at(-1)!;
    const firstDue = await agent.evaluate(async (id) => {
      const view = (await (await fetch(`/api/complaints/${id}/clocks`)).json()) as {
        clocks: { clock: string; dueAt: string | null }[];
      };
      return view.clocks.find((c) => c.clock === 'first_response')?.dueAt ?? null;
    }, complaintId);
    expect(firstDue).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const part = (type: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      })
        .formatToParts(new Date(firstDue!))
        .find((p) => p.type === type)!.value;
    const thankYou = agent
      .locator('[data-testid="timeline-event"][data-type="complaint.acknowledged"]')
      .getByTestId('event-body');
    await thankYou.waitFor();
    const thanks = (await thankYou.textContent()) ?? '';
    expect(thanks).toContain(
      `để làm rõ thông tin trước ${part('hour')}:${part('minute')} (UTC+7), `,
    );
    expect(thanks).toContain(` ${part('day')}/${part('month')}/${part('year')}`);
    expect(thanks).toContain(reference);
    expect(thanks).not.toMatch(/sớm nhất|\{\{/);

    const suggestions = agent.getByTestId('composer-suggestion');
    await expect.poll(() => suggestions.count(), { timeout: 15_000 }).toBe(2);
    await agent.getByTestId('composer-apology-help').waitFor();
    await suggestions.filter({ hasText: 'Đồng cảm' }).click();
    const body = agent.getByTestId('composer-body');
    await expect.poll(() => body.inputValue()).toContain('rất tiếc');
    expect(await body.inputValue()).not.toMatch(/sai sót|nhận trách nhiệm|\{\{/);
    // The due is concrete: when the customer will have a fix date.
    expect(await body.inputValue()).toMatch(/thời hạn khắc phục cụ thể trước \d{2}:\d{2} /);
    await suggestions.filter({ hasText: 'Xin lỗi và nhận trách nhiệm' }).click();
    await expect.poll(() => body.inputValue()).toContain('nhận trách nhiệm khắc phục');
    await checkA11y(agent, 'apology composer (two apologies)');
    await agent.getByTestId('composer-send').click();
    await expect
      .poll(() => agent.getByTestId('step-apologise').getAttribute('data-state'), {
        timeout: 15_000,
      })
      .toBe('done');
  });

  it('c. once fixed, the case offers no re-commitment and its clocks follow without a reload', async () => {
    await agent.getByTestId('commitment-panel').waitFor();
    await pick(agent, 'task-type-select', 'Giao lại hàng');
    await expect
      .poll(() => agent.getByTestId('proposed-due').getAttribute('data-due'), { timeout: 15_000 })
      .toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await agent.getByTestId('commit-submit').click();
    const fixClock = agent.locator('[data-testid="clock-row"][data-clock="fix"]');
    await expect
      .poll(() => fixClock.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('running');
    await agent.getByTestId('commitment-form').waitFor();

    await pick(agent, 'status-select', 'Đã khắc phục');
    await agent.getByTestId('status-submit').click();
    await expect.poll(() => fixClock.getAttribute('data-state'), { timeout: 15_000 }).toBe('met');
    await agent.getByTestId('commitment-closed').waitFor();
    expect(await agent.getByTestId('commitment-form').count()).toBe(0);
    expect(await agent.getByTestId('deadline-request-toggle').count()).toBe(0);
    await checkA11y(agent, 'complaint detail (fixed)');
  });

  it('d. several notices about one case are one entry in the bell, unread again when one joins', async () => {
    // The agent asks the logistics department twice about the other case; its head is notified.
    const ask = (question: string) =>
      agent.evaluate(
        async ({ ref, question }) => {
          const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
          const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
          const list = (await (
            await fetch(`/api/complaints?scope=all&q=${encodeURIComponent(ref)}`)
          ).json()) as { items: { id: string; reference: string }[] };
          const id = list.items.find((c) => c.reference === ref)!.id;
          const types = (await (await fetch('/api/task-types')).json()) as {
            items: { id: string; name: string }[];
          };
          const task = types.items.find((t) => t.name === 'Giao lại hàng')!;
          const r = await fetch(`/api/complaints/${id}/deadline-requests`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ taskTypeId: task.id, question }),
          });
          return r.status;
        },
        { ref: otherReference, question },
      );
    expect(await ask('Khi nào giao bù được thùng còn thiếu?')).toBe(201);
    expect(await ask('Kho có xác nhận số thùng đã xuất không?')).toBe(201);

    const responder = await e2e.newPage({ locale: 'vi' });
    await login(responder, DEMO.responder);
    const bell = responder.getByTestId('notice-bell');
    await bell.waitFor();
    await bell.click();
    const entries = responder.getByTestId('notice-item').filter({ hasText: otherReference });
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(1);
    const entry = entries.first();
    expect(await entry.getAttribute('data-kind')).toBe('deadline_request');
    expect(await entry.getAttribute('data-count')).toBe('2');
    expect(await entry.getAttribute('data-read')).toBe('false');
    expect(await entry.getByTestId('notice-count').textContent()).toBe('2 thông báo');
    expect(await entry.textContent()).toMatch(/từ \d{2}:\d{2}/);
    await checkA11y(responder, 'notice bell (grouped entry)');

    await entry.getByTestId('notice-mark-read').click();
    await expect.poll(() => entry.getAttribute('data-read'), { timeout: 15_000 }).toBe('true');
    // A third question joins the same entry, which comes back unread, live.
    expect(await ask('Có thể giao trước 17:00 không?')).toBe(201);
    await expect.poll(() => entry.getAttribute('data-count'), { timeout: 15_000 }).toBe('3');
    expect(await entry.getAttribute('data-read')).toBe('false');
    expect(await entries.count()).toBe(1);
  });
});
