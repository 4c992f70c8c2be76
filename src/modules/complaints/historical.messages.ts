import { registerMessages } from '../../platform/i18n.ts';

// The refusals of a historical complaint from a file, in the three languages. `{field}` is the
// column's name as the file writes it.
registerMessages({
  vi: {
    'import.unknown_reason':
      '{field}: «{value}» không khớp mã hoặc tên lý do khiếu nại nào của tổ chức.',
    'import.unknown_department': '{field}: không có phòng ban nào tên «{value}».',
    'import.unknown_assignee': '{field}: không có nhân viên nào có tên hoặc email «{value}».',
    'import.open_with_end': '{field}: khiếu nại còn mở thì không có ngày khắc phục hay ngày đóng.',
    'import.fixed_with_close':
      '{field}: khiếu nại đã khắc phục nhưng chưa đóng thì không có ngày đóng.',
    'import.before_opened': '{field} không được trước ngày tiếp nhận.',
    'import.closed_before_fixed': '{field} không được trước ngày khắc phục.',
    'import.history_kept':
      '{field}: khiếu nại đã nhập trước đây ghi khác; giá trị này không thay đổi được sau khi nhập.',
  },
  en: {
    'import.unknown_reason': '{field}: “{value}” matches no code or name of the org’s reasons.',
    'import.unknown_department': '{field}: no department is called “{value}”.',
    'import.unknown_assignee': '{field}: no staff member has the name or e-mail “{value}”.',
    'import.open_with_end': '{field}: an open complaint has no fixed or closed time.',
    'import.fixed_with_close': '{field}: a complaint fixed but not closed has no closed time.',
    'import.before_opened': '{field} cannot be before the time it was opened.',
    'import.closed_before_fixed': '{field} cannot be before the time it was fixed.',
    'import.history_kept':
      '{field}: the complaint imported before says otherwise; this cannot change once imported.',
  },
  zh: {
    'import.unknown_reason': '{field}：“{value}”与本组织的任何投诉原因代码或名称都不匹配。',
    'import.unknown_department': '{field}：没有名为“{value}”的部门。',
    'import.unknown_assignee': '{field}：没有姓名或电子邮件为“{value}”的员工。',
    'import.open_with_end': '{field}：未结的投诉不应有解决时间或关闭时间。',
    'import.fixed_with_close': '{field}：已解决但未关闭的投诉不应有关闭时间。',
    'import.before_opened': '{field}不能早于受理时间。',
    'import.closed_before_fixed': '{field}不能早于解决时间。',
    'import.history_kept': '{field}：之前导入的投诉记录不同；导入后此项不能更改。',
  },
});
