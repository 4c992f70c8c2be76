import { registerMessages } from '../../platform/i18n.ts';

// The refusals of bulk rows and imported files, in the three languages. `{field}` is the
// field's label, or the column's name as the file writes it.
registerMessages({
  vi: {
    'commerce.name_needed':
      'Không tìm thấy khách hàng theo mã, số điện thoại hoặc email: cần {field} để tạo khách hàng mới.',
    'commerce.same_customer': 'Người giới thiệu và người được giới thiệu là cùng một khách hàng.',
    'commerce.row_not_object': 'Dòng này không phải là một đối tượng JSON.',
    'commerce.refused': 'Cơ sở dữ liệu không nhận dòng này ({field}).',
    'field.amount_needs_currency': 'Số tiền và {field} phải có cùng nhau.',
    'import.invalid_date': '{field}: không đọc được ngày «{value}» (dạng dd/mm/yyyy).',
    'import.invalid_amount': '{field}: không đọc được số tiền «{value}».',
    'import.negative_amount': '{field}: số tiền «{value}» không được âm.',
    'import.too_many_decimals':
      '{field}: «{value}» có nhiều chữ số thập phân hơn loại tiền cho phép.',
    'import.invalid_kind': '{field}: «{value}» phải là bắt đầu, gia hạn hoặc hủy.',
    'import.invalid_channel':
      '{field}: «{value}» không phải kênh tiếp nhận (điện thoại, email, web, chat, tại quầy, mạng xã hội).',
    'import.invalid_status': '{field}: «{value}» phải là đang mở, đã khắc phục hoặc đã đóng.',
    'import.file_too_large': 'Tệp quá lớn: tối đa {max} MB.',
    'import.too_many_rows': 'Tệp có {rows} dòng: tối đa {max} dòng mỗi lần nhập.',
    'import.empty_file': 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
    'import.unreadable_file': 'Không đọc được tệp: cần tệp CSV hoặc Excel (.xlsx).',
    'import.missing_field': 'Chưa chọn cột cho «{name}».',
    'import.bad_mapping': 'Cách ghép cột phải có đúng {count} cột.',
    'import.already_started': 'Lần nhập này đã được bắt đầu.',
  },
  en: {
    'commerce.name_needed':
      'No customer has this ID, phone number or e-mail: {field} is needed to create one.',
    'commerce.same_customer': 'The referrer and the referred customer are the same customer.',
    'commerce.row_not_object': 'This row is not a JSON object.',
    'commerce.refused': 'The database refused this row ({field}).',
    'field.amount_needs_currency': 'An amount and {field} go together.',
    'import.invalid_date': '{field}: “{value}” is not a date (dd/mm/yyyy).',
    'import.invalid_amount': '{field}: “{value}” is not an amount.',
    'import.negative_amount': '{field}: the amount “{value}” cannot be negative.',
    'import.too_many_decimals': '{field}: “{value}” has more decimals than the currency has.',
    'import.invalid_kind': '{field}: “{value}” must be start, renew or cancel.',
    'import.invalid_channel':
      '{field}: “{value}” is not a channel (phone, e-mail, web, chat, walk-in, social media).',
    'import.invalid_status': '{field}: “{value}” must be open, fixed or closed.',
    'import.file_too_large': 'The file is too large: at most {max} MB.',
    'import.too_many_rows': 'The file has {rows} rows: at most {max} rows per import.',
    'import.empty_file': 'The file has no data rows below its header.',
    'import.unreadable_file': 'The file cannot be read: a CSV or Excel (.xlsx) file is needed.',
    'import.missing_field': 'No column is chosen for “{name}”.',
    'import.bad_mapping': 'The mapping must have exactly {count} columns.',
    'import.already_started': 'This import has already been started.',
  },
  zh: {
    'commerce.name_needed': '没有客户使用此编号、电话号码或电子邮件：创建新客户需要{field}。',
    'commerce.same_customer': '推荐人和被推荐人是同一位客户。',
    'commerce.row_not_object': '此行不是 JSON 对象。',
    'commerce.refused': '数据库拒绝了此行（{field}）。',
    'field.amount_needs_currency': '金额和{field}必须同时填写。',
    'import.invalid_date': '{field}：“{value}”不是有效日期（dd/mm/yyyy）。',
    'import.invalid_amount': '{field}：“{value}”不是有效金额。',
    'import.negative_amount': '{field}：金额“{value}”不能为负数。',
    'import.too_many_decimals': '{field}：“{value}”的小数位数超过该币种允许的位数。',
    'import.invalid_kind': '{field}：“{value}”必须是开始、续订或取消。',
    'import.invalid_channel':
      '{field}：“{value}”不是受理渠道（电话、邮件、网站、聊天、到店、社交媒体）。',
    'import.invalid_status': '{field}：“{value}”必须是处理中、已解决或已关闭。',
    'import.file_too_large': '文件过大：最多 {max} MB。',
    'import.too_many_rows': '文件有 {rows} 行：每次导入最多 {max} 行。',
    'import.empty_file': '标题行下没有数据行。',
    'import.unreadable_file': '无法读取文件：需要 CSV 或 Excel（.xlsx）文件。',
    'import.missing_field': '尚未为“{name}”选择列。',
    'import.bad_mapping': '列映射必须正好有 {count} 列。',
    'import.already_started': '此导入已经开始。',
  },
});
