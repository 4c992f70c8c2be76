/** Server-side strings: error messages and the words used in e-mails and read-backs. */
export const languages = ['vi', 'en', 'zh'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header; Vietnamese by default. */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'vi'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return fallback;
}

type Messages = Record<string, string>;

const vi: Messages = {
  'error.validation_failed': 'Dữ liệu không hợp lệ.',
  'error.unauthenticated': 'Vui lòng đăng nhập.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.not_found': 'Không tìm thấy.',
  'error.method_not_allowed': 'Địa chỉ này không nhận yêu cầu {method} (chỉ nhận: {allowed}).',
  'error.uri_too_long': 'Địa chỉ quá dài.',
  'error.bad_url': 'Địa chỉ không hợp lệ.',
  'error.conflict': 'Dữ liệu đã bị thay đổi hoặc trùng lặp.',
  'error.invalid_transition': 'Không thể chuyển trạng thái từ «{from}» sang «{to}».',
  'error.rate_limited': 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {seconds} giây.',
  'error.too_many_streams':
    'Phiên này đã mở quá nhiều kết nối cập nhật trực tiếp (tối đa {max}). Hãy đóng bớt tab.',
  'error.payload_too_large': 'Tệp quá lớn (tối đa {max}).',
  'error.unsupported_media_type': 'Loại tệp «{type}» không được chấp nhận.',
  'error.invalid_credentials': 'Email hoặc mật khẩu không đúng.',
  'error.csrf_failed': 'Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang.',
  'error.idempotency_conflict': 'Idempotency-Key đã được dùng cho một yêu cầu khác.',
  'error.internal': 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  'error.unavailable':
    'Hệ thống tạm thời gián đoạn kết nối cơ sở dữ liệu. Vui lòng thử lại sau {seconds} giây.',
  'error.spam': 'Không thể gửi biểu mẫu.',
  'field.required': '{field} là bắt buộc.',
  'field.too_short': '{field} quá ngắn (tối thiểu {min} ký tự).',
  'field.too_long': '{field} quá dài (tối đa {max} ký tự).',
  'field.too_few': '{field} cần ít nhất {min} mục.',
  'field.too_many': '{field} có quá nhiều mục (tối đa {max}).',
  'field.too_small_number': '{field} phải từ {min} trở lên.',
  'field.too_big_number': '{field} không được lớn hơn {max}.',
  'field.invalid_type': '{field} sai kiểu dữ liệu.',
  'field.invalid_option': '{field} phải là một trong: {options}.',
  'field.invalid_format': '{field} sai định dạng.',
  'field.invalid_email': '{field} không phải là địa chỉ email hợp lệ.',
  'field.invalid_phone': 'Số điện thoại «{value}» không hợp lệ.',
  'field.invalid_text': '{field} chứa ký tự không được phép.',
  'field.contact_required': 'Cần ít nhất số điện thoại hoặc email.',
  'field.invalid': '{field} không hợp lệ.',
  'field.unknown': 'Trường «{field}» không được hỗ trợ.',
};

