import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_DELAY_SECONDS,
  ACCOUNT_FAILURES_PER_HOUR,
  afterAccountFailure,
  afterFailure,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
  waitSeconds,
  type ThrottleRow,
} from './sign-in.ts';

const t0 = new Date('2026-03-02T02:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function fail(times: number, every = 0): ThrottleRow | undefined {
  let row: ThrottleRow | undefined;
  for (let i = 0; i < times; i++) row = afterFailure(row, at(i * every));
  return row;
}

describe('per account and address', () => {
  it(`lets the first ${FREE_FAILURES} wrong passwords pass, then doubles the wait`, () => {
    const waits: number[] = [];
    let row: ThrottleRow | undefined;
    for (let i = 1; i <= 10; i++) {
      row = afterFailure(row, t0);
      waits.push(waitSeconds(row, undefined, false, t0));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16]);
  });

  it('caps the wait', () => {
    expect(waitSeconds(fail(40), undefined, false, t0)).toBe(MAX_DELAY_SECONDS);
  });

  it('lets the attempt through once the wait is over', () => {
    const row = fail(8); // 4 s
    expect(waitSeconds(row, undefined, false, at(3))).toBe(1);
    expect(waitSeconds(row, undefined, false, at(4))).toBe(0);
  });

  it('forgets a run of failures an hour after the last one', () => {
    const row = fail(9, 1);
    expect(afterFailure(row, at(8 + 3601)).failures).toBe(1);
    expect(afterFailure(row, at(8 + 3599)).failures).toBe(10);
  });
});

describe('per account across addresses', () => {
  const many = (times: number) => {
    let row: ThrottleRow | undefined;
    for (let i = 0; i < times; i++) row = afterAccountFailure(row, at(i)).row;
    return row;
  };

  it('slows addresses the person never used during a campaign, never their own', () => {
    const campaign = many(ACCOUNT_FAILURES_PER_HOUR);
    expect(waitSeconds(undefined, campaign, false, at(60))).toBe(ACCOUNT_DELAY_SECONDS);
    expect(waitSeconds(undefined, campaign, true, at(60))).toBe(0);
    expect(waitSeconds(undefined, many(ACCOUNT_FAILURES_PER_HOUR - 1), false, at(60))).toBe(0);
    // An hour after the campaign began, the count starts again.
    expect(waitSeconds(undefined, campaign, false, at(3601))).toBe(0);
  });

  it('alerts the person at the fifth failure, then at most once an hour', () => {
    let row: ThrottleRow | undefined;
    const alerts: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const next = afterAccountFailure(row, at(i * 60));
      if (next.shouldAlert) alerts.push(i);
      row = next.row;
    }
    // Failures 1–12 come a minute apart: the count restarts after the first hour.
    expect(alerts).toEqual([5]);
    const later = afterAccountFailure(row, at(13 * 60 + 3600));
    expect(later.shouldAlert).toBe(false);
    let again = later.row;
    for (let i = 0; i < 4; i++) again = afterAccountFailure(again, at(14 * 60 + 3600 + i)).row;
    expect(again.alertedAt?.getTime()).toBeGreaterThan(at(5 * 60).getTime());
  });
});
