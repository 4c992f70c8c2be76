/**
 * The org chart, the departments and the reason taxonomy are trees: no move may close a loop.
 * Whether hanging `id` under `parentId` would make a loop in a tree given as child → parent.
 * A broken chain (a missing parent) ends the walk; a loop already in the data counts as one.
 */
export function wouldCreateCycle(
  id: string,
  parentId: string | null,
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  const seen = new Set<string>();
  let current: string | null = parentId;
  while (current !== null) {
    if (current === id || seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}
