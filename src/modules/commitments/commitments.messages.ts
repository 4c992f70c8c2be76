import { registerMessages } from '../../platform/i18n.ts';

// The commitments module's refusals, in the three languages.
registerMessages({
  vi: {
    'error.commit_after_fix':
      'Hồ sơ đã khắc phục hoặc đã đóng nên không cam kết thời hạn nữa; hãy mở lại hồ sơ nếu khách hàng báo vấn đề vẫn còn.',
  },
  en: {
    'error.commit_after_fix':
      'The case is fixed or closed, so no due time can be committed; reopen it if the customer says the problem is still there.',
  },
  zh: {
    'error.commit_after_fix':
      '案件已解决或已关闭，不能再承诺时限；如客户反映问题仍在，请重新打开案件。',
  },
});
