import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render.ts';

describe('renderTemplate', () => {
  it('fills known variables and keeps unknown ones visible', () => {
    expect(
      renderTemplate('Chào {{customerName}}, mã {{ reference }} {{nope}}', {
        customerName: 'Lan',
        reference: 'KN-2026-000001',
      }),
    ).toBe('Chào Lan, mã KN-2026-000001 {{nope}}');
  });

  it('does not re-expand values that look like variables', () => {
    expect(
      renderTemplate('{{customerName}}', { customerName: '{{reference}}', reference: 'X' }),
    ).toBe('{{reference}}');
  });

  it('puts values in as text, never as a replacement pattern', () => {
    expect(renderTemplate('A {{customerName}} B', { customerName: "$& $' $1" })).toBe(
      "A $& $' $1 B",
    );
  });

  it.each([
    [
      'a due line in a paragraph of its own, and the blank line after it',
      'Cảm ơn.\n\nTrả lời trước {{firstResponseDueAt}}.\n\nTrân trọng',
      'Cảm ơn.\n\nTrân trọng',
    ],
    [
      'one line of a paragraph',
      'Mã: {{reference}}.\nTrả lời trước {{firstResponseDueAt}}.\nLink',
      'Mã: R.\nLink',
    ],
    ['two due lines in a row', 'A\n\nX {{fixDueAt}}\nY {{commitmentDueAt}}\n\nB', 'A\n\nB'],
    ['the first line', '{{fixDueAt}}\n\nB', 'B'],
    ['the last line', 'A\n\n{{fixDueAt}}', 'A'],
  ])('drops a line whose variable has no value: %s', (_, text, expected) => {
    expect(
      renderTemplate(text, {
        reference: 'R',
        firstResponseDueAt: null,
        fixDueAt: null,
        commitmentDueAt: null,
      }),
    ).toBe(expected);
  });

  it('keeps the line when the due has a value', () => {
    expect(
      renderTemplate('A\n\nTrả lời trước {{firstResponseDueAt}}.\n\nB', {
        firstResponseDueAt: '11:30 Thứ Hai',
      }),
    ).toBe('A\n\nTrả lời trước 11:30 Thứ Hai.\n\nB');
  });
});
