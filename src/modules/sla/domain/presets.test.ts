import { describe, expect, it } from 'vitest';
import { clockKinds } from './clocks.ts';
import { validateTarget } from './durations.ts';
import { findRegulatoryPreset, regulatoryPresets } from './presets.ts';

describe('regulatoryPresets', () => {
  it('have unique codes', () => {
    const codes = regulatoryPresets.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(regulatoryPresets.map((p) => [p.code, p] as const))(
    '%s is complete: names and notes in vi, en and zh, a source, valid targets',
    (_code, preset) => {
      for (const text of [preset.name, preset.notes]) {
        for (const lang of ['vi', 'en', 'zh'] as const) expect(text[lang].trim()).not.toBe('');
      }
      expect(preset.source).not.toBe('');
      expect(new URL(preset.sourceUrl).protocol).toMatch(/^https?:$/);
      const entries = Object.entries(preset.targets);
      expect(entries.length).toBeGreaterThan(0);
      for (const [clock, target] of entries) {
        expect(clockKinds).toContain(clock);
        expect(validateTarget(target)).toBeUndefined();
      }
    },
  );

  it.each([
    ['vn-law-19-2023', { commitment: { amount: 7, unit: 'business_days' } }],
    ['uk-fca-disp-summary', { fix: { amount: 3, unit: 'close_of_business_days' } }],
    ['uk-fca-disp-final', { fix: { amount: 8, unit: 'calendar_weeks' } }],
    ['uk-psr-payment-services', { fix: { amount: 15, unit: 'business_days' } }],
    [
      'us-cfpb',
      {
        first_response: { amount: 15, unit: 'calendar_days' },
        fix: { amount: 60, unit: 'calendar_days' },
      },
    ],
    [
      'au-asic-rg271',
      {
        acknowledge: { amount: 24, unit: 'calendar_hours' },
        fix: { amount: 30, unit: 'calendar_days' },
      },
    ],
  ])('%s has the targets of its source', (code, targets) => {
    expect(findRegulatoryPreset(code)?.targets).toEqual(targets);
  });

  it('finds nothing for an unknown code', () => {
    expect(findRegulatoryPreset('xx-none')).toBeUndefined();
  });

  it('mentions the exceptional 35 business days for payment services', () => {
    const notes = findRegulatoryPreset('uk-psr-payment-services')?.notes;
    for (const lang of ['vi', 'en', 'zh'] as const) expect(notes?.[lang]).toContain('35');
  });
});
