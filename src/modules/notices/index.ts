export {
  createNoticesService,
  type NoticesService,
  type NoticeKind,
  type NoticeMail,
} from './notices.service.ts';
export { registerNoticeRoutes } from './notices.routes.ts';
export type { NoticeView } from './notices.contract.ts';
export { noticeTitle } from './notice-text.ts';
