export {
  createCustomerService,
  toCustomerView,
  type CustomerService,
} from './customers.service.ts';
export { registerCustomerRoutes } from './customers.routes.ts';
export { normalizePhone, nationalDigits, type PhoneCountry } from './domain/phone.ts';
export type { Source as CustomerSource } from './domain/merge.ts';
export {
  customerTierOf,
  customerNameOf,
  customerEmailOf,
  type Customer,
} from './customers.repository.ts';
export {
  customerInput,
  customerView,
  type CustomerInput,
  type CustomerView,
} from './customers.contract.ts';
export { customerChanged } from './customers.jobs.ts';
