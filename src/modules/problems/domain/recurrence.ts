/**
 * The check that a problem does not recur (closed-loop management): a problem in monitoring
 * watches for complaints linked to it that were received after the window started. The window
 * ends at a time the service computes on the org's business calendar.
 */
export type MonitoringWindow = { startedAt: Date; endsAt: Date };
export type LinkedComplaint = { complaintId: string; receivedAt: Date };

export type RecurrenceDecision =
  | { kind: 'watching'; recurrences: readonly LinkedComplaint[] }
  | { kind: 'ready_to_close'; recurrences: readonly LinkedComplaint[] }
  | { kind: 'recurred'; recurrences: readonly LinkedComplaint[] };

/** Linked complaints received at or after the window's start: they are recurrences. */
export function recurrencesIn(
  window: MonitoringWindow,
  linkedComplaints: readonly LinkedComplaint[],
): LinkedComplaint[] {
  return linkedComplaints
    .filter((c) => c.receivedAt.getTime() >= window.startedAt.getTime())
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * While the window runs, the problem is watched, unless recurrences already went over the
 * threshold (then it recurred, without waiting for the end). Once it has ended (now ≥ end), it is
 * ready to close when recurrences ≤ threshold, else it recurred.
 */
export function recurrenceCheck(input: {
  window: MonitoringWindow;
  threshold: number;
  linkedComplaints: readonly LinkedComplaint[];
  now: Date;
}): RecurrenceDecision {
  const recurrences = recurrencesIn(input.window, input.linkedComplaints);
  if (recurrences.length > input.threshold) return { kind: 'recurred', recurrences };
  if (input.now.getTime() < input.window.endsAt.getTime()) return { kind: 'watching', recurrences };
  return { kind: 'ready_to_close', recurrences };
}

export type CloseDecision =
  | { kind: 'close'; override: boolean }
  | { kind: 'refused'; reason: 'window_running' | 'recurred' | 'override_reason_required' };

/**
 * Closing: allowed when the window has ended and recurrences stayed within the threshold. The
 * quality owner may override (close despite recurrences or before the end), with a reason.
 */
export function closeDecision(
  check: RecurrenceDecision,
  override: { requested: boolean; reason: string | null | undefined },
): CloseDecision {
  if (check.kind === 'ready_to_close') return { kind: 'close', override: false };
  if (!override.requested)
    return { kind: 'refused', reason: check.kind === 'recurred' ? 'recurred' : 'window_running' };
  if (!override.reason?.trim()) return { kind: 'refused', reason: 'override_reason_required' };
  return { kind: 'close', override: true };
}
