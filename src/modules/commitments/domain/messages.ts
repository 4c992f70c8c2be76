import type { Language } from '../../../platform/i18n.ts';
import { formatDateTime } from '../../sla/sla.contract.ts';

/** A due time as the customer reads it: their language, the org's zone, the zone named. */
export function formatDue(at: Date, lang: Language, timeZone: string): string {
  return formatDateTime(at, lang, timeZone, { withZone: true });
}

/**
 * Why the customer hears of a due: the first commitment; a change to a later date (with an
 * apology); to an earlier date (no apology: it is good news); or a date the case's pause moved
 * while we waited for the customer's reply.
 */
export type CommitmentKind = 'first' | 'later' | 'earlier' | 'paused';

type Texts = {
  subject: string;
  greeting: string;
  lead: Record<CommitmentKind, string>;
  reason: string;
  follow: string;
  signoff: string;
  pauseReason: string;
};

const texts: Record<Language, Texts> = {
  vi: {
    subject: '[{reference}] Thời hạn xử lý khiếu nại của anh/chị',
    greeting: 'Kính gửi {name},',
    lead: {
      first: '{org} cam kết xử lý xong khiếu nại {reference} trước {due}.',
      later:
        'Chúng tôi xin thông báo thay đổi thời hạn xử lý khiếu nại {reference}. Thời hạn mới: {due}. Chúng tôi thành thật xin lỗi vì sự thay đổi này.',
      earlier: 'Khiếu nại {reference} sẽ được xử lý sớm hơn dự kiến: trước {due}.',
      paused:
        'Vì chúng tôi đã chờ phản hồi của anh/chị, thời hạn xử lý khiếu nại {reference} được lùi tương ứng, đến {due}.',
    },
    reason: 'Lý do: {reason}',
    follow: 'Anh/chị có thể theo dõi tiến độ tại: {trackingUrl}',
    signoff: 'Trân trọng,\n{org}',
    pauseReason: 'chờ phản hồi của anh/chị',
  },
  en: {
    subject: '[{reference}] When your complaint will be resolved',
    greeting: 'Dear {name},',
    lead: {
      first: '{org} commits to resolving complaint {reference} by {due}.',
      later:
        'We need to change the date for complaint {reference}. The new date is {due}. We are sorry for the change.',
      earlier: 'Complaint {reference} will be resolved sooner than we said: by {due}.',
      paused:
        'As we were waiting for your reply, the date for complaint {reference} moves on by the same time, to {due}.',
    },
    reason: 'Reason: {reason}',
    follow: 'You can follow it here: {trackingUrl}',
    signoff: 'Kind regards,\n{org}',
    pauseReason: 'waiting for your reply',
  },
  zh: {
    subject: '[{reference}] 您的投诉处理时限',
    greeting: '尊敬的{name}：',
    lead: {
      first: '{org}承诺在{due}之前处理完毕投诉 {reference}。',
      later: '我们需要调整投诉 {reference} 的处理时限，新的时限为：{due}。对此变更我们深表歉意。',
      earlier: '投诉 {reference} 将比原定时间更早处理完毕：{due}之前。',
      paused: '由于我们在等待您的回复，投诉 {reference} 的处理时限相应顺延至{due}。',
    },
    reason: '原因：{reason}',
    follow: '您可以在此查看进展：{trackingUrl}',
    signoff: '此致\n{org}',
    pauseReason: '等待您的回复',
  },
};

/** The reason an automatic re-commitment gives: the case waited for the customer. */
export const pauseReason = (lang: Language): string => texts[lang].pauseReason;

/**
 * The commitment mail. The frame is always there (the reference in the subject, the due, the
 * tracking link); an agent's own words go inside it, never instead of it.
 */
export function commitmentMessage(
  lang: Language,
  values: {
    kind: CommitmentKind;
    name: string;
    org: string;
    reference: string;
    due: string;
    reason: string | null;
    trackingUrl: string;
    /** The agent's own words, if any. */
    note?: string | null | undefined;
  },
): { subject: string; body: string } {
  const t = texts[lang];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) =>
      String((values as Record<string, string | null | undefined>)[k] ?? ''),
    );
  const parts = [
    fill(t.greeting),
    [fill(t.lead[values.kind]), values.reason && values.kind !== 'first' ? fill(t.reason) : '']
      .filter(Boolean)
      .join('\n'),
    values.note?.trim() ? values.note.trim() : '',
    fill(t.follow),
    fill(t.signoff),
  ].filter((p) => p.length > 0);
  return { subject: fill(t.subject), body: parts.join('\n\n') };
}
