import { useEffect, useRef, useState, type RefObject } from 'react';
import type { QueueSelection } from './queue-selection.ts';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable ||
    target.closest('[role="dialog"], [role="listbox"], [role="menu"]') !== null
  );
}

/**
 * The queue's keyboard: j/k move the selection, Enter opens it, / goes to the search box (Escape
 * leaves it), n starts a new complaint and ? lists the shortcuts. For bulk actions, x ticks the
 * current row, X (shift) ticks the range from the last ticked row, A (shift) ticks the whole
 * page or none, and Escape clears the ticks. Keys typed into a field, a dialog or an open list
 * keep their usual meaning.
 */
export function useQueueShortcuts<T>({
  items,
  searchRef,
  onOpen,
  onNew,
  onHelp,
  selection,
}: {
  items: T[];
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: (item: T) => void;
  onNew: () => void;
  onHelp: () => void;
  /** Absent when the person may not change cases. */
  selection?: QueueSelection | undefined;
}) {
  const [selected, setSelected] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    setSelected((current) => Math.min(current, Math.max(0, items.length - 1)));
  }, [items.length]);

  useEffect(() => {
    rowRefs.current[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // The listener is added once; it reads the latest list, selection and handlers from refs.
  const latest = useRef({ items, selected, onOpen, onNew, onHelp, selection });
  latest.current = { items, selected, onOpen, onNew, onHelp, selection };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'Escape' && event.target === searchRef.current) {
        searchRef.current?.blur();
        return;
      }
      if (isTypingTarget(event.target)) return;
      const current = latest.current;
      const ticks = current.selection;
      switch (event.key) {
        case 'x':
        case 'X':
          if (!ticks) break;
          event.preventDefault();
          ticks.toggle(current.selected, event.shiftKey);
          break;
        case 'A':
          if (!ticks) break;
          event.preventDefault();
          ticks.toggleAll();
          break;
        case 'Escape':
          if (ticks && ticks.checked.size > 0) {
            event.preventDefault();
            ticks.clear();
          }
          break;
        case 'j':
          event.preventDefault();
          setSelected((s) => Math.min(s + 1, Math.max(0, current.items.length - 1)));
          break;
        case 'k':
          event.preventDefault();
          setSelected((s) => Math.max(s - 1, 0));
          break;
        case 'Enter': {
          // Enter on a focused link or button keeps its own meaning.
          if (event.target instanceof HTMLElement && event.target.closest('a, button')) return;
          const item = current.items[current.selected];
          if (item !== undefined) {
            event.preventDefault();
            current.onOpen(item);
          }
          break;
        }
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          break;
        case 'n':
          event.preventDefault();
          current.onNew();
          break;
        case '?':
          event.preventDefault();
          current.onHelp();
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef]);

  return { selected, setSelected, rowRefs };
}

/** The shortcuts as the help dialog lists them: key, then the translation key of what it does. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['Enter', 'shortcuts.open'],
  ['/', 'shortcuts.search'],
  ['x', 'queueShortcuts.toggle'],
  ['Shift + x', 'queueShortcuts.range'],
  ['Shift + a', 'queueShortcuts.all'],
  ['Escape', 'queueShortcuts.clear'],
  ['n', 'shortcuts.new'],
  ['?', 'shortcuts.help'],
];
