import type { Language } from '../../../platform/i18n.ts';
import { formatMoney } from '../../../platform/contract/money.ts';
import { formatDateTime } from '../../sla/sla.contract.ts';

export type ReadBackFacts = {
  whatHappened: string;
  occurredAt: Date | null;
  productRef: string | null;
  orderRef: string | null;
  askText: string;
  askAmount: number | null;
  askCurrency: string | null;
};

const labels: Record<
  Language,
  Record<'intro' | 'what' | 'when' | 'product' | 'order' | 'ask' | 'amount', string>
> = {
  vi: {
    intro: 'Tóm tắt khiếu nại {reference} của {name}:',
    what: 'Sự việc',
    when: 'Thời điểm',
    product: 'Sản phẩm/dịch vụ',
    order: 'Mã đơn hàng',
    ask: 'Yêu cầu của anh/chị',
    amount: 'Số tiền yêu cầu',
  },
  en: {
    intro: 'Summary of complaint {reference} from {name}:',
    what: 'What happened',
    when: 'When',
    product: 'Product or service',
    order: 'Order reference',
    ask: 'What you asked for',
    amount: 'Amount asked',
  },
  zh: {
    intro: '{name}的投诉 {reference} 摘要：',
    what: '事件经过',
    when: '发生时间',
    product: '产品/服务',
    order: '订单号',
    ask: '您的诉求',
    amount: '诉求金额',
  },
};

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/**
 * The written summary the customer confirms (step 2), in the customer's language and time zone.
 * Pure: the same facts always read back the same way, so a confirmed version stays meaningful.
 */
export function renderReadBack(
  facts: ReadBackFacts,
  context: { language: Language; customerName: string; reference: string; timeZone: string },
): string {
  const l = labels[context.language];
  const lines = [
    l.intro.replace('{reference}', context.reference).replace('{name}', context.customerName),
    '',
  ];
  lines.push(`• ${l.what}: ${facts.whatHappened}`);
  if (facts.occurredAt) {
    const when = formatDateTime(facts.occurredAt, context.language, context.timeZone);
    lines.push(`• ${l.when}: ${when}`);
  }
  if (facts.productRef) lines.push(`• ${l.product}: ${facts.productRef}`);
  if (facts.orderRef) lines.push(`• ${l.order}: ${facts.orderRef}`);
  lines.push(`• ${l.ask}: ${facts.askText}`);
  if (facts.askAmount !== null && facts.askCurrency) {
    lines.push(
      `• ${l.amount}: ${formatMoney(facts.askAmount, facts.askCurrency, locales[context.language])}`,
    );
  }
  return lines.join('\n');
}
