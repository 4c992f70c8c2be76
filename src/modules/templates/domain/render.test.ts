import { describe, expect, it } from 'vitest';
import { renderTemplate, unknownVariables } from './render.ts';

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
  it('lists unknown variables', () => {
    expect(unknownVariables('{{customerName}} {{foo}} {{ bar }}')).toEqual(['foo', 'bar']);
  });
});
