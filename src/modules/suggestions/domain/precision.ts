/**
 * Precision and recall at k of suggestions on a labelled set: for each case asked about, the
 * ids shown (best first) and the ids that really are the same issue. Both are micro-averaged:
 * precision is the share of all suggestions shown that are right, recall the share of all the
 * right ones that were shown. A case with nothing shown adds nothing to precision's count.
 */
export type Judged = { shown: readonly string[]; relevant: ReadonlySet<string> };

export type PrecisionReport = {
  k: number;
  queries: number;
  shown: number;
  correct: number;
  relevant: number;
  precision: number;
  recall: number;
  /** Cases for which nothing was shown. */
  empty: number;
};

export function precisionAtK(judged: readonly Judged[], k: number): PrecisionReport {
  let shown = 0;
  let correct = 0;
  let relevant = 0;
  let empty = 0;
  for (const j of judged) {
    const top = j.shown.slice(0, k);
    shown += top.length;
    correct += top.filter((id) => j.relevant.has(id)).length;
    relevant += j.relevant.size;
    if (top.length === 0) empty++;
  }
  return {
    k,
    queries: judged.length,
    shown,
    correct,
    relevant,
    precision: shown === 0 ? 0 : correct / shown,
    recall: relevant === 0 ? 0 : correct / relevant,
    empty,
  };
}
