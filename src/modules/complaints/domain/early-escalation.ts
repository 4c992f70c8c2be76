import { severityRank, type Severity } from '../../kernel/index.ts';

/**
 * Escalate before the customer asks: a case goes to the manager before any clock breaches when
 * the customer writes a second time about it, asks for a manager in their own words, the case
 * is serious, or the customer is one the org looks after most. The rules are the org's data.
 */
export type EscalationRules = {
  enabled: boolean;
  /** A second message from the customer about the same case. */
  onSecondContact: boolean;
  /** Words that ask for a manager, matched without case or accents ("quan ly" = "quản lý"). */
  keywords: string[];
  /** At or above this severity, at once; null for never. */
  minSeverity: Severity | null;
  /** Customer tiers that go to the manager at once (e.g. "vip"). */
  tiers: string[];
};

export const defaultEscalationRules: EscalationRules = {
  enabled: true,
  onSecondContact: true,
  keywords: ['quản lý', 'giám đốc', 'manager', 'supervisor', '经理', '主管', '领导'],
  minSeverity: 'critical',
  tiers: ['vip'],
};

export const escalationReasons = [
  'second_contact',
  'asked_for_manager',
  'severity',
  'tier',
] as const;
export type EscalationReason = (typeof escalationReasons)[number];

/** Lower case without accents: "Quản Lý" and "quan ly" compare equal; đ is d. */
export function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** Whether `text` contains `keyword` as words (Latin) or as characters (Chinese). */
export function mentions(text: string, keyword: string): boolean {
  const k = foldForMatch(keyword).trim().replace(/\s+/g, ' ');
  if (k.length === 0) return false;
  const t = foldForMatch(text).replace(/\s+/g, ' ');
  if (hasHan(k)) return t.includes(k);
  const escaped = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(t);
}

export type EscalationFacts = {
  severity: Severity;
  tier: string | null;
  /** What the customer wrote (the description, their messages). */
  texts: readonly string[];
  /** Messages from the customer about the case after it was received. */
  customerContacts: number;
};

/** Why the case should go to the manager now; empty when it should not. */
export function earlyEscalationReasons(
  rules: EscalationRules,
  facts: EscalationFacts,
): EscalationReason[] {
  if (!rules.enabled) return [];
  const reasons: EscalationReason[] = [];
  if (rules.onSecondContact && facts.customerContacts >= 1) reasons.push('second_contact');
  if (facts.texts.some((text) => rules.keywords.some((k) => mentions(text, k))))
    reasons.push('asked_for_manager');
  if (rules.minSeverity && severityRank[facts.severity] >= severityRank[rules.minSeverity])
    reasons.push('severity');
  const tier = facts.tier ? foldForMatch(facts.tier) : null;
  if (tier && rules.tiers.some((t) => foldForMatch(t) === tier)) reasons.push('tier');
  return reasons;
}
