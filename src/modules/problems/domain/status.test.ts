import { describe, expect, it } from 'vitest';
import { actionTransitions, allowedTransitions, canMoveAction, canTransition } from './status.ts';
import { actionStatuses, problemStatuses, type ProblemStatus } from './vocabulary.ts';

describe('problem transitions', () => {
  const allowed: [ProblemStatus, ProblemStatus][] = [
    ['open', 'analysing'],
    ['open', 'rejected'],
    ['analysing', 'action'],
    ['analysing', 'rejected'],
    ['action', 'monitoring'],
    ['action', 'rejected'],
    ['monitoring', 'action'],
    ['monitoring', 'closed'],
  ];
  const key = (a: string, b: string) => `${a}→${b}`;
  const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)));

  for (const from of problemStatuses)
    for (const to of problemStatuses)
      it(`${from} → ${to} is ${allowedKeys.has(key(from, to)) ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowedKeys.has(key(from, to)));
      });

  it('keeps closed and rejected final', () => {
    expect(allowedTransitions.closed).toEqual([]);
    expect(allowedTransitions.rejected).toEqual([]);
  });
});

describe('action transitions', () => {
  it.each([
    ['open', 'in_progress', true],
    ['open', 'done', true],
    ['open', 'cancelled', true],
    ['in_progress', 'done', true],
    ['in_progress', 'open', true],
    ['done', 'in_progress', true],
    ['done', 'cancelled', false],
    ['done', 'open', false],
    ['cancelled', 'open', false],
    ['cancelled', 'done', false],
    ['done', 'done', true],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveAction(from, to)).toBe(ok);
  });

  it('has a row for every status', () => {
    expect(Object.keys(actionTransitions).sort()).toEqual([...actionStatuses].sort());
  });
});
