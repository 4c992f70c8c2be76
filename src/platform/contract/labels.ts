import type { LanguageCode } from './fields.ts';

/** A field's name as people read it on screen, in each language. */
export type Label = Record<LanguageCode, string>;
/** Labels by field path (`customer.name`, `names.en`; `*` stands for any array index). */
export type FieldLabels = Readonly<Record<string, Label>>;

const tables = new WeakMap<object, FieldLabels>();

/**
 * Gives a request schema the names its fields carry on screen, so that a refusal says "Họ tên
 * là bắt buộc" rather than naming the API key. Returns the schema itself. A schema derived from
 * it (`.partial()`, `.extend()`) is a new schema and needs its own call.
 */
export function withFieldLabels<T extends object>(schema: T, labels: FieldLabels): T {
  tables.set(schema, { ...tables.get(schema), ...labels });
  return schema;
}

export function fieldLabelsOf(schema: unknown): FieldLabels | undefined {
  return typeof schema === 'object' && schema !== null ? tables.get(schema) : undefined;
}

const label = (vi: string, en: string, zh: string): Label => ({ vi, en, zh });

/**
 * The words for fields that mean the same on every route. A route's own labels come first; a
 * field named by neither is quoted by its key.
 */
export const commonFieldLabels: FieldLabels = {
  name: label('Tên', 'Name', '名称'),
  email: label('Email', 'E-mail', '电子邮件'),
  phone: label('Số điện thoại', 'Phone number', '电话号码'),
  password: label('Mật khẩu', 'Password', '密码'),
  role: label('Vai trò', 'Role', '角色'),
  locale: label('Ngôn ngữ', 'Language', '语言'),
  language: label('Ngôn ngữ', 'Language', '语言'),
  description: label('Mô tả', 'Description', '描述'),
  body: label('Nội dung', 'Message', '内容'),
  subject: label('Tiêu đề', 'Subject', '主题'),
  note: label('Ghi chú', 'Note', '备注'),
  file: label('Tệp đính kèm', 'Attachment', '附件'),
  code: label('Mã', 'Code', '代码'),
  reason: label('Lý do', 'Reason', '原因'),
  reasonId: label('Lý do khiếu nại', 'Reason', '投诉原因'),
  ownerId: label('Người phụ trách', 'Owner', '负责人'),
  departmentId: label('Phòng ban', 'Department', '部门'),
  parentId: label('Mục cha', 'Parent', '上级'),
  severity: label('Mức độ nghiêm trọng', 'Severity', '严重程度'),
  channel: label('Kênh', 'Channel', '渠道'),
  status: label('Trạng thái', 'Status', '状态'),
  timeZone: label('Múi giờ', 'Time zone', '时区'),
  country: label('Quốc gia', 'Country', '国家'),
  referencePrefix: label('Tiền tố mã khiếu nại', 'Reference prefix', '投诉编号前缀'),
  defaultLanguage: label('Ngôn ngữ mặc định', 'Default language', '默认语言'),
  version: label('Phiên bản', 'Version', '版本'),
  productRef: label('Sản phẩm', 'Product', '产品'),
  orderRef: label('Mã đơn hàng', 'Order number', '订单号'),
  askText: label('Yêu cầu của khách hàng', "Customer's ask", '客户诉求'),
  askAmount: label('Số tiền yêu cầu', 'Amount asked', '诉求金额'),
  askCurrency: label('Loại tiền', 'Currency', '币种'),
  currency: label('Loại tiền', 'Currency', '币种'),
  amount: label('Số tiền', 'Amount', '金额'),
  whatHappened: label('Sự việc đã xảy ra', 'What happened', '发生了什么'),
  occurredAt: label('Thời điểm xảy ra', 'When it happened', '发生时间'),
  dueAt: label('Thời hạn', 'Due time', '截止时间'),
  externalId: label('Mã khách hàng', 'Customer ID', '客户编号'),
  tier: label('Hạng khách hàng', 'Customer tier', '客户等级'),
  customerSince: label('Khách hàng từ ngày', 'Customer since', '成为客户日期'),
  preferredLanguage: label('Ngôn ngữ ưu tiên', 'Preferred language', '首选语言'),
  'names.vi': label('Tên (tiếng Việt)', 'Name (Vietnamese)', '名称（越南语）'),
  'names.en': label('Tên (tiếng Anh)', 'Name (English)', '名称（英语）'),
  'names.zh': label('Tên (tiếng Trung)', 'Name (Chinese)', '名称（中文）'),
  sortOrder: label('Thứ tự', 'Order', '排序'),
  active: label('Đang dùng', 'Active', '启用'),
  q: label('Từ khóa tìm kiếm', 'Search', '搜索词'),
  page: label('Trang', 'Page', '页码'),
  pageSize: label('Số dòng mỗi trang', 'Rows per page', '每页行数'),
  sort: label('Sắp xếp', 'Sort', '排序'),
};
