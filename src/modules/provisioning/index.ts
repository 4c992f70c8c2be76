export { createProvisioningService, type ProvisioningService } from './provisioning.service.ts';
export { defaultReasons } from './domain/default-reasons.ts';
