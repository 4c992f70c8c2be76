import { describe, expect, it } from 'vitest';
import { noticeTitle } from './notice-text.ts';

describe('noticeTitle', () => {
  it.each([
    ['sla_warning', 'vi', 'KN-2026-000001: sắp đến hạn phản hồi đầu tiên'],
    ['sla_breach', 'en', 'KN-2026-000001: first response is overdue'],
    ['escalation', 'zh', 'KN-2026-000001：已升级（第2级），首次回复超时'],
    ['deadline_answer', 'en', 'KN-2026-000001: the department answered your deadline request'],
  ] as const)('%s in %s', (kind, lang, expected) => {
    expect(
      noticeTitle(kind, { reference: 'KN-2026-000001', clock: 'first_response', level: 2 }, lang),
    ).toBe(expected);
  });

  it('names an unknown clock by its code rather than dropping it', () => {
    expect(noticeTitle('sla_breach', { reference: 'R', clock: 'mystery' }, 'en')).toBe(
      'R: mystery is overdue',
    );
  });

  it('puts user text in as text, never as a pattern', () => {
    expect(noticeTitle('sla_breach', { reference: '$& {clock}', clock: 'fix' }, 'en')).toBe(
      '$& {clock}: fix by the commitment is overdue',
    );
  });
});
