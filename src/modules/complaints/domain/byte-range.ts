/** The bytes a `Range` header asks for, both ends included. */
export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range: bytes=…` header for a file of `size` bytes (RFC 9110 §14): `bytes=0-99`, an
 * open end `bytes=100-`, or the last bytes `bytes=-500`. Only one range is served; a header
 * with several, or one that is not about bytes, is ignored and the whole file is sent
 * (`undefined`). A range that starts past the end cannot be met (`'unsatisfiable'`).
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
