import { describe, expect, it } from 'vitest';
import { winBackFigures } from './win-back.ts';

describe('win-back figures', () => {
  it('rate over the entries closed, revenue over those won back', () => {
    expect(
      winBackFigures([
        { outcome: 'won_back', revenueMinor: 300 },
        { outcome: 'won_back', revenueMinor: 0 },
        { outcome: 'declined', revenueMinor: 999 },
        { outcome: 'do_not_contact', revenueMinor: 0 },
      ]),
    ).toEqual({
      closed: 4,
      byOutcome: { won_back: 2, declined: 1, unreachable: 0, not_a_fit: 0, do_not_contact: 1 },
      winBackRate: 0.5,
      revenueWonBackMinor: 300,
    });
  });

  it('has no rate when nothing was closed', () => {
    expect(winBackFigures([])).toMatchObject({
      closed: 0,
      winBackRate: null,
      revenueWonBackMinor: 0,
    });
  });
});
