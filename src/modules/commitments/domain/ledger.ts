/**
 * The promise ledger, as pure functions. The brief's promise is a concrete deadline, kept; these
 * definitions are the reading that cannot flatter, and the product prints them beside every
 * figure (see `ledgerDefinitions`).
 *
 * A promise opens with a commitment. On one complaint:
 * - a re-commitment made before the due in force (with a reason, the customer told) changes the
 *   promise: it is "re-committed in time", reported beside the kept rate, never inside it, with
 *   whether the new due was kept;
 * - a re-commitment made after the due in force has passed records that promise as broken, and
 *   opens a new promise;
 * - a re-commitment a pause made automatically (the case waited for the customer) counts as made
 *   when the pause began.
 *
 * Each promise has one outcome:
 * - kept: fixed by its first committed due, and not reopened;
 * - reopened: fixed, then reopened (the fix failed the customer); the last fix is what counts
 *   for whether the due in force was met;
 * - re-committed in time: changed before its due and not kept by the first due;
 * - broken: not fixed by the due in force (fixed later, or not fixed and the due has passed);
 * - open: not fixed, and its first due has not passed yet.
 * Promise-kept rate = kept ÷ promises with an outcome (all but open).
 */
export const promiseOutcomes = ['kept', 'reopened', 'recommitted', 'broken', 'open'] as const;
export type PromiseOutcome = (typeof promiseOutcomes)[number];

/** For a re-committed or reopened promise: was the due in force (the new one) met? */
export const dueInForceResults = ['met', 'missed', 'open'] as const;
export type DueInForceResult = (typeof dueInForceResults)[number];

export type CommitmentFact = {
  sequence: number;
  dueAt: Date;
  committedAt: Date;
  /** When the pause that caused an automatic re-commitment began; null for an agent's own. */
  pauseFrom: Date | null;
};

export type CaseHistory = {
  commitments: readonly CommitmentFact[];
  /** Every complaint.fixed, in time order. */
  fixes: readonly Date[];
  /** Every move from fixed or closed back to an open status, in time order. */
  reopens: readonly Date[];
};

export type PromiseEntry = {
  /** The sequence of the commitment that opened it. */
  sequence: number;
  committedAt: Date;
  firstDueAt: Date;
  dueInForce: Date;
  recommittedInTime: number;
  outcome: PromiseOutcome;
  /** For re-committed and reopened promises; null otherwise. */
  dueInForceResult: DueInForceResult | null;
  /** The fix that counts (the last one of the promise, if the case stayed fixed). */
  fixedAt: Date | null;
  /** Where lateness is measured to: the fix that counts, or now while unfixed; null when on time. */
  lateUntil: Date | null;
};

const t = (d: Date) => d.getTime();

/** The promises of one complaint, in order, with their outcomes as of `now`. */
export function promisesOf(history: CaseHistory, now: Date): PromiseEntry[] {
  const commitments = [...history.commitments].sort((a, b) => a.sequence - b.sequence);
  const promises: { opening: CommitmentFact; changes: CommitmentFact[]; end: Date | null }[] = [];
  for (const c of commitments) {
    const current = promises.at(-1);
    if (current) {
      const inForce = (current.changes.at(-1) ?? current.opening).dueAt;
      const madeAt = c.pauseFrom ?? c.committedAt;
      if (t(madeAt) <= t(inForce)) {
        current.changes.push(c);
        continue;
      }
      current.end = c.committedAt;
    }
    promises.push({ opening: c, changes: [], end: null });
  }
  return promises.map(({ opening, changes, end }) => {
    const start = t(opening.committedAt);
    const until = end === null ? Infinity : t(end);
    const fixes = history.fixes.filter((f) => t(f) >= start && t(f) < until);
    const reopens = history.reopens.filter((r) => t(r) >= start && t(r) < until);
    const firstFix = fixes[0];
    const lastFix = fixes.at(-1);
    const isReopened = firstFix !== undefined && reopens.some((r) => t(r) >= t(firstFix));
    // The fix that counts: the last one, if no reopen came after it.
    const standingFix =
      lastFix !== undefined && !reopens.some((r) => t(r) >= t(lastFix)) ? lastFix : null;
    const dueInForce = (changes.at(-1) ?? opening).dueAt;
    const firstDueAt = opening.dueAt;
    const entry = {
      sequence: opening.sequence,
      committedAt: opening.committedAt,
      firstDueAt,
      dueInForce,
      recommittedInTime: changes.length,
      fixedAt: standingFix,
    };
    // Closed by a late re-commitment: broken, unless it was fixed in time and then reopened.
    if (end !== null) {
      if (isReopened)
        return {
          ...entry,
          outcome: 'reopened' as const,
          dueInForceResult: 'missed' as const,
          lateUntil: end,
        };
      return { ...entry, outcome: 'broken' as const, dueInForceResult: null, lateUntil: end };
    }
    const result = (due: Date): DueInForceResult =>
      standingFix !== null
        ? t(standingFix) <= t(due)
          ? 'met'
          : 'missed'
        : t(now) > t(due)
          ? 'missed'
          : 'open';
    const lateUntil = (due: Date) => (result(due) === 'missed' ? (standingFix ?? now) : null);
    if (isReopened)
      return {
        ...entry,
        outcome: 'reopened' as const,
        dueInForceResult: result(dueInForce),
        lateUntil: lateUntil(dueInForce),
      };
    if (standingFix !== null && t(standingFix) <= t(firstDueAt))
      return { ...entry, outcome: 'kept' as const, dueInForceResult: null, lateUntil: null };
    if (changes.length > 0) {
      if (standingFix === null && t(now) <= t(firstDueAt))
        return {
          ...entry,
          outcome: 'open' as const,
          dueInForceResult: 'open' as const,
          lateUntil: null,
        };
      return {
        ...entry,
        outcome: 'recommitted' as const,
        dueInForceResult: result(dueInForce),
        lateUntil: lateUntil(dueInForce),
      };
    }
    if (standingFix === null && t(now) <= t(firstDueAt))
      return { ...entry, outcome: 'open' as const, dueInForceResult: null, lateUntil: null };
    return {
      ...entry,
      outcome: 'broken' as const,
      dueInForceResult: null,
      lateUntil: lateUntil(firstDueAt),
    };
  });
}

