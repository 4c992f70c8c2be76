/**
 * Step 7 comes only after the fix. Where the org says so, the verification call-back must also
 * have found that the fix works.
 */
export type GiftCase = {
  status: string;
  fixedAt: Date | null;
  verificationOutcome: string | null;
};

export type GiftEligibility =
  { kind: 'eligible' } | { kind: 'refused'; reason: 'not_fixed' | 'not_verified' };

export function giftEligibility(c: GiftCase, requiresVerification: boolean): GiftEligibility {
  const isFixed = (c.status === 'fixed' || c.status === 'closed') && c.fixedAt !== null;
  if (!isFixed) return { kind: 'refused', reason: 'not_fixed' };
  if (requiresVerification && c.verificationOutcome !== 'works')
    return { kind: 'refused', reason: 'not_verified' };
  return { kind: 'eligible' };
}
