import type { Language } from '../../../platform/i18n.ts';

/** The messages that have templates: step 1's thank-you, step 2's read-back, step 3's apology. */
export const templateSteps = ['thank', 'readback', 'apologise'] as const;
export type TemplateStep = (typeof templateSteps)[number];
export type DefaultTemplate = {
  step: TemplateStep;
  language: Language;
  name: string;
  subject: string;
  body: string;
};

/**
 * The starting templates every new org gets. They follow the brief: thank the customer for
 * speaking up, read the facts back, and apologise for the experience without blaming anyone.
 * Agents edit them per case; they are suggestions, never a script.
 */
export const defaultTemplates: DefaultTemplate[] = [
  {
    step: 'thank',
    language: 'vi',
    name: 'Cảm ơn và xác nhận đã nhận',
    subject: '[{{reference}}] Cảm ơn anh/chị đã phản ánh',
    body:
      'Kính gửi {{customerName}},\n\n{{orgName}} chân thành cảm ơn anh/chị đã dành thời gian phản ánh với chúng tôi. ' +
      'Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.\n\nMã khiếu nại của anh/chị: {{reference}}\n' +
      'Anh/chị có thể theo dõi tiến trình xử lý và trao đổi với chúng tôi tại:\n{{trackingUrl}}\n\n' +
      'Nhân viên chăm sóc khách hàng sẽ liên hệ lại để xác nhận thông tin trong thời gian sớm nhất.\n\nTrân trọng,\n{{orgName}}',
  },
  {
    step: 'thank',
    language: 'en',
    name: 'Thank you and acknowledgement',
    subject: '[{{reference}}] Thank you for telling us',
    body:
      'Dear {{customerName}},\n\nThank you for taking the time to tell {{orgName}} about this. ' +
      'Your feedback helps us serve you better.\n\nYour complaint reference: {{reference}}\n' +
      'You can follow its progress and write to us here:\n{{trackingUrl}}\n\n' +
      'A member of our customer care team will contact you shortly to confirm the details.\n\nKind regards,\n{{orgName}}',
  },
  {
    step: 'thank',
    language: 'zh',
    name: '致谢与受理确认',
    subject: '[{{reference}}] 感谢您的反馈',
    body:
      '尊敬的{{customerName}}：\n\n衷心感谢您抽出时间向{{orgName}}反映问题，您的意见帮助我们改进服务。\n\n' +
      '您的投诉编号：{{reference}}\n您可以通过以下链接查看处理进度并与我们沟通：\n{{trackingUrl}}\n\n' +
      '客服专员将尽快与您联系，核实相关情况。\n\n此致\n{{orgName}}',
  },
  {
    step: 'readback',
    language: 'vi',
    name: 'Xác nhận lại thông tin',
    subject: '[{{reference}}] Vui lòng xác nhận lại thông tin khiếu nại',
    body:
      'Kính gửi {{customerName}},\n\nĐể xử lý chính xác, chúng tôi xin tóm tắt lại nội dung anh/chị đã phản ánh:\n\n{{readBack}}\n\n' +
      'Anh/chị vui lòng xác nhận thông tin trên là đúng, hoặc cho chúng tôi biết điểm cần sửa, tại:\n{{trackingUrl}}\n\nTrân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'readback',
    language: 'en',
    name: 'Read-back of the facts',
    subject: '[{{reference}}] Please confirm the details of your complaint',
    body:
      'Dear {{customerName}},\n\nTo make sure we get this right, here is our summary of what you told us:\n\n{{readBack}}\n\n' +
      'Please confirm that this is correct, or tell us what to change, here:\n{{trackingUrl}}\n\nKind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'readback',
    language: 'zh',
    name: '复述确认',
    subject: '[{{reference}}] 请确认您的投诉内容',
    body:
      '尊敬的{{customerName}}：\n\n为确保准确处理，我们将您反映的情况复述如下：\n\n{{readBack}}\n\n' +
      '请通过以下链接确认以上内容无误，或告诉我们需要更正之处：\n{{trackingUrl}}\n\n此致\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'vi',
    name: 'Lời xin lỗi chân thành',
    subject: '[{{reference}}] Lời xin lỗi từ {{orgName}}',
    body:
      'Kính gửi {{customerName}},\n\nChúng tôi thành thật xin lỗi vì sự bất tiện anh/chị đã gặp phải. ' +
      'Chúng tôi hiểu điều này đã gây phiền lòng cho anh/chị và chúng tôi nhận trách nhiệm khắc phục.\n\n' +
      'Chúng tôi sẽ thông báo thời hạn xử lý cụ thể và giữ liên lạc với anh/chị cho đến khi sự việc được giải quyết.\n\nTrân trọng,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'en',
    name: 'Sincere apology',
    subject: '[{{reference}}] An apology from {{orgName}}',
    body:
      'Dear {{customerName}},\n\nWe are truly sorry for the trouble you have had. ' +
      'We understand how frustrating this has been, and we take responsibility for putting it right.\n\n' +
      'We will give you a concrete date for the fix and keep you updated until it is resolved.\n\nKind regards,\n{{agentName}} – {{orgName}}',
  },
  {
    step: 'apologise',
    language: 'zh',
    name: '诚挚道歉',
    subject: '[{{reference}}] {{orgName}}向您致歉',
    body:
      '尊敬的{{customerName}}：\n\n对于给您带来的不便，我们深表歉意。我们理解这给您造成了困扰，我们将负责妥善解决。\n\n' +
      '我们会告知您明确的处理时限，并在问题解决前与您保持联系。\n\n此致\n{{agentName}} – {{orgName}}',
  },
];
