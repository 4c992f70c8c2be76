import type { Language } from '../../../platform/i18n.ts';
import type { TemplateStep } from './variables.ts';

/** Which due a message states: when we reply, when we give a fix date, or the fix date itself. */
export type FrameDueKind = 'reply' | 'commitment' | 'fix';

/**
 * What every message to the customer carries, whoever wrote its words: the reference (also in
 * the subject, as `[KN-…]`, which threads replies), the due time in force and the private link.
 */
export type MessageFrame = {
  reference: string;
  trackingUrl: string;
  due: { kind: FrameDueKind; text: string } | null;
};

type FrameTexts = { reference: string; due: Record<FrameDueKind, string>; link: string };

const texts: Record<Language, FrameTexts> = {
  vi: {
    reference: 'Mã khiếu nại: {reference}',
    due: {
      reply: 'Chúng tôi sẽ phản hồi anh/chị trước {due}.',
      commitment: 'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {due}.',
      fix: 'Thời hạn khắc phục chúng tôi đã cam kết: {due}.',
    },
    link: 'Theo dõi và trao đổi về khiếu nại tại: {url}',
  },
  en: {
    reference: 'Complaint reference: {reference}',
    due: {
      reply: 'We will reply to you by {due}.',
      commitment: 'We will give you a concrete date for the fix by {due}.',
      fix: 'The fix date we have committed to: {due}.',
    },
    link: 'Follow your complaint and write to us here: {url}',
  },
  zh: {
    reference: '投诉编号：{reference}',
    due: {
      reply: '我们将在{due}之前回复您。',
      commitment: '我们将在{due}之前告知您明确的解决时限。',
      fix: '我们承诺的解决时限：{due}。',
    },
    link: '查看进度并与我们沟通：{url}',
  },
};

/**
 * The due a message of this kind must state, from the values filled for it: the thank-you says
 * when we will reply; the read-back, the fix date once one is committed; an apology or an
 * update, the fix date, or else when the customer will be given one.
 */
export function frameDueOf(
  step: TemplateStep | 'other',
  dues: {
    firstResponseDueAt?: string | null;
    commitmentDueAt?: string | null;
    fixDueAt?: string | null;
  },
): MessageFrame['due'] {
  const pick = (kind: FrameDueKind, text: string | null | undefined) =>
    text ? { kind, text } : null;
  switch (step) {
    case 'thank':
      return pick('reply', dues.firstResponseDueAt);
    case 'readback':
      return pick('fix', dues.fixDueAt);
    case 'apologise':
    case 'update':
    case 'other':
      return pick('fix', dues.fixDueAt) ?? pick('commitment', dues.commitmentDueAt);
  }
}

/**
 * Keeps the frame around a message whose words a template or an agent chose: the subject
 * starts with `[reference]` unless it already carries it, and whatever the body lacks of the
 * reference, the due and the link is added at its end in the customer's language. A body that
 * already says them is left as written.
 */
export function keepFrame(
  lang: Language,
  message: { subject: string; body: string },
  frame: MessageFrame,
): { subject: string; body: string } {
  const t = texts[lang];
  const tag = `[${frame.reference}]`;
  const subject = message.subject.includes(tag)
    ? message.subject
    : `${tag} ${message.subject.trim()}`.trim();
  const fill = (s: string, key: string, value: string) => s.split(`{${key}}`).join(value);
  const missing: string[] = [];
  const body = message.body.trimEnd();
  if (!body.includes(frame.reference))
    missing.push(fill(t.reference, 'reference', frame.reference));
  if (frame.due && !body.includes(frame.due.text))
    missing.push(fill(t.due[frame.due.kind], 'due', frame.due.text));
  if (!body.includes(frame.trackingUrl)) missing.push(fill(t.link, 'url', frame.trackingUrl));
  return {
    subject,
    body: missing.length === 0 ? body : [body, missing.join('\n')].filter(Boolean).join('\n\n'),
  };
}
