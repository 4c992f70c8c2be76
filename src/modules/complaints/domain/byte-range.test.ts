import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range.ts';

describe('parseByteRange', () => {
  it.each([
    ['the first hundred bytes', 'bytes=0-99', 1000, { start: 0, end: 99 }],
    ['an open end', 'bytes=900-', 1000, { start: 900, end: 999 }],
    ['the last bytes', 'bytes=-100', 1000, { start: 900, end: 999 }],
    ['a suffix longer than the file', 'bytes=-5000', 1000, { start: 0, end: 999 }],
    ['an end past the file', 'bytes=990-2000', 1000, { start: 990, end: 999 }],
    ['one byte', 'bytes=5-5', 1000, { start: 5, end: 5 }],
  ])('serves %s', (_, header, size, range) => {
    expect(parseByteRange(header, size)).toEqual(range);
  });

  it.each([
    ['no header', undefined],
    ['another unit', 'items=0-5'],
    ['several ranges', 'bytes=0-5,10-20'],
    ['an end before its start', 'bytes=50-10'],
    ['nothing', 'bytes=-'],
  ])('sends the whole file for %s', (_, header) => {
    expect(parseByteRange(header, 1000)).toBeUndefined();
  });

  it.each([
    ['a start past the end', 'bytes=1000-'],
    ['an empty suffix', 'bytes=-0'],
  ])('cannot meet %s', (_, header) => {
    expect(parseByteRange(header, 1000)).toBe('unsatisfiable');
  });
});
