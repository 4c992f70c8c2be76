import { isActionOpen } from './status.ts';
import type { ActionStatus } from './vocabulary.ts';

/**
 * An action's clocks: a warning to its owner at 80% of the span from when the action was given
 * (or last re-dated) to its due, then at the due an overdue notice to the owner and an
 * escalation to the owner's manager in the org chart.
 */
export const WARN_SHARE = 0.8;

export function warnAtOf(startedAt: Date, dueAt: Date): Date {
  const span = Math.max(0, dueAt.getTime() - startedAt.getTime());
  return new Date(startedAt.getTime() + Math.floor(span * WARN_SHARE));
}

export type ActionStage = 'warning' | 'overdue';

export type ActionClockDecision =
  { kind: 'nothing' } | { kind: 'later'; at: Date } | { kind: 'warn' } | { kind: 'overdue' };

/**
 * What a due job does once it runs. The job carries the due it was timed for: when the action
 * was re-dated since, the job that the new due started does the work and this one does nothing.
 */
export function actionClockDecision(
  action: { status: ActionStatus; dueAt: Date; clockStartedAt: Date },
  job: { stage: ActionStage; dueAt: Date },
  now: Date,
): ActionClockDecision {
  if (!isActionOpen(action.status)) return { kind: 'nothing' };
  if (action.dueAt.getTime() !== job.dueAt.getTime()) return { kind: 'nothing' };
  const at = job.stage === 'warning' ? warnAtOf(action.clockStartedAt, action.dueAt) : action.dueAt;
  if (now.getTime() < at.getTime()) return { kind: 'later', at };
  return job.stage === 'warning' ? { kind: 'warn' } : { kind: 'overdue' };
}

export type DueBucket = 'overdue' | 'due_this_week' | 'later';

/** Open actions by due for the report: past due; due before the end of this week; later. */
export function dueBucket(dueAt: Date, now: Date, endOfWeek: Date): DueBucket {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  if (dueAt.getTime() < endOfWeek.getTime()) return 'due_this_week';
  return 'later';
}
