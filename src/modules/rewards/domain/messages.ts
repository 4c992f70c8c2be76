import type { Language } from '../../../platform/i18n.ts';

/**
 * The thank-you gift's mail. It thanks the customer for the feedback that helped us improve;
 * it never calls the gift an apology or a compensation.
 */
const texts: Record<Language, { subject: string; body: string[]; code: string }> = {
  vi: {
    subject: '[{reference}] Cảm ơn anh/chị đã góp ý',
    body: [
      'Kính gửi {name},',
      'Cảm ơn anh/chị đã dành thời gian phản ánh với {org}. Góp ý của anh/chị giúp chúng tôi phục vụ tốt hơn. Để cảm ơn, chúng tôi xin gửi tặng anh/chị: {gift}.',
      'Trân trọng,\n{org}',
    ],
    code: 'Mã quà tặng: {code}',
  },
  en: {
    subject: '[{reference}] Thank you for your feedback',
    body: [
      'Dear {name},',
      'Thank you for taking the time to tell {org} what went wrong. Your feedback helps us serve you better. As a thank-you, please accept: {gift}.',
      'Kind regards,\n{org}',
    ],
    code: 'Your code: {code}',
  },
  zh: {
    subject: '[{reference}] 感谢您的反馈',
    body: [
      '尊敬的{name}：',
      '感谢您抽出时间向{org}反映问题。您的反馈帮助我们把服务做得更好。为表谢意，我们为您送上：{gift}。',
      '此致\n{org}',
    ],
    code: '礼品码：{code}',
  },
};

export function giftMessage(
  lang: Language,
  values: { name: string; org: string; reference: string; gift: string; code: string | null },
): { subject: string; body: string } {
  const t = texts[lang];
  const all: Record<string, string> = { ...values, code: values.code ?? '' };
  // One pass with a function: text from a record is never read as a placeholder.
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => all[k] ?? '');
  const parts = t.body.map(fill);
  if (values.code) parts.splice(2, 0, fill(t.code));
  return { subject: fill(t.subject), body: parts.join('\n\n') };
}
