/**
 * Step 8: on intake and on the case page, likely repeats (the same customer, with the same
 * reason or product, within N days) and complaints with similar text (any customer, the last N
 * months). Precision matters more than recall: at most five, each with why it is there.
 */

export const maxSuggestions = 5;

export type SuggestionSettings = {
  /** A case of the same customer within this many days (either side) can be a repeat. */
  repeatDays: number;
  /** Similar text is looked for among the cases received in this many months. */
  similarMonths: number;
  /** The least similarity (pg_trgm, 0–1) of the similarity keys that is shown. */
  similarThreshold: number;
  /**
   * The same for Chinese, Japanese and Korean text: its key is character bigrams, which score
   * lower than Latin words for the same closeness.
   */
  similarThresholdCjk: number;
};

/** Tuned on the labelled set in test/fixtures/similar-pairs.ts (see bench/similar.bench.ts). */
export const defaultSuggestionSettings: SuggestionSettings = {
  repeatDays: 30,
  similarMonths: 6,
  similarThreshold: 0.4,
  similarThresholdCjk: 0.25,
};

export type Script = 'latin' | 'cjk';

const cjkChar = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/gu;
const latinChar = /[\p{Script=Latin}0-9]/gu;

/**
 * Which threshold a text is compared with: Chinese, Japanese or Korean when such characters
 * are at least a third as many as the Latin letters and digits (one character is about a
 * Vietnamese syllable of three letters).
 */
export function scriptOf(text: string): Script {
  const cjk = text.match(cjkChar)?.length ?? 0;
  const latin = text.match(latinChar)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= latin ? 'cjk' : 'latin';
}

export const thresholdOf = (script: Script, settings: SuggestionSettings): number =>
  script === 'cjk' ? settings.similarThresholdCjk : settings.similarThreshold;

/** What suggestions are asked for: a stored case, or a draft on the intake page. */
export type Subject = {
  /** Absent for a draft. */
  id?: string;
  customerIds: readonly string[];
  reasonId: string | null;
  productRef: string | null;
  orderRef: string | null;
  receivedAt: Date;
  /** The script of its description, which picks the similarity threshold. */
  script: Script;
};

export type Candidate = {
  id: string;
  receivedAt: Date;
  customerId: string;
  reasonId: string | null;
  productRef: string | null;
  orderRef: string | null;
  /** Similarity of the text, when the candidate was found by text. */
  score: number | null;
};

export const whyCodes = [
  'same_customer_same_reason',
  'same_customer_same_product',
  'same_customer_same_order',
  'similar_text',
] as const;
export type WhyCode = (typeof whyCodes)[number];

export type Why = { code: WhyCode; days?: number; score?: number };

export type Suggestion<C extends Candidate> = {
  kind: 'repeat' | 'similar';
  candidate: C;
  why: Why;
};

const DAY_MS = 86_400_000;

/** Product and order references as people type them: case, spacing and diacritics aside. */
export function normaliseRef(value: string | null): string {
  if (value === null) return '';
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\-_./#]+/g, '')
    .trim();
}

const sameRef = (a: string | null, b: string | null) => {
  const x = normaliseRef(a);
  return x !== '' && x === normaliseRef(b);
};

/** Why a case of the same customer is a likely repeat, or undefined when it is not one. */
export function repeatCode(subject: Subject, c: Candidate, settings: SuggestionSettings) {
  if (c.id === subject.id || !subject.customerIds.includes(c.customerId)) return undefined;
  if (
    Math.abs(subject.receivedAt.getTime() - c.receivedAt.getTime()) >
    settings.repeatDays * DAY_MS
  )
    return undefined;
  if (subject.reasonId !== null && subject.reasonId === c.reasonId)
    return 'same_customer_same_reason' as const;
  if (sameRef(subject.productRef, c.productRef)) return 'same_customer_same_product' as const;
  if (sameRef(subject.orderRef, c.orderRef)) return 'same_customer_same_order' as const;
  return undefined;
}

/** Whole days from a case's receipt to now ("3 days ago"); never negative. */
export const daysAgo = (at: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));

/** Two decimals, as the panel shows it: "similar text: 0.62". */
const roundScore = (score: number) => Math.round(score * 100) / 100;

/**
 * The suggestions to show, best first: likely repeats (newest first), then similar text
 * (highest similarity first, then newest), at most `maxSuggestions`. A case appears once: a
 * repeat is not listed again as similar, and the subject is never its own suggestion.
 */
export function suggest<C extends Candidate>(input: {
  subject: Subject;
  sameCustomer: readonly C[];
  similarText: readonly C[];
  settings: SuggestionSettings;
  now: Date;
}): Suggestion<C>[] {
  const { subject, settings, now } = input;
  const seen = new Set<string>(subject.id ? [subject.id] : []);
  const repeats: Suggestion<C>[] = [];
  for (const c of [...input.sameCustomer].sort(newestFirst)) {
    const code = repeatCode(subject, c, settings);
    if (!code || seen.has(c.id)) continue;
    seen.add(c.id);
    repeats.push({ kind: 'repeat', candidate: c, why: { code, days: daysAgo(c.receivedAt, now) } });
  }
  const since = monthsBefore(now, settings.similarMonths);
  const threshold = thresholdOf(subject.script, settings);
  const similar: Suggestion<C>[] = [];
  for (const c of [...input.similarText].sort(bestFirst)) {
    if (c.score === null || c.score < threshold) continue;
    if (c.receivedAt < since || seen.has(c.id)) continue;
    seen.add(c.id);
    similar.push({
      kind: 'similar',
      candidate: c,
      why: { code: 'similar_text', score: roundScore(c.score), days: daysAgo(c.receivedAt, now) },
    });
  }
  return [...repeats, ...similar].slice(0, maxSuggestions);
}

const newestFirst = (a: Candidate, b: Candidate) =>
  b.receivedAt.getTime() - a.receivedAt.getTime() || a.id.localeCompare(b.id);

const bestFirst = (a: Candidate, b: Candidate) =>
  (b.score ?? 0) - (a.score ?? 0) || newestFirst(a, b);

/** The same day of the month N months earlier (clamped to the month's end), in UTC. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
