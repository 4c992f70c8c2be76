/**
 * Regulatory presets: legal clocks an org can switch on, each with the rule it comes from. A preset
 * is an overlay: its clocks run on top of whichever operational policy applies to a complaint, for
 * every severity, and several can be on at once. They are data, not advice: the notes say where a
 * preset simplifies the rule.
 */
import type { ClockKind } from './clocks.ts';
import type { DayCount, Target } from './durations.ts';

export type LocalisedText = { vi: string; en: string; zh: string };

export type RegulatoryPreset = {
  code: string;
  name: LocalisedText;
  source: string;
  sourceUrl: string;
  /** The label each of its clocks carries, in the reader's language: "Luật 19/2023/QH15, Điều 57(2)". */
  citation: LocalisedText;
  targets: Partial<Record<ClockKind, Target>>;
  notes: LocalisedText;
  /**
   * For a preset counted in working days: where its last day ends, the reading chosen by default
   * and why. An org can choose the other reading for its own overlay.
   */
  dayCount?: { default: DayCount; reading: LocalisedText };
};

/** The two readings of "n working days", as an admin picks one. */
export const dayCountLabels: Record<DayCount, LocalisedText> = {
  end_of_day: {
    vi: 'Đến hết ngày làm việc cuối cùng (24:00)',
    en: 'Until the end of the last working day (24:00)',
    zh: '至最后一个工作日结束（24:00）',
  },
  same_time: {
    vi: 'Đến cùng giờ nhận yêu cầu, vào ngày làm việc cuối cùng',
    en: 'Until the same time of day as receipt, on the last working day',
    zh: '至最后一个工作日中与收到时相同的时刻',
  },
};

