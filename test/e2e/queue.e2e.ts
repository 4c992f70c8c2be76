import fs from 'node:fs';
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
} from './harness.ts';

/** What i18next shows for a missing translation: the key itself. */
const UNTRANSLATED_KEY = /\b(queueViews|bulk|queueShortcuts|queue)\.[a-z][\w.]*/;

// The queue as an agent meets it: new web complaints nobody owns are in the default view; the
// agent ticks them with the keyboard, takes them in one bulk action, and keeps the filtered
// queue as a saved view that becomes the one the queue opens with.
describe('queue: unassigned by default, bulk actions from the keyboard, saved views', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  const stamp = `q${Date.now().toString(36)}`;
  const references: string[] = [];

  const rows = () => agent.getByTestId('queue-row');
  const ticked = () => agent.locator('[data-testid="queue-row"][data-ticked="true"]');
  const pick = async (testId: string, option: string | RegExp) => {
    await agent.getByTestId(testId).click();
    await agent.getByRole('option', { name: option }).click();
  };

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage({ locale: 'vi' });
    // The customer picks the reason on the form; their own words never name it.
    const form = await fetch(`${e2e.baseUrl}/api/public/orgs/demo`, {
      headers: { 'accept-language': 'vi' },
    });
    const { reasons } = (await form.json()) as { reasons: { id: string; name: string }[] };
    const late = reasons.find((r) => r.name === 'Giao hàng chậm');
    expect(late).toBeDefined();
    for (const name of ['Đặng Thu', 'Vương Hà']) {
      const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
        method: 'POST',
        headers: publicClientHeaders(),
        body: JSON.stringify({
          name: `${name} ${stamp}`,
          email: `${stamp}.${references.length}@example.vn`,
          reasonId: late!.id,
          description: `Đơn ${stamp} đến trễ ba ngày, hộp bị móp.`,
        }),
      });
      expect(response.status).toBe(201);
      references.push(((await response.json()) as { reference: string }).reference);
    }
  });

  afterAll(async () => {
    printAxeSummary('queue');
    await e2e?.close();
  });

  it('a. opens an agent on their own and the unassigned cases, where the new web complaints are', async () => {
    await login(agent, DEMO.agent);
    await agent.getByTestId('queue-table').waitFor();
    await expect
      .poll(() => new URL(agent.url()).searchParams.get('scope'))
      .toBe('mineAndUnassigned');
    expect(new URL(agent.url()).searchParams.get('sort')).toBe('dueAt');
    const scope = agent.getByTestId('queue-scope');
    expect(await scope.locator('input[value="mineAndUnassigned"]').isChecked()).toBe(true);
    await agent.getByTestId('queue-search').fill(stamp);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    for (const reference of references)
      expect(await agent.getByTestId('queue-table').textContent()).toContain(reference);
    // Typed without diacritics, the reason's name finds them: only the reason says it.
    await agent.getByTestId('queue-search').fill(`giao hang cham ${stamp}`);
    await expect
      .poll(() => new URL(agent.url()).searchParams.get('q'), { timeout: 15_000 })
      .toBe(`giao hang cham ${stamp}`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    for (const row of await rows().all()) {
      expect(await row.textContent()).toContain('Giao hàng chậm');
      expect(await row.textContent()).toContain('Chưa phân công');
    }
    // A search is ranked; the switch to due time is beside it.
    await agent.getByTestId('queue-order').waitFor();
    await checkA11y(agent, 'queue (default view, searched)');
  });

  it('b. ticks both with x and shift+x, and takes them in one bulk action', async () => {
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('x');
    await expect.poll(() => rows().nth(0).getAttribute('data-ticked')).toBe('true');
    await agent.keyboard.press('j');
    await agent.keyboard.press('Shift+X');
    await expect.poll(() => rows().nth(1).getAttribute('data-ticked')).toBe('true');
    expect(await agent.getByTestId('queue-bulk-count').textContent()).toBe('Đã chọn 2 khiếu nại');
    // Escape clears the ticks; shift+a ticks the whole page.
    await agent.keyboard.press('Escape');
    await expect.poll(() => ticked().count()).toBe(0);
    await agent.keyboard.press('Shift+A');
    await expect.poll(() => ticked().count()).toBe(2);
    await checkA11y(agent, 'queue (two ticked, bulk bar)');

    await pick('queue-bulk-owner', /Lê Minh Châu/);
    await agent.getByTestId('queue-bulk-assign').click();
    const result = agent.getByTestId('queue-bulk-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Đã thay đổi 2');
    await expect
      .poll(async () => (await rows().allTextContents()).every((t) => t.includes('Lê Minh Châu')))
      .toBe(true);
    expect(await ticked().count()).toBe(0);
  });

  it('c. saves the filtered queue as the default view, which the queue then opens with', async () => {
    await agent.getByTestId('queue-view-save').click();
    await agent.getByRole('dialog').waitFor();
    await checkA11y(agent, 'queue (save view dialog)');
    await agent.getByTestId('queue-view-name').fill(`Việc mới ${stamp}`);
    await agent.getByTestId('queue-view-default').check();
    await agent.getByTestId('queue-view-submit').click();
    await agent.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => agent.getByTestId('queue-view-select').inputValue())
      .toBe(`Việc mới ${stamp} (mặc định)`);

    // Opened afresh, the queue shows the saved view: the same search and the same two cases.
    await agent.goto('/');
    const search = `giao hang cham ${stamp}`;
    await expect.poll(() => new URL(agent.url()).searchParams.get('q')).toBe(search);
    expect(await agent.getByTestId('queue-search').inputValue()).toBe(search);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);

    await agent.getByTestId('queue-view-menu').click();
    await agent.getByTestId('queue-view-rename').click();
    await agent.getByTestId('queue-view-name').fill(`Đã nhận ${stamp}`);
    await agent.getByTestId('queue-view-submit').click();
    await expect
      .poll(() => agent.getByTestId('queue-view-select').inputValue())
      .toBe(`Đã nhận ${stamp} (mặc định)`);
    await agent.getByTestId('queue-view-menu').click();
    await agent.getByTestId('queue-view-delete').click();
    await agent.getByTestId('confirm-delete').click();
    await expect.poll(() => agent.getByTestId('queue-view-select').inputValue()).toBe('');
  });

  it('d. speaks English and lists the new shortcuts', async () => {
    await agent.getByTestId('language-switcher').first().click();
    await agent.getByTestId('language-option-en').click();
    await expect
      .poll(() => agent.getByTestId('queue-scope').textContent())
      .toContain('Mine + unassigned');
    await agent.keyboard.press('?');
    const help = agent.getByRole('dialog');
    await help.waitFor();
    expect(await help.textContent()).toContain('Select or unselect the current complaint');
    expect(await help.textContent()).not.toMatch(UNTRANSLATED_KEY);
    await checkA11y(agent, 'queue (English shortcuts)');
    await agent.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await agent.locator('main').textContent()).not.toMatch(UNTRANSLATED_KEY);

    // Leave the demo agent as it was: the language is saved on the account.
    await agent.getByTestId('language-switcher').first().click();
    await agent.getByTestId('language-option-vi').click();
    await expect
      .poll(async () => {
        const response = await agent.request.get('/api/auth/me');
        return ((await response.json()) as { user: { locale: string } }).user.locale;
      })
      .toBe('vi');
  });

  it('e. downloads the filtered queue as CSV, every matching case, headed in the UI language', async () => {
    await agent.goto(`/?scope=all&q=${stamp}`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    await agent.getByTestId('queue-export').click();
    await agent.getByTestId('export-csv').waitFor();
    await checkA11y(agent, 'queue (download menu)');
    const [download] = await Promise.all([
      agent.waitForEvent('download'),
      agent.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^complaints-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0);
    expect(lines[0]!.split(',')[0]).toBe('Mã khiếu nại');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...references].sort());
  });
});
