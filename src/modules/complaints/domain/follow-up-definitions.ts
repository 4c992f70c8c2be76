import type { Language } from '../../../platform/i18n.ts';

/** What each figure of the step 6 report means, printed beside it (see follow-ups.ts). */
export const followUpDefinitions: Record<Language, { term: string; text: string }[]> = {
  vi: [
    {
      term: 'Cập nhật của quản lý đúng hạn',
      text: 'Số lần khắc phục có cập nhật của quản lý được ghi nhận trước hạn của đồng hồ "cập nhật của quản lý" ÷ số lần khắc phục đã có kết quả (đúng hạn, trễ hoặc thiếu). Lần khắc phục bị mở lại trước khi cập nhật thì không tính. Nếu chính sách không theo dõi đồng hồ này, hạn là 1 ngày sau khi khắc phục.',
    },
    { term: 'Trễ', text: 'Cập nhật được ghi nhận sau hạn.' },
    {
      term: 'Thiếu',
      text: 'Đã quá hạn mà chưa có cập nhật, hoặc việc bị bỏ qua. Việc còn trong hạn chưa được tính.',
    },
    {
      term: 'Tỷ lệ xác minh',
      text: 'Số cuộc gọi lại xác nhận khắc phục hiệu quả ÷ số cuộc gọi lại đã kết thúc (hiệu quả, chưa khắc phục và mở lại, không liên lạc được sau lần thử cuối, khách từ chối trả lời). Câu trả lời của khách trong cổng thông tin cũng được tính.',
    },
  ],
  en: [
    {
      term: 'Manager update on time',
      text: 'Fixes whose manager update was recorded by the due of the "manager update" clock ÷ fixes with an outcome (on time, late or missing). A fix reopened before its update is left out. Where the policy does not track that clock, the due is 1 day after the fix.',
    },
    { term: 'Late', text: 'The update was recorded after its due.' },
    {
      term: 'Missing',
      text: 'Past its due with no update, or the task was skipped. Tasks still before their due are not counted.',
    },
    {
      term: 'Verification rate',
      text: 'Call-backs that found the fix working ÷ call-backs that ended (working, not fixed and reopened, unreachable after the last try, customer declined). Answers the customer gave in the portal count too.',
    },
  ],
  zh: [
    {
      term: '主管回访按时',
      text: '在"主管回访"时钟到期前记录了主管回访的修复次数 ÷ 已有结果的修复次数(按时、迟到或缺失)。回访前被重新打开的修复不计。若政策未跟踪该时钟,期限为修复后 1 天。',
    },
    { term: '迟到', text: '回访在期限之后记录。' },
    { term: '缺失', text: '已过期限仍无回访,或任务被跳过。尚未到期的任务不计入。' },
    {
      term: '确认率',
      text: '确认修复有效的回访 ÷ 已结束的回访(有效、未修复并重新打开、最后一次尝试后仍联系不上、客户拒绝回答)。客户在门户中的回答也计入。',
    },
  ],
};