export type LedgerTotals = {
  made: number;
  kept: number;
  reopened: number;
  recommitted: number;
  recommittedNewDueMet: number;
  recommittedNewDueMissed: number;
  broken: number;
  open: number;
  /** kept ÷ promises with an outcome; null when none has one yet. */
  keptRate: number | null;
  /** Of the re-committed promises whose new due is decided, the share that met it. */
  recommittedKeptRate: number | null;
};

const ratio = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((a / b) * 1000) / 1000;

export function totals(
  entries: readonly Pick<PromiseEntry, 'outcome' | 'dueInForceResult'>[],
): LedgerTotals {
  const count = (o: PromiseOutcome) => entries.filter((e) => e.outcome === o).length;
  const recommitted = entries.filter((e) => e.outcome === 'recommitted');
  const met = recommitted.filter((e) => e.dueInForceResult === 'met').length;
  const missed = recommitted.filter((e) => e.dueInForceResult === 'missed').length;
  const kept = count('kept');
  const open = count('open');
  return {
    made: entries.length,
    kept,
    reopened: count('reopened'),
    recommitted: recommitted.length,
    recommittedNewDueMet: met,
    recommittedNewDueMissed: missed,
    broken: count('broken'),
    open,
    keptRate: ratio(kept, entries.length - open),
    recommittedKeptRate: ratio(met, met + missed),
  };
}

/**
 * The value below which `share` of the values fall, by the nearest-rank method: the smallest
 * value with at least that share of the values at or below it (no interpolation).
 */
export function quantile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * The standard duration that would have kept `share` of past promises: the share-quantile of
 * actual fix times, rounded up to whole units, with the calendar's own working day for days.
 * The brief's lesson: a shorter promise that is reliably kept wins over an ambitious one.
 */
export function suggestDuration(
  actualBusinessHours: readonly number[],
  share: number,
  unit: 'business_hours' | 'business_days',
  workingDayHours: number,
): number | null {
  if (actualBusinessHours.length < 5 || workingDayHours <= 0) return null;
  const q = quantile(actualBusinessHours, share)!;
  return Math.max(1, Math.ceil(unit === 'business_days' ? q / workingDayHours : q));
}

/** Lateness for people: business hours under one working day, business days above, labelled. */
export function slipOf(
  businessSeconds: number,
  calendarSeconds: number,
  workingDayHours: number,
): { amount: number; unit: 'business_hours' | 'business_days'; calendarDays: number } {
  const hours = businessSeconds / 3600;
  const calendarDays = Math.round((calendarSeconds / 86_400) * 10) / 10;
  if (workingDayHours > 0 && hours >= workingDayHours)
    return {
      amount: Math.round((hours / workingDayHours) * 10) / 10,
      unit: 'business_days',
      calendarDays,
    };
  return { amount: Math.round(hours * 10) / 10, unit: 'business_hours', calendarDays };
}
