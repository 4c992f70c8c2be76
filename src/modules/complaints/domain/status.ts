import { complaintStatuses, isOpenStatus, type ComplaintStatus } from '../../kernel/index.ts';

export { complaintStatuses as statuses, isOpenStatus as isOpen, type ComplaintStatus };
export {
  channels,
  severities,
  severityRank,
  type Channel,
  type Severity,
} from '../../kernel/index.ts';

/**
 * The one status field and the only moves it may make. Reopening a fixed or closed case is a
 * move back to in_progress (the customer said the fix did not work).
 */
export const allowedTransitions: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  new: ['in_progress', 'waiting_customer', 'fixed', 'cancelled'],
  in_progress: ['waiting_customer', 'fixed', 'cancelled'],
  waiting_customer: ['in_progress', 'fixed', 'cancelled'],
  fixed: ['in_progress', 'closed'],
  closed: ['in_progress'],
  cancelled: ['in_progress'],
};

export const canTransition = (from: ComplaintStatus, to: ComplaintStatus): boolean =>
  allowedTransitions[from].includes(to);
