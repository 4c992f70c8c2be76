/**
 * Sign-in throttling that cannot be turned against the people it protects.
 * - Per account and client address: the first FREE_FAILURES wrong passwords cost nothing;
 *   each further one makes that address wait twice as long as the last (1 s, 2 s, 4 s…, at most
 *   MAX_DELAY_SECONDS). An attacker elsewhere never locks the real user out of their own address.
 * - Per account across every address: past ACCOUNT_FAILURES_PER_HOUR failures in an hour (a
 *   guessing campaign from many addresses), addresses the person has not signed in from in the
 *   last KNOWN_ADDRESS_DAYS wait ACCOUNT_DELAY_SECONDS per attempt; their usual ones do not.
 * - Unknown accounts are throttled the same way, so the answers never tell which exist.
 * - After ALERT_AFTER_FAILURES failures in an hour, the person hears of it by e-mail, at most
 *   once an hour.
 */
export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
export const ACCOUNT_FAILURES_PER_HOUR = 50;
export const ACCOUNT_DELAY_SECONDS = 30;
export const KNOWN_ADDRESS_DAYS = 30;
export const ALERT_AFTER_FAILURES = 5;
const HOUR_MS = 3_600_000;
/** Failures older than this without a new one are forgotten. */
export const FORGET_AFTER_MS = HOUR_MS;

export const SESSION_DAYS = 14;

export type ThrottleRow = {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  blockedUntil: Date | null;
  alertedAt: Date | null;
};

/** An address's run of failures is forgotten an hour after its last failure. */
const liveRun = (row: ThrottleRow | undefined, now: Date): ThrottleRow | undefined =>
  row && now.getTime() - row.lastFailureAt.getTime() <= FORGET_AFTER_MS ? row : undefined;

/** The account's count covers the hour since its first failure, then starts again. */
const liveHour = (row: ThrottleRow | undefined, now: Date): ThrottleRow | undefined =>
  row && now.getTime() - row.firstFailureAt.getTime() <= HOUR_MS ? row : undefined;

/** Seconds this attempt must still wait, or 0 to go ahead. */
export function waitSeconds(
  address: ThrottleRow | undefined,
  account: ThrottleRow | undefined,
  isKnownAddress: boolean,
  now: Date,
): number {
  const blockedUntil = liveRun(address, now)?.blockedUntil;
  const byAddress =
    blockedUntil && blockedUntil > now
      ? Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)
      : 0;
  const failures = liveHour(account, now)?.failures ?? 0;
  const byAccount =
    !isKnownAddress && failures >= ACCOUNT_FAILURES_PER_HOUR ? ACCOUNT_DELAY_SECONDS : 0;
  return Math.max(byAddress, byAccount);
}

/** The address's row after one more failure: free at first, then a doubling wait. */
export function afterFailure(row: ThrottleRow | undefined, now: Date): ThrottleRow {
  const run = liveRun(row, now);
  const failures = (run?.failures ?? 0) + 1;
  const over = failures - FREE_FAILURES;
  const delay = over > 0 ? Math.min(MAX_DELAY_SECONDS, 2 ** (over - 1)) : 0;
  return {
    failures,
    firstFailureAt: run?.firstFailureAt ?? now,
    lastFailureAt: now,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
    alertedAt: null,
  };
}

/** The account-wide count after one more failure, and whether to tell the person now. */
export function afterAccountFailure(
  row: ThrottleRow | undefined,
  now: Date,
): { row: ThrottleRow; shouldAlert: boolean } {
  const hour = liveHour(row, now);
  const failures = (hour?.failures ?? 0) + 1;
  const alertedAt = row?.alertedAt ?? null;
  const alertedRecently = alertedAt !== null && now.getTime() - alertedAt.getTime() < HOUR_MS;
  const shouldAlert = failures >= ALERT_AFTER_FAILURES && !alertedRecently;
  return {
    row: {
      failures,
      firstFailureAt: hour?.firstFailureAt ?? now,
      lastFailureAt: now,
      blockedUntil: null,
      alertedAt: shouldAlert ? now : alertedAt,
    },
    shouldAlert,
  };
}
