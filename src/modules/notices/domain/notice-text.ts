import type { Language } from '../../../platform/i18n.ts';
import { clockKinds, type ClockKind } from '../../kernel/index.ts';
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
    follow_up: '{reference}: việc sau khắc phục cho bạn: {clock}',
    early_escalation: '{reference}: chuyển cho bạn trước khi khách phải đòi gặp quản lý',
    problem_action_warning: '{reference}: hành động khắc phục/phòng ngừa sắp đến hạn',
    problem_action_overdue: '{reference}: hành động khắc phục/phòng ngừa đã quá hạn',
    problem_action_escalation: '{reference}: hành động của nhân viên bạn quản lý đã quá hạn',
    problem_recurred:
      '{reference}: vấn đề tái diễn trong thời gian theo dõi, trở lại bước hành động',
    problem_ready_to_close: '{reference}: hết thời gian theo dõi, không tái diễn, có thể đóng',
    webhook_disabled: '{reference}: webhook đã bị tắt sau {level} lần gửi thất bại liên tiếp',
  },
  en: {
    sla_warning: '{reference}: {clock} is nearly due',
    sla_breach: '{reference}: {clock} is overdue',
    escalation: '{reference}: escalated (level {level}): {clock} overdue',
    deadline_request: '{reference}: deadline request for your department',
    deadline_answer: '{reference}: the department answered your deadline request',
    commitment_due: '{reference}: the commitment is due',
    follow_up: '{reference}: an after-fix task for you: {clock}',
    early_escalation: '{reference}: escalated to you before the customer has to ask for a manager',
    problem_action_warning: '{reference}: a corrective or preventive action is nearly due',
    problem_action_overdue: '{reference}: a corrective or preventive action is overdue',
    problem_action_escalation: '{reference}: an action owned by someone you manage is overdue',
    problem_recurred: '{reference}: the problem recurred while monitored; back to action',
    problem_ready_to_close: '{reference}: monitoring ended with no recurrence; ready to close',
    webhook_disabled: '{reference}: webhook switched off after {level} failed deliveries in a row',
  },
  zh: {
    sla_warning: '{reference}：{clock}即将到期',
    sla_breach: '{reference}：{clock}已超时',
    escalation: '{reference}：已升级（第{level}级），{clock}超时',
    deadline_request: '{reference}：部门时限询问',
    deadline_answer: '{reference}：部门已答复时限询问',
    commitment_due: '{reference}：承诺到期',
    follow_up: '{reference}：分配给您的修复后任务：{clock}',
    early_escalation: '{reference}：在客户要求找主管之前已升级给您',
    problem_action_warning: '{reference}：纠正/预防措施即将到期',
    problem_action_overdue: '{reference}：纠正/预防措施已逾期',
    problem_action_escalation: '{reference}：您下属负责的措施已逾期',
    problem_recurred: '{reference}：问题在监控期内复发，已退回措施阶段',
    problem_ready_to_close: '{reference}：监控期结束且未复发，可以关闭',
    webhook_disabled: '{reference}：Webhook 连续 {level} 次推送失败，已停用',
  },
};

/** Follow-ups that are not a clock of their own: a survey's low score. */
const otherTaskNames: Record<Language, Record<string, string>> = {
  vi: { low_score: 'khách hàng chấm điểm khảo sát thấp' },
  en: { low_score: 'a low survey score' },
  zh: { low_score: '满意度调查低分' },
};

const clockName = (lang: Language, clock: string): string =>
  clockNames[lang][clock as ClockKind] ?? otherTaskNames[lang][clock] ?? clock;

/** The clocks of a group, in the loop's order, each once. */
export const clocksInOrder = (clocks: readonly string[]): string[] =>
  [...new Set(clocks)].sort(
    (a, b) =>
      (clockKinds as readonly string[]).indexOf(a) - (clockKinds as readonly string[]).indexOf(b),
  );

const listSeparator: Record<Language, string> = { vi: ', ', en: ', ', zh: '、' };

/**
 * One line that says what happened, in the reader's language (e-mail subject, list item). With
 * `clocks`, one line for a group: every clock that warned, breached or escalated, named once.
 */
