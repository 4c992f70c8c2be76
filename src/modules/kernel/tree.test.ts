import { describe, expect, it } from 'vitest';
import { wouldCreateCycle } from './tree.ts';

// delivery → delivery.late → delivery.late.weekend; billing stands alone.
const parentOf = new Map<string, string | null>([
  ['delivery', null],
  ['late', 'delivery'],
  ['weekend', 'late'],
  ['billing', null],
]);

describe('wouldCreateCycle', () => {
  it.each([
    ['late', 'billing', false],
    ['billing', 'weekend', false],
    ['delivery', 'weekend', true],
    ['delivery', 'delivery', true],
    ['late', 'weekend', true],
    ['weekend', 'delivery', false],
    ['new', 'missing', false],
  ])('moving %s under %s → %s', (id, parent, expected) => {
    expect(wouldCreateCycle(id, parent, parentOf)).toBe(expected);
  });

  it('detects department cycles', () => {
    const parents = new Map<string, string | null>([
      ['company', null],
      ['cs', 'company'],
      ['cs-team', 'cs'],
    ]);
    expect(wouldCreateCycle('company', 'cs-team', parents)).toBe(true);
    expect(wouldCreateCycle('cs-team', 'company', parents)).toBe(false);
    expect(wouldCreateCycle('cs', 'cs', parents)).toBe(true);
    expect(wouldCreateCycle('cs', null, parents)).toBe(false);
  });

  it('stops on a loop already in the data', () => {
    const broken = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(wouldCreateCycle('c', 'a', broken)).toBe(true);
  });
});
