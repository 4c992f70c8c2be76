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
    '%s is complete: names, notes and citation in vi, en and zh, a source, valid targets',
    (_code, preset) => {
      for (const text of [preset.name, preset.notes, preset.citation]) {
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

  it.each(regulatoryPresets.map((p) => [p.code, p] as const))(
    '%s has a day count exactly when it counts in business days, explained in every language',
    (_code, preset) => {
      const inDays = Object.values(preset.targets).some((t) => t.unit === 'business_days');
      expect(preset.dayCount !== undefined).toBe(inDays);
      for (const lang of ['vi', 'en', 'zh'] as const)
        if (preset.dayCount) expect(preset.dayCount.reading[lang].trim()).not.toBe('');
    },
  );

  it('labels the Vietnamese clock with its article, and reads it to the end of the 7th day', () => {
    const vn = findRegulatoryPreset('vn-law-19-2023');
    expect(vn?.citation).toEqual({
      vi: 'Luật 19/2023/QH15, Điều 57(2)',
      en: 'Law 19/2023/QH15, Art. 57(2)',
      zh: '第19/2023/QH15号法律 第57条第2款',
    });
    expect(vn?.dayCount?.default).toBe('end_of_day');
    expect(vn?.dayCount?.reading.vi).toContain('Điều 148');
  });

  it('finds nothing for an unknown code', () => {
    expect(findRegulatoryPreset('xx-none')).toBeUndefined();
  });

  it('mentions the exceptional 35 business days for payment services', () => {
    const notes = findRegulatoryPreset('uk-psr-payment-services')?.notes;
    for (const lang of ['vi', 'en', 'zh'] as const) expect(notes?.[lang]).toContain('35');
  });
});