export function noticeTitle(
  kind: NoticeKind,
  data: Record<string, unknown>,
  lang: Language,
  clocks: readonly string[] = [],
): string {
  const clock =
    clocks.length > 0
      ? clocksInOrder(clocks)
          .map((c) => clockName(lang, c))
          .join(listSeparator[lang])
      : typeof data.clock === 'string'
        ? clockName(lang, data.clock)
        : '';
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

type MailTexts = {
  complaint: string;
  owner: string;
  noOwner: string;
  clockDue: string;
  answeredDue: string;
  question: string;
  more: string;
  open: string;
};

const mailTexts: Record<Language, MailTexts> = {
  vi: {
    complaint: 'Khiếu nại {reference} của khách hàng {customer}',
    owner: 'Người phụ trách: {owner}',
    noOwner: 'Người phụ trách: chưa có',
    clockDue: '{Clock}: đến hạn {due}',
    answeredDue: 'Thời hạn phòng ban báo: {due}',
    question: 'Câu hỏi: {question}',
    more: '{count} thông báo về hồ sơ này',
    open: 'Mở hồ sơ: {link}',
  },
  en: {
    complaint: 'Complaint {reference} from {customer}',
    owner: 'Owner: {owner}',
    noOwner: 'Owner: nobody yet',
    clockDue: '{Clock} due: {due}',
    answeredDue: 'Due time the department gave: {due}',
    question: 'Question: {question}',
    more: '{count} notices about this case',
    open: 'Open the case: {link}',
  },
  zh: {
    complaint: '客户{customer}的投诉 {reference}',
    owner: '负责人：{owner}',
    noOwner: '负责人：暂无',
    clockDue: '{clock}：{due}到期',
    answeredDue: '部门答复的时限：{due}',
    question: '问题：{question}',
    more: '此案件共有 {count} 条通知',
    open: '打开案件：{link}',
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * The e-mail for a group of notices (one case, one kind, what arrived together): what happened,
 * whose case it is, who owns it, and every due time concerned, in the reader's language.
 * `formatDue` gives a due time in that language and the org's zone.
 */
export function noticeMail(
  kind: NoticeKind,
  notices: readonly Record<string, unknown>[],
  lang: Language,
  context: { ownerName: string | null; link: string; formatDue: (at: Date) => string },
): { subject: string; body: string } {
  const t = mailTexts[lang];
  const latest = notices.at(-1) ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const clocks = notices.map((n) => str(n.clock)).filter(Boolean);
  const level = Math.max(0, ...notices.map((n) => (typeof n.level === 'number' ? n.level : 0)));
  const title = noticeTitle(kind, { ...latest, level }, lang, clocks);
  const reference = str(latest.reference);
  const customer = str(latest.customerName);
  const lines: string[] = [];
  if (reference) lines.push(customer ? fill(t.complaint, { reference, customer }) : reference);
  lines.push(context.ownerName ? fill(t.owner, { owner: context.ownerName }) : t.noOwner);
  const seen = new Set<string>();
  const order = (n: Record<string, unknown>) =>
    (clockKinds as readonly string[]).indexOf(str(n.clock));
  const byClock = [...notices].sort(
    (a, b) => order(a) - order(b) || str(a.dueAt).localeCompare(str(b.dueAt)),
  );
  for (const n of byClock) {
    const due = str(n.dueAt);
    const at = due ? new Date(due) : null;
    if (!at || !Number.isFinite(at.getTime())) continue;
    const clock = str(n.clock);
    const key = `${clock}|${due}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = clock ? clockName(lang, clock) : '';
    lines.push(
      clock
        ? fill(t.clockDue, {
            clock: name,
            Clock: name.charAt(0).toUpperCase() + name.slice(1),
            due: context.formatDue(at),
          })
        : fill(t.answeredDue, { due: context.formatDue(at) }),
    );
  }
  if (str(latest.question)) lines.push(fill(t.question, { question: str(latest.question) }));
  if (notices.length > 1) lines.push(fill(t.more, { count: String(notices.length) }));
  return {
    subject: `[Ombud] ${title}`,
    body: [title, lines.join('\n'), fill(t.open, { link: context.link })].join('\n\n'),
  };
}
