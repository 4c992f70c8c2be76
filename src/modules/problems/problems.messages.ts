import { registerMessages } from '../../platform/i18n.ts';

// The problems module's refusals, in the three languages.
registerMessages({
  vi: {
    'error.recurrence_check_failed': 'Chưa qua được kiểm tra tái diễn.',
    'error.problem_window_running':
      'Chưa hết thời gian theo dõi tái diễn; chỉ có thể đóng sớm bằng quyết định vượt quyền kèm lý do.',
    'error.problem_recurred':
      'Vấn đề đã tái diễn trong thời gian theo dõi (vượt ngưỡng cho phép); hãy đưa về bước hành động hoặc đóng bằng quyết định vượt quyền kèm lý do.',
    'error.problem_needs_corrective_done':
      'Cần ít nhất một hành động khắc phục đã hoàn thành trước khi theo dõi tái diễn.',
    'error.problem_final': 'Vấn đề này đã đóng hoặc bị từ chối; không thể thay đổi.',
    'error.not_your_link':
      'Chỉ người được nêu tên (hoặc bộ phận chất lượng, quản trị) mới xác nhận được mắt xích này.',
  },
  en: {
    'error.recurrence_check_failed': 'The recurrence check does not allow closing yet.',
    'error.problem_window_running':
      'The recurrence check is still running; closing early needs an override with a reason.',
    'error.problem_recurred':
      'The problem recurred during monitoring (above its threshold); send it back to action, or close with an override and a reason.',
    'error.problem_needs_corrective_done':
      'At least one corrective action must be done before monitoring starts.',
    'error.problem_final': 'This problem is closed or rejected and can no longer change.',
    'error.not_your_link':
      'Only the person named (or quality, or an admin on their behalf) can acknowledge this link.',
  },
  zh: {
    'error.recurrence_check_failed': '复发检查尚未通过。',
    'error.problem_window_running': '复发监控期尚未结束；提前关闭需要填写理由的特批。',
    'error.problem_recurred':
      '问题在监控期内复发（超过允许的次数）；请退回措施阶段，或填写理由特批关闭。',
    'error.problem_needs_corrective_done': '开始监控前，至少需要完成一项纠正措施。',
    'error.problem_final': '此问题单已关闭或已驳回，不能再修改。',
    'error.not_your_link': '只有被指名的人（或质量部门、管理员代为）才能确认此环节。',
  },
});
