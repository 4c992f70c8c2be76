import { describe, expect, it } from 'vitest';
import { noticeMail, noticeTitle } from './notice-text.ts';

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

describe('noticeMail', () => {
  const formatDue = (at: Date) => at.toISOString();
  const link = 'https://ombud.vn/complaints/1';

  it('names every clock of a group once, in the loop’s order, with its due (zh)', () => {
    const mail = noticeMail(
      'sla_breach',
      [
        {
          reference: 'KN-1',
          customerName: '王芳',
          clock: 'commitment',
          dueAt: '2026-03-03T02:00:00Z',
        },
        {
          reference: 'KN-1',
          customerName: '王芳',
          clock: 'first_response',
          dueAt: '2026-03-02T07:00:00Z',
        },
      ],
      'zh',
      { ownerName: '李明', link, formatDue },
    );
    expect(mail.subject).toBe('[Ombud] KN-1：首次回复、承诺时限已超时');
    expect(mail.body).toBe(
      [
        'KN-1：首次回复、承诺时限已超时',
        '',
        '客户王芳的投诉 KN-1',
        '负责人：李明',
        '首次回复：2026-03-02T07:00:00.000Z到期',
        '承诺时限：2026-03-03T02:00:00.000Z到期',
        '此案件共有 2 条通知',
        '',
        `打开案件：${link}`,
      ].join('\n'),
    );
  });

  it('carries the question of a deadline request and the department’s due (en)', () => {
    const asked = noticeMail(
      'deadline_request',
      [{ reference: 'KN-2', customerName: 'Lan', question: 'When can the van come?' }],
      'en',
      { ownerName: null, link, formatDue },
    );
    expect(asked.body).toContain(
      'Complaint KN-2 from Lan\nOwner: nobody yet\nQuestion: When can the van come?',
    );
    const answered = noticeMail(
      'deadline_answer',
      [{ reference: 'KN-2', customerName: 'Lan', dueAt: '2026-03-03T10:00:00Z' }],
      'en',
      { ownerName: 'Minh', link, formatDue },
    );
    expect(answered.body).toContain('Due time the department gave: 2026-03-03T10:00:00.000Z');
  });
});
