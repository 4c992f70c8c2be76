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
