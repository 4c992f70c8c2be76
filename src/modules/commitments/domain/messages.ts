import type { Language } from '../../../platform/i18n.ts';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/** A due time as the customer reads it: their language, the org's zone, the zone named. */
export function formatDue(at: Date, lang: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

type Texts = { subject: string; first: string; changed: string };
const texts: Record<Language, Texts> = {
  vi: {
    subject: '[{reference}] Thời hạn xử lý khiếu nại của anh/chị',
    first:
      'Kính gửi {name},\n\n{org} cam kết xử lý xong khiếu nại {reference} trước {due}.\n\nChúng tôi sẽ cập nhật cho anh/chị trong quá trình xử lý. Anh/chị có thể theo dõi tại trang theo dõi khiếu nại.\n\nTrân trọng,\n{org}',
    changed:
      'Kính gửi {name},\n\nChúng tôi xin thông báo thay đổi thời hạn xử lý khiếu nại {reference}. Thời hạn mới: {due}.\nLý do: {reason}\n\nChúng tôi thành thật xin lỗi vì sự thay đổi này và sẽ tiếp tục cập nhật cho anh/chị.\n\nTrân trọng,\n{org}',
  },
  en: {
    subject: '[{reference}] When your complaint will be resolved',
    first:
      'Dear {name},\n\n{org} commits to resolving complaint {reference} by {due}.\n\nWe will keep you updated along the way; you can follow it on your tracking page.\n\nKind regards,\n{org}',
    changed:
      'Dear {name},\n\nWe need to change the date for complaint {reference}. The new date is {due}.\nReason: {reason}\n\nWe are sorry for the change and will keep you updated.\n\nKind regards,\n{org}',
  },
  zh: {
    subject: '[{reference}] 您的投诉处理时限',
    first:
      '尊敬的{name}：\n\n{org}承诺在{due}之前处理完毕投诉 {reference}。\n\n处理过程中我们会随时向您通报进展，您也可以在跟踪页面查看。\n\n此致\n{org}',
    changed:
      '尊敬的{name}：\n\n我们需要调整投诉 {reference} 的处理时限，新的时限为：{due}。\n原因：{reason}\n\n对此变更我们深表歉意，并将继续向您通报进展。\n\n此致\n{org}',
  },
};

export function commitmentMessage(
  lang: Language,
  values: { name: string; org: string; reference: string; due: string; reason: string | null },
): { subject: string; body: string } {
  const t = texts[lang];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) =>
      String((values as Record<string, string | null>)[k] ?? ''),
    );
  return { subject: fill(t.subject), body: fill(values.reason ? t.changed : t.first) };
}
