export {
  createComplaintService,
  allowedContentTypes,
  type ComplaintService,
  type ComplaintTools,
} from './complaints.service.ts';
export { createClockSource } from './clock-source.ts';
export {
  registerComplaintRoutes,
  registerPortalRoutes,
  registerPublicRoutes,
} from './complaints.routes.ts';
export {
  statuses,
  channels,
  severities,
  allowedTransitions,
  type ComplaintStatus,
} from './domain/status.ts';
export { loopSteps } from './domain/steps.ts';
