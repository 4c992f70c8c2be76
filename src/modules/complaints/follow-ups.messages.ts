import { registerMessages } from '../../platform/i18n.ts';

// Step 6's error texts, in the three languages.
registerMessages({
  vi: {
    'error.follow_up_closed': 'Việc theo dõi này đã được hoàn tất, bỏ qua hoặc huỷ.',
    'error.not_your_follow_up':
      'Việc này được giao cho {name}; chỉ người đó hoặc quản lý mới ghi nhận được.',
    'error.not_fixed_yet': 'Hồ sơ chưa được khắc phục nên chưa thể hỏi kết quả khắc phục.',
    'error.fix_already_answered': 'Khách hàng đã trả lời về lần khắc phục này.',
  },
  en: {
    'error.follow_up_closed': 'This follow-up is already done, skipped or cancelled.',
    'error.not_your_follow_up':
      'This task is assigned to {name}; only they or a manager can record it.',
    'error.not_fixed_yet': 'The case is not fixed yet, so there is no fix to ask about.',
    'error.fix_already_answered': 'The customer has already answered about this fix.',
  },
  zh: {
    'error.follow_up_closed': '该跟进任务已完成、跳过或取消。',
    'error.not_your_follow_up': '该任务已分配给 {name};只有其本人或主管可以记录。',
    'error.not_fixed_yet': '投诉尚未修复,无法询问修复结果。',
    'error.fix_already_answered': '客户已对此次修复作出回答。',
  },
});
