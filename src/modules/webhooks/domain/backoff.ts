/**
 * When a failed delivery is tried again: exponential from 30 s, each wait at most 4 hours, with
 * ±20 % jitter so that the deliveries of one outage do not all come back at the same moment.
 * Retries stop once the next one would fall more than a day after the first try.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 4 * 60 * 60 * 1000;

/** The wait after `attempt` failed tries; `random` is in [0, 1). */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

/** The next try's time, or undefined when the day of retries is over. */
export function nextAttemptAt(
  attempt: number,
  random: number,
  windowStartedAt: Date,
  now: Date,
): Date | undefined {
  const at = new Date(now.getTime() + retryDelayMs(attempt, random));
  return at.getTime() - windowStartedAt.getTime() <= RETRY_WINDOW_MS ? at : undefined;
}
