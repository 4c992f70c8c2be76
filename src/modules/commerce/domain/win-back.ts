/** Why a customer entered the win-back queue. */
export const winBackTriggers = ['cancelled', 'no_order'] as const;
export type WinBackTrigger = (typeof winBackTriggers)[number];

/** How a win-back call ended. */
export const winBackOutcomes = [
  'won_back',
  'declined',
  'unreachable',
  'not_a_fit',
  'do_not_contact',
] as const;
export type WinBackOutcome = (typeof winBackOutcomes)[number];

/**
 * The win-back report's figures over the entries closed in a period: the win-back rate is
 * entries won back / entries closed with any outcome; revenue won back is what the customers
 * won back spent in the 90 days after (so far).
 */
export function winBackFigures(
  closed: readonly { outcome: WinBackOutcome; revenueMinor: number }[],
) {
  const byOutcome = Object.fromEntries(
    winBackOutcomes.map((o) => [o, closed.filter((c) => c.outcome === o).length]),
  ) as Record<WinBackOutcome, number>;
  const won = closed.filter((c) => c.outcome === 'won_back');
  return {
    closed: closed.length,
    byOutcome,
    winBackRate: closed.length === 0 ? null : won.length / closed.length,
    revenueWonBackMinor: won.reduce((a, c) => a + c.revenueMinor, 0),
  };
}

/** The suggested offer is a voucher worth this share of the customer's spend before. */
export const OFFER_SHARE = 0.1;

/** The round amount offers are made of: 10,000 where there is no minor unit (VND), else 1.00. */
export const offerStep = (exponent: number) => (exponent === 0 ? 10_000 : 10 ** exponent);

/**
 * The offer to suggest on a win-back call, before authority: a voucher worth
 * {@link OFFER_SHARE} of what the customer spent in the 90 days before the complaint, rounded
 * down to the step, and never less than one step (a customer who spent nothing is still offered
 * something small).
 */
export function wantedOffer(spendBeforeMinor: number, exponent: number): number {
  const step = offerStep(exponent);
  return Math.max(step, Math.floor((spendBeforeMinor * OFFER_SHARE) / step) * step);
}

/** The most one may grant alone under a limit, in whole steps; null when not even one step. */
export function offerWithin(limitMinor: number, exponent: number): number | null {
  const step = offerStep(exponent);
  const most = Math.floor(limitMinor / step) * step;
  return most >= step ? most : null;
}
