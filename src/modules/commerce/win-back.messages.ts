import { registerMessages } from '../../platform/i18n.ts';

// The win-back report's definitions, in the three languages.
registerMessages({
  vi: {
    'winBack.offer.rule':
      'Gợi ý: phiếu mua hàng bằng {share}% số tiền khách đã chi trong 90 ngày trước khiếu nại, làm tròn xuống, tối thiểu một bậc; không vượt quá hạn mức bạn được tự quyết (theo quy tắc thẩm quyền của tổ chức).',
    'winBack.definition.queue':
      'Khách vào hàng đợi khi khiếu nại gần nhất của họ trong {months} tháng qua được theo sau bởi việc hủy gói đăng ký (và hiện không còn gói nào hiệu lực), hoặc {days} ngày không có đơn hàng nào. Hàng đợi được cập nhật mỗi khi mở.',
    'winBack.definition.win_back_rate':
      'Số mục có kết quả "đã giành lại" / số mục đã có kết quả trong kỳ (theo ngày ghi kết quả).',
    'winBack.definition.revenue_won_back':
      'Tổng giá trị đơn hàng (bằng loại tiền của báo cáo) của khách đã giành lại trong 90 ngày sau khi ghi kết quả, tính đến nay.',
  },
  en: {
    'winBack.offer.rule':
      'Suggested: a voucher worth {share}% of what the customer spent in the 90 days before the complaint, rounded down, at least one step; never more than you may grant alone (the org’s authority rules).',
    'winBack.definition.queue':
      'A customer enters the queue when their latest complaint in the last {months} months was followed by a subscription cancellation (with no subscription active now), or by {days} days without an order. The queue is brought up to date each time it is opened.',
    'winBack.definition.win_back_rate':
      'Entries with the outcome "won back" / entries given any outcome in the period (by the date of the outcome).',
    'winBack.definition.revenue_won_back':
      'Orders (in the report’s currency) of the customers won back in the 90 days after the outcome was recorded, so far.',
  },
  zh: {
    'winBack.offer.rule':
      '建议：价值为客户投诉前 90 天消费额 {share}% 的代金券，向下取整，至少一档；不超过您可自行决定的额度（按组织的权限规则）。',
    'winBack.definition.queue':
      '客户在过去 {months} 个月内的最近一次投诉之后取消了订阅（且目前没有有效订阅），或 {days} 天内没有任何订单时，进入挽回队列。每次打开队列时更新。',
    'winBack.definition.win_back_rate':
      '结果为"已挽回"的条目数 / 期间内已记录任何结果的条目数（按记录结果的日期）。',
    'winBack.definition.revenue_won_back':
      '已挽回客户在记录结果后 90 天内（截至目前）的订单金额（以报告币种计）。',
  },
});
