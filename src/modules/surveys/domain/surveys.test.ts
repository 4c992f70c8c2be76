import { describe, expect, it } from 'vitest';
import {
  decideSend,
  defaultSurveySettings,
  localHourAndWeekday,
  surveyFigures,
} from './surveys.ts';

describe('localHourAndWeekday', () => {
  it.each([
    ['2026-03-02T09:30:00Z', 'Asia/Ho_Chi_Minh', 16, 1],
    ['2026-03-01T17:00:00Z', 'Asia/Ho_Chi_Minh', 0, 1],
    ['2026-03-01T16:59:59Z', 'Asia/Ho_Chi_Minh', 23, 7],
    ['2026-03-29T01:30:00Z', 'Europe/London', 2, 7],
    ['2026-03-03T00:00:00Z', 'UTC', 0, 2],
  ])('%s in %s is hour %i, weekday %i', (at, zone, hour, weekday) => {
    expect(localHourAndWeekday(new Date(at), zone)).toEqual({ hour, weekday });
  });
});

describe('decideSend', () => {
  const at = new Date('2026-03-02T10:00:00Z');
  const base = {
    surveyResolvedAt: at,
    caseResolvedAt: at,
    caseStatus: 'fixed',
    isOptedOut: false,
    hasAddress: true,
    isVerificationDue: false,
  };
  const now = new Date('2026-03-02T12:00:00Z');
  it.each([
    [{}, 'send'],
    [{ caseStatus: 'in_progress' }, 'cancel'],
    [{ caseResolvedAt: new Date('2026-03-03T00:00:00Z') }, 'cancel'],
    [{ isOptedOut: true }, 'skip'],
    [{ hasAddress: false }, 'skip'],
    [{ isVerificationDue: true }, 'send'],
  ])('%o → %s', (change, kind) => {
    expect(decideSend({ ...base, ...change }, defaultSurveySettings, now).kind).toBe(kind);
  });
  it('waits for a due call-back when the org surveys after verification', () => {
    const settings = { ...defaultSurveySettings, timing: 'after_verification' as const };
    expect(decideSend({ ...base, isVerificationDue: true }, settings, now)).toEqual({
      kind: 'wait',
      until: new Date('2026-03-02T13:00:00Z'),
    });
  });
});

describe('surveyFigures', () => {
  it('counts over sent surveys, not opened ones', () => {
    const sentAt = new Date();
    const f = surveyFigures([
      { status: 'answered', csat: 5, sentAt },
      { status: 'answered', csat: 4, sentAt },
      { status: 'answered', csat: 1, sentAt },
      { status: 'sent', csat: null, sentAt },
      { status: 'scheduled', csat: null, sentAt: null },
    ]);
    expect(f).toMatchObject({ sent: 4, answered: 3, responseRate: 0.75, satisfiedShare: 2 / 3 });
    expect(f.csatMean).toBeCloseTo(10 / 3);
  });
});
