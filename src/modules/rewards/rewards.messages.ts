import { registerMessages } from '../../platform/i18n.ts';

// The rewards module's refusals, in the three languages.
registerMessages({
  vi: {
    'error.gift_not_fixed':
      'Chỉ tặng quà cảm ơn sau khi hồ sơ đã được khắc phục; hồ sơ này chưa khắc phục.',
    'error.gift_not_verified':
      'Tổ chức yêu cầu gọi lại xác minh "đã khắc phục" trước khi tặng quà cảm ơn.',
    'error.no_budget': 'Nhóm của anh/chị chưa có ngân sách cho kỳ này.',
    'error.over_budget': 'Ngân sách còn lại của kỳ này không đủ.',
    'error.currency_mismatch': 'Đơn vị tiền tệ không khớp với ngân sách hoặc hạn mức.',
    'error.no_approver': 'Không có người phê duyệt cấp trên trong sơ đồ tổ chức.',
    'error.not_your_approval': 'Yêu cầu này đang chờ người khác phê duyệt.',
    'error.approval_closed': 'Yêu cầu phê duyệt này đã được xử lý.',
    'error.gift_inactive': 'Quà này không còn trong danh mục.',
    'error.budget_below_spent': 'Ngân sách không được thấp hơn số đã chi.',
    'error.budget_exists': 'Nhóm này đã có ngân sách cho kỳ đó.',
  },
  en: {
    'error.gift_not_fixed': 'A thank-you gift comes only after the fix; this case is not fixed.',
    'error.gift_not_verified':
      'Your organisation asks for a verification call-back that the fix works before a thank-you gift.',
    'error.no_budget': 'Your team has no budget for this period.',
    'error.over_budget': 'What is left of this period’s budget does not cover it.',
    'error.currency_mismatch': 'The currency does not match the budget or the limit.',
    'error.no_approver': 'There is nobody above in the org chart to approve this.',
    'error.not_your_approval': 'This request is waiting for another approver.',
    'error.approval_closed': 'This approval request has already been answered.',
    'error.gift_inactive': 'This gift is no longer in the catalogue.',
    'error.budget_below_spent': 'A budget cannot be lower than what is already spent.',
    'error.budget_exists': 'This team already has a budget for that period.',
  },
  zh: {
    'error.gift_not_fixed': '感谢礼品只能在问题解决后赠送；此案件尚未解决。',
    'error.gift_not_verified': '贵组织要求先完成回访确认问题已解决，再赠送感谢礼品。',
    'error.no_budget': '您的团队在本期没有预算。',
    'error.over_budget': '本期剩余预算不足。',
    'error.currency_mismatch': '币种与预算或额度不一致。',
    'error.no_approver': '组织架构中没有可审批的上级。',
    'error.not_your_approval': '此请求正在等待其他审批人。',
    'error.approval_closed': '此审批请求已处理。',
    'error.gift_inactive': '该礼品已不在目录中。',
    'error.budget_below_spent': '预算不能低于已支出金额。',
    'error.budget_exists': '该团队在此期间已有预算。',
  },
});
