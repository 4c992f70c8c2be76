import { sql, type RawBuilder } from 'kysely';

/** Escapes LIKE wildcards so user text is matched literally. */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Diacritic- and case-insensitive substring match: 'khieu nai' finds 'khiếu nại', 'd' finds
 * 'đ', and Chinese matches by substring. Served by the trigram index on ombud_fold(column).
 */
export function foldedContains(column: RawBuilder<unknown>, term: string): RawBuilder<boolean> {
  return sql<boolean>`ombud_fold(${column}) LIKE '%' || ombud_fold(${escapeLike(term)}) || '%'`;
}

/** Splits a query into words; every word must match somewhere. */
export const searchTerms = (q: string): string[] =>
  q
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 8);

/** The same match against a column that already holds folded text (indexed with trigrams). */
export function foldedColumnContains(
  foldedColumn: RawBuilder<unknown>,
  term: string,
): RawBuilder<boolean> {
  return sql<boolean>`${foldedColumn} LIKE '%' || ombud_fold(${escapeLike(term)}) || '%'`;
}
