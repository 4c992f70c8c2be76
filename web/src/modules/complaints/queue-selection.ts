import { useEffect, useRef, useState } from 'react';

/**
 * The cases ticked for a bulk action, on the current page: toggle one, tick the range from the
 * last one ticked (shift), or all of the page. Cases that leave the page leave the selection.
 */
export function useQueueSelection(ids: readonly string[]) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const key = ids.join(',');

  useEffect(() => {
    setChecked((current) => {
      const kept = new Set([...current].filter((id) => ids.includes(id)));
      return kept.size === current.size ? current : kept;
    });
    anchor.current = null;
  }, [key]);

  /** Ticks or unticks one row; with `range`, every row from the last one ticked takes its state. */
  const toggle = (index: number, range = false) => {
    const id = ids[index];
    if (id === undefined) return;
    setChecked((current) => {
      const next = new Set(current);
      const on = !current.has(id);
      const from = range && anchor.current !== null ? anchor.current : index;
      const [lo, hi] = from < index ? [from, index] : [index, from];
      for (let i = lo; i <= hi; i++) {
        const rowId = ids[i];
        if (rowId === undefined) continue;
        if (on) next.add(rowId);
        else next.delete(rowId);
      }
      return next;
    });
    anchor.current = index;
  };

  const allChecked = ids.length > 0 && ids.every((id) => checked.has(id));
  return {
    checked,
    allChecked,
    someChecked: checked.size > 0 && !allChecked,
    toggle,
    /** All of the page, or none when all are ticked. */
    toggleAll: () => setChecked(allChecked ? new Set() : new Set(ids)),
    clear: () => setChecked(new Set()),
  };
}

export type QueueSelection = ReturnType<typeof useQueueSelection>;
