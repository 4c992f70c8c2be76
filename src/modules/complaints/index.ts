export { createComplaintService, allowedContentTypes, type ComplaintService } from './complaints.service.ts';
export { registerComplaintRoutes, registerPortalRoutes, registerPublicRoutes } from './complaints.routes.ts';
export { statuses, channels, severities, allowedTransitions, type ComplaintStatus } from './domain/status.ts';
export { loopSteps } from './domain/steps.ts';