const en: Messages = {
  'error.validation_failed': 'The data is not valid.',
  'error.unauthenticated': 'Please sign in.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_found': 'Not found.',
  'error.method_not_allowed': 'This address does not take {method} requests (only {allowed}).',
  'error.uri_too_long': 'The address is too long.',
  'error.bad_url': 'The address is not valid.',
  'error.conflict': 'The data was changed or already exists.',
  'error.invalid_transition': 'Cannot change the status from “{from}” to “{to}”.',
  'error.rate_limited': 'Too many requests. Please try again in {seconds} seconds.',
  'error.too_many_streams':
    'This session has too many live-update connections open (at most {max}). Close some tabs.',
  'error.payload_too_large': 'The file is too large (at most {max}).',
  'error.unsupported_media_type': 'Files of type “{type}” are not accepted.',
  'error.invalid_credentials': 'Wrong e-mail or password.',
  'error.csrf_failed': 'Your session is not valid (CSRF). Please reload the page.',
  'error.idempotency_conflict': 'This Idempotency-Key was already used for a different request.',
  'error.internal': 'Something went wrong. Please try again.',
  'error.unavailable':
    'The service is briefly unavailable (its database cannot be reached). Please try again in {seconds} seconds.',
  'error.spam': 'The form could not be sent.',
  'field.required': '{field} is required.',
  'field.too_short': '{field} is too short (at least {min} characters).',
  'field.too_long': '{field} is too long (at most {max} characters).',
  'field.too_few': '{field} needs at least {min} items.',
  'field.too_many': '{field} has too many items (at most {max}).',
  'field.too_small_number': '{field} must be at least {min}.',
  'field.too_big_number': '{field} must be at most {max}.',
  'field.invalid_type': '{field} has the wrong type.',
  'field.invalid_option': '{field} must be one of: {options}.',
  'field.invalid_format': '{field} is not in the right format.',
  'field.invalid_email': '{field} is not a valid e-mail address.',
  'field.invalid_phone': 'The phone number “{value}” is not valid.',
  'field.invalid_text': '{field} contains characters that are not allowed.',
  'field.contact_required': 'A phone number or an e-mail is needed.',
  'field.invalid': '{field} is not valid.',
  'field.unknown': 'The field “{field}” is not supported.',
};

const zh: Messages = {
  'error.validation_failed': '数据无效。',
  'error.unauthenticated': '请先登录。',
  'error.forbidden': '您无权执行此操作。',
  'error.not_found': '未找到。',
  'error.method_not_allowed': '此地址不接受 {method} 请求（仅接受：{allowed}）。',
  'error.uri_too_long': '地址过长。',
  'error.bad_url': '地址无效。',
  'error.conflict': '数据已被修改或已存在。',
  'error.invalid_transition': '无法将状态从“{from}”改为“{to}”。',
  'error.rate_limited': '请求过于频繁，请在 {seconds} 秒后重试。',
  'error.too_many_streams': '此会话打开的实时更新连接过多（最多 {max} 个）。请关闭一些标签页。',
  'error.payload_too_large': '文件过大（最大 {max}）。',
  'error.unsupported_media_type': '不接受“{type}”类型的文件。',
  'error.invalid_credentials': '邮箱或密码错误。',
  'error.csrf_failed': '会话无效（CSRF）。请刷新页面。',
  'error.idempotency_conflict': '此 Idempotency-Key 已用于另一个请求。',
  'error.internal': '发生错误，请重试。',
  'error.unavailable': '服务暂时不可用（无法连接数据库）。请在 {seconds} 秒后重试。',
  'error.spam': '表单无法提交。',
  'field.required': '{field}为必填项。',
  'field.too_short': '{field}太短（至少 {min} 个字符）。',
  'field.too_long': '{field}太长（最多 {max} 个字符）。',
  'field.too_few': '{field}至少需要 {min} 项。',
  'field.too_many': '{field}项目过多（最多 {max} 项）。',
  'field.too_small_number': '{field}不能小于 {min}。',
  'field.too_big_number': '{field}不能大于 {max}。',
  'field.invalid_type': '{field}类型错误。',
  'field.invalid_option': '{field}必须是以下之一：{options}。',
  'field.invalid_format': '{field}格式不正确。',
  'field.invalid_email': '{field}不是有效的电子邮件地址。',
  'field.invalid_phone': '电话号码“{value}”无效。',
  'field.invalid_text': '{field}包含不允许的字符。',
  'field.contact_required': '需要电话号码或电子邮件。',
  'field.invalid': '{field}无效。',
  'field.unknown': '不支持字段“{field}”。',
};

const catalogues: Record<Language, Messages> = { vi, en, zh };

/** Adds a module's own strings (e-mail texts, read-back words) to the catalogues. */
export function registerMessages(extra: Record<Language, Messages>): void {
  for (const lang of languages) Object.assign(catalogues[lang], extra[lang]);
}

export function translate(
  lang: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[lang][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}
