/**
 * Step 6 of the loop as plain data: after a fix, the intake agent's manager updates the
 * customer personally (the manager's update), and someone calls back after the promised date to
 * check that the fix worked (the verification call-back). Each is a follow-up task of that fix.
 */

export const followUpKinds = ['manager_update', 'verification', 'low_score'] as const;
/** The kinds a fix makes (step 6); `low_score` comes from a survey answered with CSAT 1 or 2. */
export const stepSixKinds = ['manager_update', 'verification'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const followUpStatuses = ['due', 'done', 'skipped', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** How the manager reached the customer. `message` is a message sent from Ombud. */
export const updateMethods = ['call', 'email', 'visit', 'chat', 'message'] as const;
export type UpdateMethod = (typeof updateMethods)[number];

/**
 * What a call-back found. `not_fixed` reopens the case; `unreachable` is one try that failed
 * (the task stays due until the last try); `declined` is a customer who would not say.
 */
export const verificationOutcomes = ['works', 'not_fixed', 'unreachable', 'declined'] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

export type RetryPolicy = {
  /** Business hours before each further try, in order; the last repeats. */
  retryHours: readonly number[];
  /** Tries in all, the first one included. */
  maxAttempts: number;
};

export type UnreachableDecision =
  { final: false; attempt: number; retryInHours: number } | { final: true; attempt: number };

/**
 * After a try that could not reach the customer: try again after the next delay of the
 * schedule, or stop at the last try (then the call-back is recorded as unreachable).
 * @param attemptsBefore tries already made before this one
 */
export function afterUnreachable(attemptsBefore: number, policy: RetryPolicy): UnreachableDecision {
  const attempt = attemptsBefore + 1;
  if (attempt >= Math.max(1, policy.maxAttempts)) return { final: true, attempt };
  const delays = policy.retryHours.length > 0 ? policy.retryHours : [24];
  const retryInHours = delays[Math.min(attempt - 1, delays.length - 1)] ?? 24;
  return { final: false, attempt, retryInHours };
}

/** The tasks a fix creates, by the org's settings. */
export function kindsForFix(settings: {
  managerUpdate: boolean;
  verification: boolean;
}): (typeof stepSixKinds)[number][] {
  return stepSixKinds.filter((k) =>
    k === 'manager_update' ? settings.managerUpdate : settings.verification,
  );
}

export type FollowUpFact = {
  kind: FollowUpKind;
  status: FollowUpStatus;
  outcome: string | null;
  doneAt: Date | null;
  doneByName: string | null;
};

export type UpdateStep = {
  state: 'due' | 'done' | 'skipped';
  at: Date | null;
  by: string | null;
};

/**
 * Step 6 of a fixed case, from the follow-ups of its latest fix: done when each task is done
 * (the call-back found the fix working or the customer declined to say), skipped when a task was
 * skipped or the customer could not be reached, due while one is open. Undefined when the fix
 * made no tasks (step 6 is switched off).
 */
export function updateStepOf(tasks: readonly FollowUpFact[]): UpdateStep | undefined {
  const live = tasks.filter((t) => t.status !== 'cancelled' && t.kind !== 'low_score');
  if (live.length === 0) return undefined;
  if (live.some((t) => t.status === 'due')) return { state: 'due', at: null, by: null };
  const last = [...live]
    .sort((a, b) => (a.doneAt?.getTime() ?? 0) - (b.doneAt?.getTime() ?? 0))
    .at(-1);
  const skipped = live.some((t) => t.status === 'skipped' || t.outcome === 'unreachable');
  return {
    state: skipped ? 'skipped' : 'done',
    at: last?.doneAt ?? null,
    by: (live.find((t) => t.kind === 'manager_update') ?? last)?.doneByName ?? null,
  };
}

export type ReportTask = {
  kind: FollowUpKind;
  status: FollowUpStatus;
  outcome: string | null;
  fixedAt: Date;
  dueAt: Date | null;
  doneAt: Date | null;
};

/** A task with no due (its policy does not track the step's clock) is due a day after the fix. */
export const DEFAULT_DUE_MS = 86_400_000;

const shareOf = (count: number, total: number) => ({
  count,
  share: total === 0 ? null : count / total,
});

/**
 * Step 6's compliance over the tasks of fixes in a period (cancelled ones, whose fix a reopen
 * undid, left out). Manager's update: on time (done by its due), late (done after), missing
 * (skipped, or not done and past its due); still open before its due: left out of the shares.
 * Call-back: how the ended ones ended; a try that failed is not an end until the last one.
 */
export function followUpCompliance(tasks: readonly ReportTask[], now: Date) {
  const dueOf = (t: ReportTask) => t.dueAt ?? new Date(t.fixedAt.getTime() + DEFAULT_DUE_MS);
  const updates = tasks.filter((t) => t.kind === 'manager_update' && t.status !== 'cancelled');
  let onTime = 0;
  let late = 0;
  let missing = 0;
  let openUpdates = 0;
  for (const t of updates) {
    const due = dueOf(t).getTime();
    if (t.status === 'done' && t.doneAt) {
      if (t.doneAt.getTime() <= due) onTime += 1;
      else late += 1;
    } else if (t.status === 'skipped' || now.getTime() > due) missing += 1;
    else openUpdates += 1;
  }
  const ended = onTime + late + missing;
  const calls = tasks.filter((t) => t.kind === 'verification' && t.status !== 'cancelled');
  const count = (outcome: string) =>
    calls.filter((t) => t.status !== 'due' && t.outcome === outcome).length;
  const works = count('works');
  const reopened = count('not_fixed');
  const unreachable = count('unreachable') + calls.filter((t) => t.status === 'skipped').length;
  const declined = count('declined');
  const endedCalls = works + reopened + unreachable + declined;
  return {
    managerUpdate: {
      fixes: updates.length,
      onTime: shareOf(onTime, ended),
      late: shareOf(late, ended),
      missing: shareOf(missing, ended),
      open: openUpdates,
    },
    verification: {
      fixes: calls.length,
      works: shareOf(works, endedCalls),
      reopened: shareOf(reopened, endedCalls),
      unreachable: shareOf(unreachable, endedCalls),
      declined: shareOf(declined, endedCalls),
      open: calls.filter((t) => t.status === 'due').length,
    },
  };
}
