import { registerMessages } from '../../platform/i18n.ts';

// The complaint module's own error texts, in the three languages.
registerMessages({
  vi: {
    'error.cc_needs_email': 'Hồ sơ này chưa có email khách hàng nên không thể đồng gửi (CC).',
    'error.not_this_case_file': 'Chỉ gửi kèm được tệp của chính hồ sơ này.',
    'error.mail_files_too_large': 'Tệp gửi kèm quá lớn cho một thư (tổng tối đa {max}).',
    'error.recording_type_refused':
      '{field}: không nhận tệp «{name}», chỉ nhận MP3, M4A, Ogg hoặc WAV.',
    'error.recording_exists': 'Cuộc gọi này đã có bản ghi âm.',
    'error.call_in_future': '{field} không thể ở tương lai.',
    'error.call_case_or_complaint':
      'Chọn một hồ sơ có sẵn hoặc tạo khiếu nại mới, không phải cả hai.',
    'field.not_sent': 'Phiên bản {version} chưa được gửi cho khách hàng nên chưa thể xác nhận.',
    'error.link_expired':
      'Đường dẫn theo dõi này đã hết hạn vì hồ sơ {reference} đã đóng hơn {days} ngày. Vui lòng liên hệ trực tiếp {org} và cho biết mã hồ sơ.',
    'error.too_many_files': 'Quá nhiều tệp trong một lần gửi (tối đa {max}).',
    'error.quota_exceeded': 'Đã vượt hạn mức tệp đính kèm.',
    'error.quota_files_per_complaint': 'Hồ sơ này đã đủ số tệp cho phép (tối đa {max} tệp).',
    'error.quota_bytes_per_complaint': 'Hồ sơ này đã dùng hết dung lượng tệp (tối đa {max}).',
    'error.quota_bytes_per_org': 'Tổ chức đã dùng hết dung lượng tệp (tối đa {max}).',
    'error.file_type_refused':
      'Không nhận tệp «{name}»: chỉ nhận ảnh, PDF, Word/Excel, văn bản, ghi âm và video.',
  },
  en: {
    'error.cc_needs_email': 'This case has no customer e-mail, so nobody can be copied (CC).',
    'error.not_this_case_file': 'Only this case’s own files can be sent with it.',
    'error.mail_files_too_large': 'The files are too large for one mail (at most {max} in all).',
    'error.recording_type_refused': '{field}: “{name}” was not accepted; MP3, M4A, Ogg or WAV are.',
    'error.recording_exists': 'This call already has its recording.',
    'error.call_in_future': '{field} cannot be in the future.',
    'error.call_case_or_complaint': 'Name an existing case or a new complaint, not both.',
    'field.not_sent':
      'Version {version} has not been sent to the customer, so it cannot be confirmed.',
    'error.link_expired':
      'This tracking link has expired: case {reference} was closed more than {days} days ago. Please contact {org} directly and quote the reference.',
    'error.too_many_files': 'Too many files in one upload (at most {max}).',
    'error.quota_exceeded': 'The attachment limit is reached.',
    'error.quota_files_per_complaint': 'This case has all the files it may hold (at most {max}).',
    'error.quota_bytes_per_complaint': 'This case has used its file space (at most {max}).',
    'error.quota_bytes_per_org': 'The organisation has used its file space (at most {max}).',
    'error.file_type_refused':
      '“{name}” was not accepted: photos, PDF, Word/Excel, text, voice recordings and video are.',
  },
  zh: {
    'error.cc_needs_email': '此案件没有客户电子邮件，无法抄送。',
    'error.not_this_case_file': '只能随附本案件自己的文件。',
    'error.mail_files_too_large': '随附文件对一封邮件来说太大（合计最多 {max}）。',
    'error.recording_type_refused': '{field}：不接受文件“{name}”，仅接受 MP3、M4A、Ogg 或 WAV。',
    'error.recording_exists': '此通话已有录音。',
    'error.call_in_future': '{field}不能晚于现在。',
    'error.call_case_or_complaint': '请选择已有案件或新建投诉，不能同时提供。',
    'field.not_sent': '第 {version} 版尚未发送给客户，无法确认。',
    'error.link_expired':
      '此跟踪链接已过期：案件 {reference} 已关闭超过 {days} 天。请直接联系{org}并提供案件编号。',
    'error.too_many_files': '一次上传的文件过多（最多 {max} 个）。',
    'error.quota_exceeded': '已达到附件上限。',
    'error.quota_files_per_complaint': '此案件的文件数量已达上限（最多 {max} 个）。',
    'error.quota_bytes_per_complaint': '此案件的文件空间已用完（最多 {max}）。',
    'error.quota_bytes_per_org': '本组织的文件空间已用完（最多 {max}）。',
    'error.file_type_refused':
      '不接受文件“{name}”：仅接受图片、PDF、Word/Excel、文本、录音和视频。',
  },
});
