export { recordAudit, listAudit, type AuditEntry, type AuditView } from './audit.repository.ts';
