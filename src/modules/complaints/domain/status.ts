export const statuses = [
  'new',
  'in_progress',
  'waiting_customer',
  'fixed',
  'closed',
  'cancelled',
] as const;
export type ComplaintStatus = (typeof statuses)[number];

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

export const isOpen = (status: ComplaintStatus): boolean =>
  !['fixed', 'closed', 'cancelled'].includes(status);

export const channels = ['web', 'email', 'phone', 'chat', 'walk_in', 'social', 'api'] as const;
export type Channel = (typeof channels)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const severityRank: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
