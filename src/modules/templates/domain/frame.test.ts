import { describe, expect, it } from 'vitest';
import { formatDueAt } from './due-text.ts';
import { frameDueOf, keepFrame } from './frame.ts';

const frame = {
  reference: 'KN-2026-000042',
  trackingUrl: 'https://ombud.vn/track/abc',
  due: { kind: 'fix' as const, text: '17:00 (UTC+7), Thứ Sáu 06/03/2026' },
};

describe('formatDueAt', () => {
  // 04:30Z is 11:30 in Hồ Chí Minh City, on Monday 9 March 2026.
  const at = new Date('2026-03-09T04:30:00Z');
  it.each([
    ['vi', '11:30 (UTC+7), Thứ Hai 09/03/2026'],
    ['en', '11:30 (UTC+7), Monday 9 March 2026'],
    ['zh', '2026年3月9日 星期一 11:30（UTC+7）'],
  ] as const)('in %s, in the calendar’s zone, naming the offset', (lang, expected) => {
    expect(formatDueAt(at, lang, 'Asia/Ho_Chi_Minh')).toBe(expected);
  });

  it('follows the zone, across the date line', () => {
    expect(formatDueAt(at, 'en', 'America/Los_Angeles')).toBe('21:30 (UTC−7), Sunday 8 March 2026');
  });
});

describe('keepFrame', () => {
  it.each(['vi', 'en', 'zh'] as const)(
    'adds what an agent’s own text lacks in %s: reference in the subject, reference, due, link',
    (lang) => {
      const m = keepFrame(lang, { subject: 'Về đơn hàng', body: 'Chúng tôi đã hoàn tiền.' }, frame);
      expect(m.subject).toBe('[KN-2026-000042] Về đơn hàng');
      expect(m.body.startsWith('Chúng tôi đã hoàn tiền.\n\n')).toBe(true);
      expect(m.body).toContain('KN-2026-000042');
      expect(m.body).toContain(frame.due.text);
      expect(m.body).toContain(frame.trackingUrl);
    },
  );

  it('leaves a text that already carries the frame exactly as written', () => {
    const body = `Mã KN-2026-000042, hạn ${frame.due.text}, xem ${frame.trackingUrl}`;
    expect(keepFrame('vi', { subject: '[KN-2026-000042] Cập nhật', body }, frame)).toEqual({
      subject: '[KN-2026-000042] Cập nhật',
      body,
    });
  });

  it('gives an empty subject the reference alone', () => {
    expect(keepFrame('en', { subject: '', body: 'x' }, frame).subject).toBe('[KN-2026-000042]');
  });

  it('says only what is known: no due line without a due', () => {
    const m = keepFrame('en', { subject: 's', body: 'Hello' }, { ...frame, due: null });
    expect(m.body).toBe(
      'Hello\n\nComplaint reference: KN-2026-000042\nFollow your complaint and write to us here: https://ombud.vn/track/abc',
    );
  });

  it('puts text in as text, never as a pattern', () => {
    const m = keepFrame('en', { subject: '$&', body: '$&' }, { ...frame, reference: '$& {due}' });
    expect(m.subject).toBe('[$& {due}] $&');
    expect(m.body).toContain('Complaint reference: $& {due}');
  });
});

describe('frameDueOf', () => {
  const dues = { firstResponseDueAt: 'A', commitmentDueAt: 'B', fixDueAt: null };
  it('states the reply time in a thank-you, the fix date or else the commitment time elsewhere', () => {
    expect(frameDueOf('thank', dues)).toEqual({ kind: 'reply', text: 'A' });
    expect(frameDueOf('apologise', dues)).toEqual({ kind: 'commitment', text: 'B' });
    expect(frameDueOf('update', { ...dues, fixDueAt: 'C' })).toEqual({ kind: 'fix', text: 'C' });
    expect(frameDueOf('readback', dues)).toBeNull();
    expect(frameDueOf('other', { fixDueAt: null, commitmentDueAt: null })).toBeNull();
  });
});
