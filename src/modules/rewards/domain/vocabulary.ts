/**
 * The words of step 7 and of empowerment. A thank-you gift is not compensation: it is thanks
 * for the feedback after the fix, so the ledger and every report keep the two apart.
 */
export const compensationTypes = [
  'refund',
  'discount',
  'voucher',
  'free_period',
  'replacement',
  'repair',
] as const;
export type CompensationType = (typeof compensationTypes)[number];

/** What an authority rule can be about: one compensation type, or gifts. */
export const grantTypes = [...compensationTypes, 'gift'] as const;
export type GrantType = (typeof grantTypes)[number];

/** A line of the ledger is a gift or a compensation, never both. */
export const grantKinds = ['gift', 'compensation'] as const;
export type GrantKind = (typeof grantKinds)[number];

export const giftKinds = ['voucher', 'discount_code', 'small_gift', 'free_service_period'] as const;
export type GiftKind = (typeof giftKinds)[number];

export const budgetPeriods = ['month', 'quarter'] as const;
export type BudgetPeriod = (typeof budgetPeriods)[number];

/** An approval waits for its approver until approved, declined, or withdrawn by the agent. */
export const approvalStatuses = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** Why an approval moved to the next approver up the org chart. */
export const climbReasons = ['approver_limit', 'clock_breach'] as const;
export type ClimbReason = (typeof climbReasons)[number];
