import { describe, expect, it } from 'vitest';
import {
  clockWeeks,
  csatGroups,
  defaultRange,
  heatmapGrid,
  nearestRank,
  outcomeWeeks,
  weeksOf,
} from './figures.ts';

describe('analytics figures', () => {
  it('takes the last 90 local days by default, in the zone', () => {
    // 20:00 UTC on 31 Mar is 03:00 on 1 Apr in Ho Chi Minh City.
    expect(defaultRange(new Date('2026-03-31T20:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      from: '2026-01-02',
      to: '2026-04-01',
    });
  });

  it('lists the ISO weeks (Mondays) that the range touches', () => {
    expect(weeksOf('2026-03-04', '2026-03-16')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(weeksOf('2026-03-08', '2026-03-08')).toEqual(['2026-03-02']);
  });

  it('fills the 7 × 24 grid: no complaint counts 0, no answer has no mean', () => {
    const cells = heatmapGrid(
      [{ weekday: 1, hour: 16, complaints: 2 }],
      [{ weekday: 1, hour: 16, answers: 2, csatSum: 7, satisfied: 1 }],
    );
    expect(cells).toHaveLength(168);
    expect(cells[16]).toEqual({ weekday: 1, hour: 16, complaints: 2, answers: 2, csatMean: 3.5 });
    expect(cells[17]).toEqual({ weekday: 1, hour: 17, complaints: 0, answers: 0, csatMean: null });
  });

  it('gives each group its mean and share of 4–5, most answers first', () => {
    const names = new Map([['a', 'Alpha']]);
    expect(
      csatGroups(
        [
          { key: 'a', answers: 1, csatSum: 5, satisfied: 1 },
          { key: null, answers: 4, csatSum: 10, satisfied: 1 },
        ],
        (k) => (k ? names.get(k)! : '(none)'),
      ),
    ).toEqual([
      { key: null, name: '(none)', answers: 4, csatMean: 2.5, satisfiedShare: 0.25 },
      { key: 'a', name: 'Alpha', answers: 1, csatMean: 5, satisfiedShare: 1 },
    ]);
  });

  it('keeps unresolved complaints in the first-contact denominator', () => {
    const { weeks, total } = outcomeWeeks('2026-03-02', '2026-03-15', [
      { week: '2026-03-02', firstContact: 1, moreContacts: 1, unresolved: 2 },
    ]);
    expect(weeks).toEqual([
      {
        week: '2026-03-02',
        complaints: 4,
        firstContact: 1,
        moreContacts: 1,
        unresolved: 2,
        rate: 0.25,
      },
      {
        week: '2026-03-09',
        complaints: 0,
        firstContact: 0,
        moreContacts: 0,
        unresolved: 0,
        rate: null,
      },
    ]);
    expect(total.rate).toBe(0.25);
  });
});

describe('clock times', () => {
  it('takes the median and p90 by nearest rank, in business minutes, per week', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([60, 5, 5, 5], 0.5)).toBe(5);
    expect(nearestRank([60, 5, 5, 5], 0.9)).toBe(60);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    const cases = [
      { complaintId: 'a', week: '2026-03-02' },
      { complaintId: 'b', week: '2026-03-02' },
      { complaintId: 'c', week: '2026-03-09' },
    ];
    const { weeks, total } = clockWeeks('2026-03-02', '2026-03-09', ['fix'], cases, [
      { complaintId: 'a', clock: 'fix', businessSeconds: 90 },
      { complaintId: 'c', clock: 'fix', businessSeconds: 600 },
      { complaintId: 'c', clock: 'acknowledge', businessSeconds: 1 },
    ]);
    expect(weeks).toEqual([
      {
        week: '2026-03-02',
        fix: { measured: 1, notStopped: 1, medianBusinessMinutes: 1.5, p90BusinessMinutes: 1.5 },
      },
      {
        week: '2026-03-09',
        fix: { measured: 1, notStopped: 0, medianBusinessMinutes: 10, p90BusinessMinutes: 10 },
      },
    ]);
    expect(total.fix).toEqual({
      measured: 2,
      notStopped: 1,
      medianBusinessMinutes: 1.5,
      p90BusinessMinutes: 10,
    });
  });
});
