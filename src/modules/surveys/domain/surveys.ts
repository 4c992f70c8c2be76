/**
 * Satisfaction surveys as plain data: when a survey is sent, the local hour and weekday of a
 * case's first contact, and the report's figures with their exact definitions.
 */

export const surveyTimings = ['after_fix', 'after_verification'] as const;
export type SurveyTiming = (typeof surveyTimings)[number];

export const surveyStatuses = ['scheduled', 'sent', 'answered', 'cancelled', 'skipped'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export type SurveySettings = {
  isEnabled: boolean;
  timing: SurveyTiming;
  delayHours: number;
  askCes: boolean;
  askNps: boolean;
  /** The org's own question per language; empty when there is none. */
  question: Partial<Record<'vi' | 'en' | 'zh', string>>;
};

export const defaultSurveySettings: SurveySettings = {
  isEnabled: true,
  timing: 'after_fix',
  delayHours: 2,
  askCes: false,
  askNps: false,
  question: {},
};

/** CSAT 1 or 2 is a low score: the manager follows it up. */
export const LOW_SCORE_MAX = 2;
/** A low score's follow-up is due one day after the answer. */
export const LOW_SCORE_DUE_MS = 86_400_000;
/** While a verification call-back is due, an "after verification" survey looks again this often. */
export const VERIFICATION_WAIT_MS = 3_600_000;

export const isLowScore = (csat: number): boolean => csat <= LOW_SCORE_MAX;

export type SendDecision =
  | { kind: 'send' }
  | { kind: 'wait'; until: Date }
  | { kind: 'cancel'; reason: 'reopened' }
  | { kind: 'skip'; reason: 'opted_out' | 'no_address' | 'disabled' };

/**
 * At the send time, the case as it now is decides: still resolved by the same fix (a reopen
 * since cancels it), not opted out, with an address, and (for "after verification") no
 * call-back still due.
 */
export function decideSend(
  input: {
    surveyResolvedAt: Date;
    caseResolvedAt: Date | null;
    caseStatus: string;
    isOptedOut: boolean;
    hasAddress: boolean;
    isVerificationDue: boolean;
  },
  settings: SurveySettings,
  now: Date,
): SendDecision {
  const resolved = input.caseStatus === 'fixed' || input.caseStatus === 'closed';
  if (
    !resolved ||
    input.caseResolvedAt === null ||
    input.caseResolvedAt.getTime() !== input.surveyResolvedAt.getTime()
  )
    return { kind: 'cancel', reason: 'reopened' };
  if (!settings.isEnabled) return { kind: 'skip', reason: 'disabled' };
  if (input.isOptedOut) return { kind: 'skip', reason: 'opted_out' };
  if (!input.hasAddress) return { kind: 'skip', reason: 'no_address' };
  if (settings.timing === 'after_verification' && input.isVerificationDue)
    return { kind: 'wait', until: new Date(now.getTime() + VERIFICATION_WAIT_MS) };
  return { kind: 'send' };
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The hour (0–23) and ISO weekday (1 Monday … 7 Sunday) of an instant in a time zone. */
export function localHourAndWeekday(at: Date, timeZone: string): { hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0') % 24;
  const weekday = weekdays[parts.find((p) => p.type === 'weekday')?.value ?? 'Mon'] ?? 1;
  return { hour, weekday };
}

export type ReportRow = { status: SurveyStatus; csat: number | null; sentAt: Date | null };

/**
 * The report's figures over surveys sent in a period. Denominator of the response rate: surveys
 * sent (not opened, not scheduled); CSAT mean and share satisfied over answered surveys.
 */
export function surveyFigures(rows: readonly ReportRow[]) {
  const sent = rows.filter((r) => r.sentAt !== null);
  const answered = sent.filter((r) => r.status === 'answered' && r.csat !== null);
  const scores = answered.map((r) => r.csat ?? 0);
  const satisfied = scores.filter((s) => s >= 4).length;
  const distribution = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: scores.filter((s) => s === score).length,
  }));
  return {
    sent: sent.length,
    answered: answered.length,
    responseRate: sent.length === 0 ? null : answered.length / sent.length,
    csatMean: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    satisfiedShare: scores.length === 0 ? null : satisfied / scores.length,
    distribution,
  };
}

export { startOfLocalDay as startOfLocalDate } from '../../../platform/local-day.ts';
