/** A deadline request is open until its department answers, or until it is withdrawn. */
export const deadlineRequestStatuses = ['open', 'answered', 'cancelled'] as const;
export type DeadlineRequestStatus = (typeof deadlineRequestStatuses)[number];
