import type { ActionStatus, ProblemStatus } from './vocabulary.ts';

/**
 * A problem's life: open → analysing → action → monitoring → closed. It can be rejected (not a
 * real problem, a duplicate) until it is monitored; monitoring goes back to action when the
 * problem recurred, or by hand. Closed and rejected are final. Closing itself is decided by
 * {@link closeDecision} in recurrence.ts, not by this table alone.
 */
export const allowedTransitions: Readonly<Record<ProblemStatus, readonly ProblemStatus[]>> = {
  open: ['analysing', 'rejected'],
  analysing: ['action', 'rejected'],
  action: ['monitoring', 'rejected'],
  monitoring: ['action', 'closed'],
  closed: [],
  rejected: [],
};

export const canTransition = (from: ProblemStatus, to: ProblemStatus): boolean =>
  allowedTransitions[from].includes(to);

/** Statuses a problem is still being worked in (lists show these by default). */
export const activeStatuses: readonly ProblemStatus[] = [
  'open',
  'analysing',
  'action',
  'monitoring',
];

/** An action's life: open → in progress → done; cancelled from either. Done can be reopened. */
export const actionTransitions: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};

export const canMoveAction = (from: ActionStatus, to: ActionStatus): boolean =>
  from === to || actionTransitions[from].includes(to);

/** Actions still to be done: they carry clocks and show on the home page. */
export const isActionOpen = (status: ActionStatus): boolean =>
  status === 'open' || status === 'in_progress';
