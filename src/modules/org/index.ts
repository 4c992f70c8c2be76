export { createOrgService, type OrgService } from './org.service.ts';
export { registerOrgRoutes } from './org.routes.ts';
export { managerOf, managerChain } from './domain/org-chart.ts';
export {
  userNameOf,
  departmentNameOf,
  departmentMemberIds,
  orgCountryOf,
} from './queries.repository.ts';
export type { UserCredentials } from './users.repository.ts';
export type { OrgView, UserView, DepartmentView } from './org.contract.ts';
