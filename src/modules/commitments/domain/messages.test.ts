import { describe, expect, it } from 'vitest';
import { commitmentMessage, formatDue } from './messages.ts';

const base = {
  name: 'Nguyễn Thị Lan',
  org: 'Công ty Demo',
  reference: 'KN-2026-000042',
  due: '17:00, Thứ Sáu 04/12/2026',
  reason: null,
  trackingUrl: 'https://ombud.vn/track/abc',
};

describe('commitmentMessage', () => {
  it.each(['vi', 'en', 'zh'] as const)('keeps the frame in %s: reference, due and link', (lang) => {
    const m = commitmentMessage(lang, {
      ...base,
      kind: 'first',
      note: 'Kỹ thuật viên sẽ gọi trước.',
    });
    expect(m.subject).toContain('[KN-2026-000042]');
    expect(m.body).toContain(base.due);
    expect(m.body).toContain(base.trackingUrl);
    expect(m.body).toContain('Kỹ thuật viên sẽ gọi trước.');
  });

  it('apologises for a later date, not for an earlier one', () => {
    const later = commitmentMessage('vi', { ...base, kind: 'later', reason: 'Kho hết hàng' });
    expect(later.body).toContain('xin lỗi');
    expect(later.body).toContain('Lý do: Kho hết hàng');
    const earlier = commitmentMessage('vi', { ...base, kind: 'earlier', reason: 'Có hàng sớm' });
    expect(earlier.body).not.toContain('xin lỗi');
    expect(earlier.body).toContain('sớm hơn');
    const en = commitmentMessage('en', { ...base, kind: 'earlier', reason: 'Stock came early' });
    expect(en.body).not.toMatch(/sorry/i);
  });

  it('says a pause moved the date while we waited for the customer', () => {
    const m = commitmentMessage('en', {
      ...base,
      kind: 'paused',
      reason: 'waiting for your reply',
    });
    expect(m.body).toContain('waiting for your reply');
    expect(m.body).not.toMatch(/sorry/i);
  });

  it('formats the due in the customer’s language and the org’s zone', () => {
    const at = new Date('2026-12-04T10:00:00Z');
    expect(formatDue(at, 'vi', 'Asia/Ho_Chi_Minh')).toBe('17:00 (UTC+7), Thứ Sáu 04/12/2026');
    expect(formatDue(at, 'en', 'Asia/Ho_Chi_Minh')).toBe('17:00 (UTC+7), Friday 4 December 2026');
    expect(formatDue(at, 'zh', 'Asia/Ho_Chi_Minh')).toBe('2026年12月4日 星期五 17:00（UTC+7）');
  });
});
