import { registerMessages } from '../../platform/i18n.ts';

// The complaint module's own error texts, in the three languages.
registerMessages({
  vi: {
    'field.not_sent': 'Phiên bản «{field}» chưa được gửi cho khách hàng nên chưa thể xác nhận.',
    'error.link_expired':
      'Đường dẫn theo dõi này đã hết hạn vì hồ sơ {reference} đã đóng hơn {days} ngày. Vui lòng liên hệ trực tiếp {org} và cho biết mã hồ sơ.',
    'error.too_many_files': 'Quá nhiều tệp trong một lần gửi (tối đa {max}).',
    'error.quota_exceeded': 'Đã vượt hạn mức tệp đính kèm: {limit}.',
    'quota.files_per_complaint': 'tối đa {max} tệp cho mỗi hồ sơ',
    'quota.bytes_per_complaint': 'tối đa {max} cho mỗi hồ sơ',
    'quota.bytes_per_org': 'tối đa {max} cho toàn tổ chức',
  },
  en: {
    'field.not_sent':
      'Version “{field}” has not been sent to the customer, so it cannot be confirmed.',
    'error.link_expired':
      'This tracking link has expired: case {reference} was closed more than {days} days ago. Please contact {org} directly and quote the reference.',
    'error.too_many_files': 'Too many files in one upload (at most {max}).',
    'error.quota_exceeded': 'The attachment limit is reached: {limit}.',
    'quota.files_per_complaint': 'at most {max} files per case',
    'quota.bytes_per_complaint': 'at most {max} per case',
    'quota.bytes_per_org': 'at most {max} for the whole organisation',
  },
  zh: {
    'field.not_sent': '版本“{field}”尚未发送给客户，无法确认。',
    'error.link_expired':
      '此跟踪链接已过期：案件 {reference} 已关闭超过 {days} 天。请直接联系{org}并提供案件编号。',
    'error.too_many_files': '一次上传的文件过多（最多 {max} 个）。',
    'error.quota_exceeded': '已达到附件上限：{limit}。',
    'quota.files_per_complaint': '每个案件最多 {max} 个文件',
    'quota.bytes_per_complaint': '每个案件最多 {max}',
    'quota.bytes_per_org': '整个组织最多 {max}',
  },
});
