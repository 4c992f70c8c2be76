import type { Language } from '../../../platform/i18n.ts';
import type { TemplateStep } from './variables.ts';

export { templateSteps, type TemplateStep } from './variables.ts';

export type DefaultTemplate = {
  step: TemplateStep;
  language: Language;
  name: string;
  subject: string;
  body: string;
};

/**
 * The starting templates every new org gets (migration 0009 gave the same texts to orgs that had
 * not edited the earlier ones). They follow the brief: thank first, then the concrete facts; a
 * time wherever something is promised, never "as soon as possible"; an apology that takes
 * responsibility beside one that only shares the customer's feelings, for when the fault is not
 * ours. A line with a due time that the case does not have is left out when the message is made.
 * Agents edit them per case; they are suggestions, never a script.
 */
export const defaultTemplates: DefaultTemplate[] = [
  {
    step: 'thank',
    language: 'vi',
    name: 'Cảm ơn và xác nhận đã nhận',
    subject: '[{{reference}}] Cảm ơn anh/chị đã phản ánh',
    body:
      'Kính gửi {{customerName}},\n\n' +
      '{{orgName}} chân thành cảm ơn anh/chị đã dành thời gian cho chúng tôi biết sự việc. ' +
      'Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.\n\n' +
      'Chúng tôi đã nhận khiếu nại của anh/chị, mã khiếu nại: {{reference}}.\n' +
      'Nhân viên chăm sóc khách hàng sẽ liên hệ lại với anh/chị để làm rõ thông tin trước {{firstResponseDueAt}}.\n\n' +
      'Anh/chị có thể theo dõi tiến trình xử lý và trao đổi với chúng tôi tại:\n{{trackingUrl}}\n\n' +
      'Trân trọng,\n{{orgName}}',
  },
  {
    step: 'thank',
    language: 'en',
    name: 'Thank you and acknowledgement',
    subject: '[{{reference}}] Thank you for telling us',
    body:
      'Dear {{customerName}},\n\n' +
      'Thank you for taking the time to tell {{orgName}} about this. ' +
      'Your feedback helps us serve you better.\n\n' +
      'We have received your complaint under reference {{reference}}.\n' +
      'A member of our customer care team will contact you to go through the details by {{firstResponseDueAt}}.\n\n' +
      'You can follow its progress and write to us here:\n{{trackingUrl}}\n\n' +
      'Kind regards,\n{{orgName}}',
  },
  {
    step: 'thank',
    language: 'zh',
    name: '致谢与受理确认',
    subject: '[{{reference}}] 感谢您的反馈',
    body:
      '尊敬的{{customerName}}：\n\n' +
      '衷心感谢您抽出时间向{{orgName}}反映问题，您的意见帮助我们改进服务。\n\n' +
      '我们已受理您的投诉，投诉编号：{{reference}}。\n' +
      '客服专员将在{{firstResponseDueAt}}之前与您联系，核实相关情况。\n\n' +
      '您可以通过以下链接查看处理进度并与我们沟通：\n{{trackingUrl}}\n\n' +
      '此致\n{{orgName}}',
  },
  {
    step: 'readback',
    language: 'vi',
    name: 'Xác nhận lại thông tin',
    subject: '[{{reference}}] Vui lòng xác nhận lại thông tin khiếu nại',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Cảm ơn anh/chị đã trao đổi với chúng tôi. Để xử lý chính xác, chúng tôi xin tóm tắt lại nội dung anh/chị đã phản ánh:\n\n' +
      '{{readBack}}\n\n' +
      'Anh/chị vui lòng xác nhận thông tin trên là đúng, hoặc cho chúng tôi biết điểm cần sửa, tại:\n{{trackingUrl}}\n\n' +
      'Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.\n\n' +
      'Trân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'readback',
    language: 'en',
    name: 'Read-back of the facts',
    subject: '[{{reference}}] Please confirm the details of your complaint',
    body:
      'Dear {{customerName}},\n\n' +
      'Thank you for talking this through with us. To make sure we get it right, here is our summary of what you told us:\n\n' +
      '{{readBack}}\n\n' +
      'Please confirm that this is correct, or tell us what to change, here:\n{{trackingUrl}}\n\n' +
      'The fix date we have committed to: {{fixDueAt}}.\n\n' +
      'Kind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'readback',
    language: 'zh',
    name: '复述确认',
    subject: '[{{reference}}] 请确认您的投诉内容',
    body:
      '尊敬的{{customerName}}：\n\n' +
      '感谢您与我们沟通。为确保准确处理，我们将您反映的情况复述如下：\n\n' +
      '{{readBack}}\n\n' +
      '请通过以下链接确认以上内容无误，或告诉我们需要更正之处：\n{{trackingUrl}}\n\n' +
      '我们承诺的解决时限：{{fixDueAt}}。\n\n' +
      '此致\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'vi',
    name: 'Xin lỗi và nhận trách nhiệm',
    subject: '[{{reference}}] Lời xin lỗi từ {{orgName}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Cảm ơn anh/chị đã kiên nhẫn trao đổi với chúng tôi về khiếu nại {{reference}}.\n\n' +
      'Chúng tôi thành thật xin lỗi vì sự việc anh/chị đã gặp phải. ' +
      'Đây là sai sót của chúng tôi, và chúng tôi nhận trách nhiệm khắc phục.\n\n' +
      'Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.\n' +
      'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.\n' +
      'Chúng tôi sẽ cập nhật tiến độ cho anh/chị trước {{nextUpdateDueAt}}.\n\n' +
      'Anh/chị có thể theo dõi và trao đổi với chúng tôi tại: {{trackingUrl}}\n\n' +
      'Trân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'vi',
    name: 'Đồng cảm (không nhận lỗi)',
    subject: '[{{reference}}] Chúng tôi hiểu điều anh/chị đã gặp',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Cảm ơn anh/chị đã chia sẻ với chúng tôi về khiếu nại {{reference}}.\n\n' +
      'Chúng tôi rất hiểu anh/chị đã cảm thấy khó chịu và mất thời gian như thế nào, ' +
      'và chúng tôi rất tiếc vì anh/chị đã phải trải qua điều này. ' +
      'Chúng tôi đang cùng các bộ phận liên quan tìm hiểu kỹ sự việc.\n\n' +
      'Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.\n' +
      'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.\n' +
      'Chúng tôi sẽ cập nhật tiến độ cho anh/chị trước {{nextUpdateDueAt}}.\n\n' +
      'Anh/chị có thể theo dõi và trao đổi với chúng tôi tại: {{trackingUrl}}\n\n' +
      'Trân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'en',
    name: 'Apology, taking responsibility',
    subject: '[{{reference}}] An apology from {{orgName}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Thank you for your patience while we talked through complaint {{reference}}.\n\n' +
      'We are truly sorry for what happened. ' +
      'The mistake was ours, and we take responsibility for putting it right.\n\n' +
      'The fix date we have committed to: {{fixDueAt}}.\n' +
      'We will give you a concrete date for the fix by {{commitmentDueAt}}.\n' +
      'We will update you on progress by {{nextUpdateDueAt}}.\n\n' +
      'You can follow it and write to us here: {{trackingUrl}}\n\n' +
      'Kind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'en',
    name: 'Empathy, without accepting fault',
    subject: '[{{reference}}] We understand what you went through',
    body:
      'Dear {{customerName}},\n\n' +
      'Thank you for telling us about complaint {{reference}}.\n\n' +
      'We understand how frustrating and time-consuming this has been for you, ' +
      'and we are sorry you have had to go through it. ' +
      'We are looking into what happened with the teams involved.\n\n' +
      'The fix date we have committed to: {{fixDueAt}}.\n' +
      'We will give you a concrete date for the fix by {{commitmentDueAt}}.\n' +
      'We will update you on progress by {{nextUpdateDueAt}}.\n\n' +
      'You can follow it and write to us here: {{trackingUrl}}\n\n' +
      'Kind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'zh',
    name: '道歉并承担责任',
    subject: '[{{reference}}] {{orgName}}向您致歉',
    body:
      '尊敬的{{customerName}}：\n\n' +
      '感谢您耐心地与我们沟通投诉 {{reference}}。\n\n' +
      '对于您遇到的情况，我们深表歉意。这是我们的失误，我们将负责妥善解决。\n\n' +
      '我们承诺的解决时限：{{fixDueAt}}。\n' +
      '我们将在{{commitmentDueAt}}之前告知您明确的解决时限。\n' +
      '我们将在{{nextUpdateDueAt}}之前向您更新处理进展。\n\n' +
      '查看进度并与我们沟通：{{trackingUrl}}\n\n' +
      '此致\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'zh',
    name: '共情（不承认过错）',
    subject: '[{{reference}}] 我们理解您的感受',
    body:
      '尊敬的{{customerName}}：\n\n' +
      '感谢您告诉我们投诉 {{reference}} 的情况。\n\n' +
      '我们非常理解这件事给您带来的困扰和时间上的耽误，很遗憾让您经历这些。' +
      '我们正在与相关部门一起认真核查事情经过。\n\n' +
      '我们承诺的解决时限：{{fixDueAt}}。\n' +
      '我们将在{{commitmentDueAt}}之前告知您明确的解决时限。\n' +
      '我们将在{{nextUpdateDueAt}}之前向您更新处理进展。\n\n' +
      '查看进度并与我们沟通：{{trackingUrl}}\n\n' +
      '此致\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'update',
    language: 'vi',
    name: 'Cập nhật tiến độ',
    subject: '[{{reference}}] Cập nhật tình hình xử lý khiếu nại',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Cảm ơn anh/chị đã kiên nhẫn chờ đợi. Chúng tôi xin cập nhật tình hình xử lý khiếu nại {{reference}}:\n\n' +
      'Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.\n' +
      'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.\n' +
      'Lần cập nhật tiếp theo: trước {{nextUpdateDueAt}}.\n\n' +
      'Anh/chị có thể xem chi tiết và trao đổi với chúng tôi tại: {{trackingUrl}}\n\n' +
      'Trân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'update',
    language: 'en',
    name: 'Progress update',
    subject: '[{{reference}}] An update on your complaint',
    body:
      'Dear {{customerName}},\n\n' +
      'Thank you for your patience. Here is where complaint {{reference}} stands:\n\n' +
      'The fix date we have committed to: {{fixDueAt}}.\n' +
      'We will give you a concrete date for the fix by {{commitmentDueAt}}.\n' +
      'Our next update: by {{nextUpdateDueAt}}.\n\n' +
      'You can see the details and write to us here: {{trackingUrl}}\n\n' +
      'Kind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'update',
    language: 'zh',
    name: '进展更新',
    subject: '[{{reference}}] 您的投诉处理进展',
    body:
      '尊敬的{{customerName}}：\n\n' +
      '感谢您的耐心等待。现将投诉 {{reference}} 的处理进展告知如下：\n\n' +
      '我们承诺的解决时限：{{fixDueAt}}。\n' +
      '我们将在{{commitmentDueAt}}之前告知您明确的解决时限。\n' +
      '下次更新：{{nextUpdateDueAt}}之前。\n\n' +
      '查看详情并与我们沟通：{{trackingUrl}}\n\n' +
      '此致\n{{agentName}} – {{orgName}}',
  },
];
