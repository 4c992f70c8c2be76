import { describe, expect, it } from 'vitest';
import { givenTexts, hasAnyText, textIn } from './texts.ts';

describe('localised texts', () => {
  it.each([
    [{ vi: 'Lỗi giao hàng', en: 'Late delivery' }, 'en', 'Late delivery'],
    [{ vi: 'Lỗi giao hàng', en: '  ' }, 'en', 'Lỗi giao hàng'],
    [{ zh: '配送延误' }, 'en', '配送延误'],
    [{}, 'vi', ''],
  ] as const)('%o in %s reads %s', (texts, lang, expected) => {
    expect(textIn(texts, lang)).toBe(expected);
  });

  it('drops blank texts and knows when none is given', () => {
    expect(givenTexts({ vi: ' ', en: 'x' })).toEqual({ en: 'x' });
    expect(hasAnyText({ vi: ' ' })).toBe(false);
    expect(hasAnyText({ zh: '问题' })).toBe(true);
  });
});
