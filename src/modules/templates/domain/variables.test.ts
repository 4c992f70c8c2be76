import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './defaults.ts';
import { checkTemplateText, templateSteps, unknownVariables, variablesOf } from './variables.ts';

describe('checkTemplateText', () => {
  it('accepts the variables of the kind, with or without spaces inside the braces', () => {
    expect(checkTemplateText('thank', 'Trước {{firstResponseDueAt}}, mã {{ reference }}')).toEqual({
      unknown: [],
      unclosed: [],
    });
  });

  it.each([
    ['{{foo}}', ['{{foo}}'], []],
    ['Chào {{ customer.name }}', ['{{customer.name}}'], []],
    ['{{customer_name}}', ['{{customer_name}}'], []],
    ['{{}}', ['{{}}'], []],
    ['{{{reference}}}', ['{{{reference}}'], []],
    ['Chào {{customerName', [], ['{{customerName']],
    ['Chào {{customerName} và {{reference}}', [], ['{{customerName} và']],
    ['Chào customerName}} nhé', [], ['Chào customerName}}']],
  ])('refuses %j', (text, unknown, unclosed) => {
    expect(checkTemplateText('apologise', text)).toEqual({ unknown, unclosed });
  });

  it('refuses a variable that exists but not for this kind of template', () => {
    // The read-back summary belongs to the read-back; the first-response due to the thank-you.
    expect(checkTemplateText('thank', '{{readBack}}').unknown).toEqual(['{{readBack}}']);
    expect(checkTemplateText('apologise', '{{firstResponseDueAt}}').unknown).toEqual([
      '{{firstResponseDueAt}}',
    ]);
    expect(checkTemplateText('readback', '{{readBack}} {{fixDueAt}}').unknown).toEqual([]);
  });

  it('leaves single braces alone: they are ordinary text', () => {
    expect(checkTemplateText('update', 'Giá {0} và {reference} và {}')).toEqual({
      unknown: [],
      unclosed: [],
    });
  });

  it('reports each problem once', () => {
    expect(unknownVariables('thank', '{{foo}} {{foo}} {{bar')).toEqual(['{{foo}}', '{{bar']);
  });

  it('passes every default template, and each kind of template has one in every language', () => {
    for (const t of defaultTemplates) {
      expect(checkTemplateText(t.step, t.subject), `${t.step} ${t.language} subject`).toEqual({
        unknown: [],
        unclosed: [],
      });
      expect(checkTemplateText(t.step, t.body), `${t.step} ${t.language} body`).toEqual({
        unknown: [],
        unclosed: [],
      });
    }
    for (const step of templateSteps)
      for (const language of ['vi', 'en', 'zh'])
        expect(defaultTemplates.some((t) => t.step === step && t.language === language)).toBe(true);
  });

  it('gives the thank-you the first-response due and not the read-back', () => {
    expect(variablesOf.thank).toContain('firstResponseDueAt');
    expect(variablesOf.thank).not.toContain('readBack');
    expect(variablesOf.readback).not.toContain('commitmentDueAt');
  });
});