export const regulatoryPresets: RegulatoryPreset[] = [
  {
    code: 'vn-law-19-2023',
    name: {
      vi: 'Việt Nam – Luật Bảo vệ quyền lợi người tiêu dùng 2023',
      en: 'Vietnam – Law on Protection of Consumers’ Rights 2023',
      zh: '越南 – 2023年消费者权益保护法',
    },
    source: 'Law No. 19/2023/QH15 on Protection of Consumers’ Rights, Art. 57(2)',
    sourceUrl:
      'http://hethongphapluat.vn/luat-bao-ve-quyen-loi-nguoi-tieu-dung-2023/chuong-5/muc-2',
    citation: {
      vi: 'Luật 19/2023/QH15, Điều 57(2)',
      en: 'Law 19/2023/QH15, Art. 57(2)',
      zh: '第19/2023/QH15号法律 第57条第2款',
    },
    targets: { commitment: { amount: 7, unit: 'business_days' } },
    notes: {
      vi: 'Tiếp nhận và tiến hành thương lượng trong 07 ngày làm việc kể từ ngày nhận được yêu cầu.',
      en: 'Receive the request and start negotiating with the consumer within 7 working days of receiving it.',
      zh: '自收到协商请求之日起7个工作日内受理并与消费者进行协商。',
    },
    // "Within 7 working days from the day the request is received." The Law sets no rule of its
    // own for counting, so the Civil Code 2015 applies: the day of receipt is not counted (Art.
    // 147(2)) and a period in days ends at 24:00 of its last day (Art. 148). The default is
    // therefore the end of the 7th working day after the day of receipt; the same time of day on
    // that day is the stricter reading (never later), which an org can choose instead.
    dayCount: {
      default: 'end_of_day',
      reading: {
        vi: 'Theo Bộ luật Dân sự 2015 (Điều 147 khoản 2, Điều 148): ngày nhận yêu cầu không tính, thời hạn kết thúc lúc 24:00 của ngày làm việc thứ 7. Chọn “cùng giờ” nếu muốn chặt hơn.',
        en: 'Under the Civil Code 2015 (Art. 147(2) and 148) the day of receipt is not counted and the period ends at 24:00 on the 7th working day. Choose “same time of day” for the stricter reading.',
        zh: '依《2015年民法典》第147条第2款和第148条：收到请求当日不计入，期限于第7个工作日24:00届满。如需更严格的理解，请选择“相同时刻”。',
      },
    },
  },
  {
    code: 'uk-fca-disp-summary',
    name: {
      vi: 'Anh – FCA DISP: giải quyết nhanh',
      en: 'UK – FCA DISP: summary resolution',
      zh: '英国 – FCA DISP：简易解决',
    },
    source: 'FCA Handbook DISP 1.5 (complaints resolved by close of the third business day)',
    sourceUrl: 'https://www.handbook.fca.org.uk/handbook/DISP/1/5.html',
    citation: { vi: 'FCA DISP 1.5', en: 'FCA DISP 1.5', zh: 'FCA DISP 1.5' },
    targets: { fix: { amount: 3, unit: 'close_of_business_days' } },
    notes: {
      vi: 'Khiếu nại giải quyết xong trước khi hết ngày làm việc thứ 3 sau ngày nhận chỉ cần thư tóm tắt kết quả (summary resolution communication); quá hạn thì áp dụng thời hạn 8 tuần.',
      en: 'A complaint resolved by close of business on the 3rd business day after receipt needs only a summary resolution communication; otherwise the 8-week rules apply.',
      zh: '在收到投诉后第3个工作日营业结束前解决的投诉，只需发送简易解决通知；否则适用8周时限规则。',
    },
  },
  {
    code: 'uk-fca-disp-final',
    name: {
      vi: 'Anh – FCA DISP: phản hồi cuối cùng',
      en: 'UK – FCA DISP: final response',
      zh: '英国 – FCA DISP：最终答复',
    },
    source: 'FCA Handbook DISP 1.6.2R',
    sourceUrl: 'https://www.handbook.fca.org.uk/handbook/DISP/1/6.html',
    citation: { vi: 'FCA DISP 1.6.2R', en: 'FCA DISP 1.6.2R', zh: 'FCA DISP 1.6.2R' },
    targets: { fix: { amount: 8, unit: 'calendar_weeks' } },
    notes: {
      vi: 'Trong 8 tuần kể từ khi nhận: gửi phản hồi cuối cùng, hoặc thư giải thích lý do chưa thể trả lời và quyền chuyển lên Financial Ombudsman Service.',
      en: 'Within 8 weeks of receipt: a final response, or a written response explaining why one is not ready and the right to refer to the Financial Ombudsman Service.',
      zh: '收到投诉后8周内：发出最终答复，或书面说明尚未答复的原因及向金融申诉专员服务机构申诉的权利。',
    },
  },
  {
    code: 'uk-psr-payment-services',
    name: {
      vi: 'Anh – FCA DISP: dịch vụ thanh toán và tiền điện tử',
      en: 'UK – FCA DISP: payment services and e-money',
      zh: '英国 – FCA DISP：支付服务与电子货币',
    },
    source: 'FCA Handbook DISP 1.6.2AR (Payment Services Regulations 2017 and E-Money complaints)',
    sourceUrl: 'https://www.handbook.fca.org.uk/handbook/DISP/1/6.html',
    citation: { vi: 'FCA DISP 1.6.2AR', en: 'FCA DISP 1.6.2AR', zh: 'FCA DISP 1.6.2AR' },
    targets: { fix: { amount: 15, unit: 'business_days' } },
    notes: {
      vi: 'Phản hồi cuối cùng trong 15 ngày làm việc; trường hợp ngoại lệ gửi thư tạm trong 15 ngày làm việc và phản hồi cuối cùng trong 35 ngày làm việc (hãy đổi mục tiêu thành 35).',
      en: 'Final response within 15 business days; in exceptional circumstances a holding reply within 15 and the final response within 35 business days (change the target to 35).',
      zh: '15个工作日内发出最终答复；特殊情况下15个工作日内发出暂缓答复，35个工作日内发出最终答复（将目标改为35）。',
    },
    // DISP 1.6.2AR: "by the end of 15 business days after the day on which it received the
    // complaint": the end of the 15th business day after the day of receipt.
    dayCount: {
      default: 'end_of_day',
      reading: {
        vi: 'DISP 1.6.2AR: “trước khi hết 15 ngày làm việc sau ngày nhận khiếu nại”, tức đến hết ngày làm việc thứ 15.',
        en: 'DISP 1.6.2AR: “by the end of 15 business days after the day on which it received the complaint”: the end of the 15th business day.',
        zh: 'DISP 1.6.2AR：“在收到投诉之日后的第15个工作日结束前”，即至第15个工作日结束。',
      },
    },
  },
  {
    code: 'us-cfpb',
    name: {
      vi: 'Hoa Kỳ – CFPB: cổng khiếu nại doanh nghiệp',
      en: 'US – CFPB company portal',
      zh: '美国 – CFPB 企业投诉门户',
    },
    source: 'CFPB complaint process (company portal response expectations)',
    sourceUrl: 'https://www.consumerfinance.gov/complaint/process/',
    citation: { vi: 'Quy trình khiếu nại CFPB', en: 'CFPB complaint process', zh: 'CFPB 投诉流程' },
    targets: {
      first_response: { amount: 15, unit: 'calendar_days' },
      fix: { amount: 60, unit: 'calendar_days' },
    },
    notes: {
      vi: 'Doanh nghiệp phản hồi trong 15 ngày; nếu báo “đang xử lý” thì gửi phản hồi cuối cùng trong 60 ngày. Đây là kỳ vọng của CFPB, không thay thế thời hạn luật định khác.',
      en: 'Companies respond within 15 days; if they report the response as in progress, the final response is due within 60 days. CFPB expectations, not a replacement for statutory deadlines.',
      zh: '企业应在15天内答复；如答复“处理中”，须在60天内给出最终答复。此为CFPB的要求，不取代其他法定时限。',
    },
  },
  {
    code: 'au-asic-rg271',
    name: {
      vi: 'Úc – ASIC RG 271: giải quyết tranh chấp nội bộ',
      en: 'Australia – ASIC RG 271 internal dispute resolution',
      zh: '澳大利亚 – ASIC RG 271 内部争议解决',
    },
    source: 'ASIC Regulatory Guide 271 Internal dispute resolution',
    sourceUrl:
      'https://asic.gov.au/regulatory-resources/find-a-document/regulatory-guides/rg-271-internal-dispute-resolution/',
    citation: { vi: 'ASIC RG 271', en: 'ASIC RG 271', zh: 'ASIC RG 271' },
    targets: {
      acknowledge: { amount: 24, unit: 'calendar_hours' },
      fix: { amount: 30, unit: 'calendar_days' },
    },
    notes: {
      vi: 'Xác nhận đã nhận trong 24 giờ (hoặc 1 ngày làm việc); phản hồi IDR trong 30 ngày lịch. Quỹ hưu trí (superannuation): 45 ngày; một số khiếu nại tín dụng (khó khăn tài chính, thông báo vỡ nợ): 21 ngày.',
      en: 'Acknowledge within 24 hours (or one business day); IDR response within 30 calendar days. Superannuation trustees: 45 days; some credit complaints (hardship, default notices): 21 days.',
      zh: '24小时（或1个工作日）内确认收到；30个自然日内给出内部争议解决答复。养老金受托人：45天；部分信贷投诉（困难援助、违约通知）：21天。',
    },
  },
];

/** The preset with this code, or undefined. */
export function findRegulatoryPreset(code: string): RegulatoryPreset | undefined {
  return regulatoryPresets.find((p) => p.code === code);
}
