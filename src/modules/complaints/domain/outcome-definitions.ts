import type { Language } from '../../../platform/i18n.ts';

/**
 * The outcome definition of `outcomes.repository.ts`, as the product prints it beside every
 * figure that reads it. Change both together.
 */
export const outcomeDefinitions: Record<
  Language,
  { contact: string; firstContact: string; moreContacts: string; unresolved: string }
> = {
  vi: {
    contact:
      'Lần liên hệ: khách hàng tìm đến chúng tôi về vụ việc. Lần tiếp nhận là lần liên hệ đầu tiên; các lần sau là tin nhắn của khách trên vụ việc (trả lời qua cổng theo dõi hoặc qua email) và cuộc gọi đến được ghi trên vụ việc, bắt đầu sau khi vụ việc được mở. Tin nhắn của chúng ta, cuộc gọi đi, ghi chú và cuộc gọi lại không phải là lần liên hệ.',
    firstContact:
      'Giải quyết ngay lần đầu: đã khắc phục và hiện đang ở trạng thái đã khắc phục hoặc đã đóng, chưa từng bị mở lại, và không có lần liên hệ nào sau lần tiếp nhận và trước lần khắc phục đầu tiên.',
    moreContacts: 'Cần thêm liên hệ: đã giải quyết nhưng không phải ngay lần đầu.',
    unresolved:
      'Chưa giải quyết: chưa từng được khắc phục, bị đóng mà không khắc phục, bị hủy, hoặc vẫn đang mở.',
  },
  en: {
    contact:
      'Contact: the customer reaching us about the case. The intake is the first contact; later ones are the customer’s messages on the case (a portal or e-mail reply) and inbound calls logged on the case that began after it was opened. Our own messages, outbound calls, notes and call-backs are not contacts.',
    firstContact:
      'First contact: fixed, now standing fixed or closed, never reopened, and no contact after the intake and before the first fix.',
    moreContacts: 'More contacts: resolved, but not at the first contact.',
    unresolved: 'Unresolved: never fixed, closed without a fix, cancelled, or still open.',
  },
  zh: {
    contact:
      '接触：客户就该案件联系我们。受理即第一次接触；之后的接触是客户在案件上的留言（通过跟踪门户或电子邮件回复），以及记录在案件上、在案件创建之后开始的来电。我方发出的消息、外呼电话、备注和回访都不算接触。',
    firstContact:
      '首次接触解决：已解决，目前处于已解决或已关闭状态，从未被重新打开，且在受理之后、首次解决之前没有任何接触。',
    moreContacts: '多次接触：已解决，但不是在首次接触时解决。',
    unresolved: '未解决：从未解决、未解决即关闭、已取消或仍在处理中。',
  },
};
