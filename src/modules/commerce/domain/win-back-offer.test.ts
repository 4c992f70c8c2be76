import { describe, expect, it } from 'vitest';
import { offerStep, offerWithin, wantedOffer } from './win-back.ts';

describe('the suggested win-back offer', () => {
  it('is a tenth of the spend before, in whole steps of 10,000 VND', () => {
    expect(offerStep(0)).toBe(10_000);
    expect(wantedOffer(4_000_000, 0)).toBe(400_000);
    expect(wantedOffer(1_234_567, 0)).toBe(120_000);
    // Nothing spent, or little: one step.
    expect(wantedOffer(0, 0)).toBe(10_000);
    expect(wantedOffer(90_000, 0)).toBe(10_000);
  });

  it('uses whole units where the currency has cents', () => {
    expect(offerStep(2)).toBe(100);
    expect(wantedOffer(25_999, 2)).toBe(2_500);
  });

  it('fits under an authority limit in whole steps, or not at all', () => {
    expect(offerWithin(255_000, 0)).toBe(250_000);
    expect(offerWithin(10_000, 0)).toBe(10_000);
    expect(offerWithin(9_999, 0)).toBeNull();
    expect(offerWithin(0, 2)).toBeNull();
  });
});
