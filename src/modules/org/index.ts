export { createOrgService, type OrgService } from './org.service.ts';
export { registerOrgRoutes } from './org.routes.ts';
export { managerOf, managerChain } from './domain/org-chart.ts';
