import type { Language } from '../../../platform/i18n.ts';
import type { ClockKind } from '../../kernel/index.ts';
import type { NoticeKind } from '../notices.contract.ts';

const clockNames: Record<Language, Record<ClockKind, string>> = {
  vi: {
    acknowledge: 'xác nhận đã nhận',
    first_response: 'phản hồi đầu tiên',
    next_update: 'cập nhật tiếp theo',
    commitment: 'cam kết thời hạn',
    fix: 'khắc phục theo cam kết',
    manager_update: 'cập nhật của quản lý',
    verification: 'gọi lại xác minh',
  },
  en: {
    acknowledge: 'acknowledgement',
    first_response: 'first response',
    next_update: 'next update',
    commitment: 'commitment',
    fix: 'fix by the commitment',
    manager_update: 'manager update',
    verification: 'verification call-back',
  },
  zh: {
    acknowledge: '受理确认',
    first_response: '首次回复',
    next_update: '下次更新',
    commitment: '承诺时限',
    fix: '按承诺解决',
    manager_update: '主管回访',
    verification: '回访确认',
  },
};

const titles: Record<Language, Record<NoticeKind, string>> = {
  vi: {
    sla_warning: '{reference}: sắp đến hạn {clock}',
    sla_breach: '{reference}: đã quá hạn {clock}',
    escalation: '{reference}: chuyển cấp (cấp {level}) vì quá hạn {clock}',
    deadline_request: '{reference}: yêu cầu báo thời hạn cho phòng ban',
    deadline_answer: '{reference}: phòng ban đã báo thời hạn',
    commitment_due: '{reference}: đến hạn cam kết',
  },
  en: {
    sla_warning: '{reference}: {clock} is nearly due',
    sla_breach: '{reference}: {clock} is overdue',
    escalation: '{reference}: escalated (level {level}): {clock} overdue',
    deadline_request: '{reference}: deadline request for your department',
    deadline_answer: '{reference}: the department answered your deadline request',
    commitment_due: '{reference}: the commitment is due',
  },
  zh: {
    sla_warning: '{reference}：{clock}即将到期',
    sla_breach: '{reference}：{clock}已超时',
    escalation: '{reference}：已升级（第{level}级），{clock}超时',
    deadline_request: '{reference}：部门时限询问',
    deadline_answer: '{reference}：部门已答复时限询问',
    commitment_due: '{reference}：承诺到期',
  },
};

/** One line that says what happened, in the reader's language (e-mail subject, list item). */
export function noticeTitle(
  kind: NoticeKind,
  data: Record<string, unknown>,
  lang: Language,
): string {
  const clock =
    typeof data.clock === 'string' ? (clockNames[lang][data.clock as ClockKind] ?? data.clock) : '';
  const values: Record<string, string> = {
    reference: String(data.reference ?? ''),
    clock,
    level: String(data.level ?? ''),
  };
  // One pass with a function: text from a record is never read as a pattern or a placeholder.
  return titles[lang][kind].replace(
    /\{(reference|clock|level)\}/g,
    (_, key: string) => values[key]!,
  );
}
