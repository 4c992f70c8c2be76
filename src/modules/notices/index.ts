export { createNoticesService, type NoticesService } from './notices.service.ts';
export { registerNoticeRoutes } from './notices.routes.ts';
export type { NoticeView, NoticeKind } from './notices.contract.ts';
export { noticeTitle } from './domain/notice-text.ts';
export { noticeJobHandlers, mailNotices } from './notices.jobs.ts';
