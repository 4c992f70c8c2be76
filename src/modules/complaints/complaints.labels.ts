import type { FieldLabels, Label } from '../../platform/contract/labels.ts';

// The names the complaint screens give their fields, for the refusals that name them.

const label = (vi: string, en: string, zh: string): Label => ({ vi, en, zh });

const customerName = label('Tên khách hàng', 'Customer name', '客户姓名');
const customerPhone = label('Số điện thoại khách hàng', "Customer's phone", '客户电话');
const customerEmail = label('Email khách hàng', "Customer's e-mail", '客户电子邮件');

/** The public web form: the customer's own words. */
export const publicFormLabels: FieldLabels = {
  name: label('Họ tên', 'Your name', '您的姓名'),
  phone: label('Số điện thoại', 'Phone number', '电话号码'),
  email: label('Email', 'E-mail', '电子邮件'),
  description: label('Nội dung khiếu nại', 'What happened', '事情经过'),
  reasonId: label('Vấn đề khiếu nại', 'What it is about', '投诉涉及的问题'),
  orderRef: label('Mã đơn hàng', 'Order number', '订单号'),
  askText: label('Mong muốn của bạn', 'What you would like us to do', '您的诉求'),
  language: label('Ngôn ngữ', 'Language', '语言'),
  file: label('Tệp đính kèm', 'Attachments', '附件'),
  files: label('Tệp đính kèm', 'Attachments', '附件'),
};

/** Intake by staff or an integration. */
export const createComplaintLabels: FieldLabels = {
  'customer.name': customerName,
  'customer.phone': customerPhone,
  'customer.email': customerEmail,
  'customer.externalId': label('Mã khách hàng', 'Customer ID', '客户编号'),
  'customer.tier': label('Hạng khách hàng', 'Customer tier', '客户等级'),
  'customer.customerSince': label('Khách hàng từ ngày', 'Customer since', '成为客户日期'),
  'customer.preferredLanguage': label('Ngôn ngữ ưu tiên', 'Preferred language', '首选语言'),
  description: label('Mô tả', 'Description', '描述'),
  'ask.text': label('Yêu cầu của khách hàng', "Customer's ask", '客户诉求'),
  'ask.amount': label('Số tiền yêu cầu', 'Amount asked', '诉求金额'),
  'ask.currency': label('Loại tiền', 'Currency', '币种'),
};

export const verbalConfirmationLabels: FieldLabels = {
  confirmedBy: label('Người xác nhận', 'Confirmed by', '确认人'),
  method: label('Hình thức xác nhận', 'How it was confirmed', '确认方式'),
};

export const messageLabels: FieldLabels = {
  step: label('Bước', 'Step', '步骤'),
  body: label('Nội dung tin nhắn', 'Message', '消息内容'),
  cc: label('Đồng gửi (CC)', 'CC', '抄送'),
  'cc.*': label('Địa chỉ đồng gửi (CC)', 'CC address', '抄送地址'),
  attachmentIds: label('Tệp gửi kèm', 'Files sent', '随附文件'),
  format: label('Định dạng', 'Formatting', '格式'),
};

export const noteLabels: FieldLabels = {
  body: label('Nội dung ghi chú', 'Note', '备注内容'),
};

/** A phone call logged on a case. */
export const callLabels: FieldLabels = {
  complaintId: label('Hồ sơ khiếu nại', 'Case', '投诉案件'),
  complaint: label('Khiếu nại mới từ cuộc gọi', 'New complaint from the call', '由通话新建的投诉'),
  direction: label('Chiều cuộc gọi', 'Direction', '通话方向'),
  phone: label('Số điện thoại', 'Phone number', '电话号码'),
  startedAt: label('Thời điểm bắt đầu', 'Started at', '开始时间'),
  durationSeconds: label('Thời lượng (giây)', 'Duration (seconds)', '时长（秒）'),
  outcome: label('Kết quả cuộc gọi', 'Outcome', '通话结果'),
  notes: label('Ghi chú cuộc gọi', 'Call notes', '通话备注'),
};

export const recordingLabels: FieldLabels = {
  file: label('Bản ghi âm cuộc gọi', 'Call recording', '通话录音'),
};
