export { createAnalyticsService, type AnalyticsService } from './analytics.service.ts';
export { registerAnalyticsRoutes } from './analytics.routes.ts';
