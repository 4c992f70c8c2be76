/**
 * A historical complaint from another system, as the import brings it: how its past becomes a
 * timeline, what a re-run of the same row may change, and how its reason, department and
 * assignee are found by what people write. Pure: no I/O, no clock.
 */
import type { Channel } from './status.ts';

/** The status a file gives a historical case: still open, fixed, or closed. */
export const historicalStatuses = ['open', 'fixed', 'closed'] as const;
export type HistoricalStatus = (typeof historicalStatuses)[number];

export type HistoricalComplaint = {
  /** The source system's case id: unique per org, what a re-run finds the case by. */
  externalId: string;
  customerId: string;
  openedAt: Date;
  channel: Channel;
  /** A reason's code or name (any language), folded; blank for none. */
  reason: string | null;
  description: string;
  /** A department's name; a user's name or e-mail. */
  department: string | null;
  assignee: string | null;
  /** Blank: read from the times (closed at → closed, fixed at → fixed, else open). */
  status: HistoricalStatus | null;
  fixedAt: Date | null;
  closedAt: Date | null;
};

/** A refusal of a row, naming the field it is about. */
export type HistoryProblem = { field: string; messageKey: string };

/** What the case's timeline says of its past: the status it stands in and when it moved. */
export type History = {
  status: 'new' | 'fixed' | 'closed';
  fixedAt: Date | null;
  closedAt: Date | null;
};

/**
 * The history a row describes. A closed case without a fixed time was fixed when it was closed
 * (the source called it done; Ombud's cases close only after a fix). Times run forward: a fix
 * and a close are at or after the opening, a close at or after the fix.
 */
export function historyOf(
  row: Pick<HistoricalComplaint, 'openedAt' | 'status' | 'fixedAt' | 'closedAt'>,
): { ok: true; history: History } | { ok: false; problems: HistoryProblem[] } {
  const status = row.status ?? (row.closedAt ? 'closed' : row.fixedAt ? 'fixed' : 'open');
  const problems: HistoryProblem[] = [];
  if (status === 'open' && (row.fixedAt || row.closedAt))
    problems.push({ field: 'status', messageKey: 'import.open_with_end' });
  if (status === 'fixed' && !row.fixedAt)
    problems.push({ field: 'fixedAt', messageKey: 'field.required' });
  if (status === 'fixed' && row.closedAt)
    problems.push({ field: 'status', messageKey: 'import.fixed_with_close' });
  if (status === 'closed' && !row.closedAt)
    problems.push({ field: 'closedAt', messageKey: 'field.required' });
  if (row.fixedAt && row.fixedAt < row.openedAt)
    problems.push({ field: 'fixedAt', messageKey: 'import.before_opened' });
  if (row.closedAt && row.closedAt < row.openedAt)
    problems.push({ field: 'closedAt', messageKey: 'import.before_opened' });
  else if (row.closedAt && row.fixedAt && row.closedAt < row.fixedAt)
    problems.push({ field: 'closedAt', messageKey: 'import.closed_before_fixed' });
  if (problems.length > 0) return { ok: false, problems };
  if (status === 'open')
    return { ok: true, history: { status: 'new', fixedAt: null, closedAt: null } };
  const fixedAt = row.fixedAt ?? row.closedAt!;
  return {
    ok: true,
    history: { status, fixedAt, closedAt: status === 'closed' ? row.closedAt : null },
  };
}

const rank = { new: 0, fixed: 1, closed: 2 } as const;

/** The steps from a stored history to a row's: the status moves and their times, in order. */
export type HistoryStep = { from: History['status']; to: 'fixed' | 'closed'; at: Date };

/**
 * How a re-run moves an imported case: only forward, at the file's times (the timeline is
 * append-only, so a past fix or close is never rewritten). A case the file shows behind where
 * it stands (it moved on since) stays as it is; a fix the file dates otherwise is refused.
 */
export function stepsTo(
  stored: { status: string; fixedAt: Date | null },
  next: History,
): { ok: true; steps: HistoryStep[] } | { ok: false; problems: HistoryProblem[] } {
  const current: History['status'] =
    stored.status === 'closed' ? 'closed' : stored.status === 'fixed' ? 'fixed' : 'new';
  if (
    stored.fixedAt &&
    next.fixedAt &&
    stored.fixedAt.getTime() !== next.fixedAt.getTime() &&
    current !== 'new'
  )
    return { ok: false, problems: [{ field: 'fixedAt', messageKey: 'import.history_kept' }] };
  if (stored.status !== current || rank[next.status] <= rank[current])
    return { ok: true, steps: [] };
  return { ok: true, steps: stepsFromNew(next).filter((s) => rank[s.from] >= rank[current]) };
}

/** The status moves of a history from a new case: its fix, then its close. */
export function stepsFromNew(h: History): HistoryStep[] {
  const steps: HistoryStep[] = [];
  if (h.status !== 'new') steps.push({ from: 'new', to: 'fixed', at: h.fixedAt! });
  if (h.status === 'closed') steps.push({ from: 'fixed', to: 'closed', at: h.closedAt! });
  return steps;
}

/** Lower case, no diacritics (đ is d), single spaces: how names in a file are compared. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * The one item a written name stands for: an exact key (a code, an e-mail) first, else a name
 * in any language, folded. Undefined when none or several match.
 */
export function matchOne<T>(
  items: readonly T[],
  written: string,
  keysOf: (item: T) => readonly (string | null | undefined)[],
): T | undefined {
  const w = foldName(written);
  if (w === '') return undefined;
  const found = items.filter((i) => keysOf(i).some((k) => k && foldName(k) === w));
  return found.length === 1 ? found[0] : undefined;
}
