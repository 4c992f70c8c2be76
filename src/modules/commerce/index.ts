export { createCommerceService, type CommerceService } from './commerce.service.ts';
export { registerCommerceRoutes } from './commerce.routes.ts';
export { commerceJobHandlers, runImport } from './commerce.jobs.ts';
