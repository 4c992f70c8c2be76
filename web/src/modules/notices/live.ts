import { useEffect, useRef, useSyncExternalStore } from 'react';
import { api } from '../../api/client.ts';

/**
 * One server-sent event stream for the signed-in person (GET /api/live): their notices, deadline
 * requests for their department, and changes to the complaints open on screen. Screens subscribe
 * to event types; a screen that shows a complaint asks for it to be watched, which reopens the
 * stream with that complaint added.
 */
export type LiveEventType = 'ready' | 'notice' | 'deadline_request' | 'complaint';
type Listener = (type: LiveEventType, data: Record<string, unknown>) => void;

const listeners = new Set<Listener>();
const watched = new Map<string, number>();
const watchListeners = new Set<() => void>();
let watchedKey = '';

function emitWatchChange() {
  watchedKey = [...watched.keys()].sort().join(',');
  for (const listener of watchListeners) listener();
}

function subscribeWatched(listener: () => void) {
  watchListeners.add(listener);
  return () => watchListeners.delete(listener);
}

const EVENT_TYPES: LiveEventType[] = ['ready', 'notice', 'deadline_request', 'complaint'];

/** Keeps the stream open while mounted (once, in the app shell). */
export function useLiveConnection(enabled: boolean): void {
  const key = useSyncExternalStore(subscribeWatched, () => watchedKey);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const complaint = key.split(',').filter(Boolean);
    const source = new EventSource(api.url('live', { query: { complaint } }), {
      withCredentials: true,
    });
    const handlers = EVENT_TYPES.map((type) => {
      const handler = (event: MessageEvent<string>) => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse(event.data) as Record<string, unknown>;
        } catch {
          data = {};
        }
        for (const listener of [...listeners]) listener(type, data);
      };
      source.addEventListener(type, handler);
      return [type, handler] as const;
    });
    return () => {
      for (const [type, handler] of handlers) source.removeEventListener(type, handler);
      source.close();
    };
  }, [enabled, key]);
}

/** Calls `handler` for each live event of these types while the component is mounted. */
export function useLiveEvents(
  types: LiveEventType[],
  handler: (type: LiveEventType, data: Record<string, unknown>) => void,
): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const typesKey = types.join(',');
  useEffect(() => {
    const wanted = new Set(typesKey.split(','));
    const listener: Listener = (type, data) => {
      if (wanted.has(type)) handlerRef.current(type, data);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [typesKey]);
}

/** Adds a complaint to the live stream while the component is mounted. */
export function useWatchComplaint(complaintId: string | undefined): void {
  useEffect(() => {
    if (!complaintId) return;
    watched.set(complaintId, (watched.get(complaintId) ?? 0) + 1);
    emitWatchChange();
    return () => {
      const count = (watched.get(complaintId) ?? 1) - 1;
      if (count <= 0) watched.delete(complaintId);
      else watched.set(complaintId, count);
      emitWatchChange();
    };
  }, [complaintId]);
}
