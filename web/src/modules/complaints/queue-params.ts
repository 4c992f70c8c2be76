import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  channelSchema,
  listComplaintsQuery,
  queueScopes,
  queueSorts,
  statusSchema,
  type QueueScope,
  type QueueSort,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import type { QueueQuery } from './complaints.api.ts';
import type { ViewQuery } from './queue.api.ts';

export const PAGE_SIZE = 25;

export const QUEUE_SCOPES = queueScopes;
export const DUE_FILTERS = listComplaintsQuery.shape.due.unwrap().options;
export type { QueueScope, QueueSort };

/** The owner filter's value for cases nobody owns. */
export const UNASSIGNED = 'unassigned';

/** The URL keys the queue's filters live in, so a filtered queue can be bookmarked and shared. */
const VIEW_KEYS = [
  'scope',
  'sort',
  'due',
  'q',
  'status',
  'reasonId',
  'channel',
  'ownerId',
  'departmentId',
] as const;
type QueueParam = (typeof VIEW_KEYS)[number] | 'page';

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((option) => option === value);

/** A view as URL parameters, in one order, so two views compare as strings. */
export function viewParams(view: ViewQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of VIEW_KEYS) {
    const value = view[key];
    if (value !== undefined && value !== null && value !== '') out.set(key, String(value));
  }
  return out;
}

/** The view the URL shows (page aside), as a saved view keeps it. */
function viewOf(params: URLSearchParams): ViewQuery {
  const view: Record<string, string> = {};
  for (const key of VIEW_KEYS) {
    const value = params.get(key);
    if (value) view[key] = value;
  }
  return view as ViewQuery;
}

/** Whose cases the queue shows by default is sorted by due time; everyone's by arrival. */
function defaultSortOf(scope: QueueScope, hasSearch: boolean): QueueSort {
  if (hasSearch) return 'relevance';
  return scope === 'all' ? '-createdAt' : 'dueAt';
}

/**
 * The queue's state, kept in the URL: scope, sort, filters and page. An unknown value in the URL
 * falls back to the default instead of reaching the server. A URL with no parameters at all is
 * a queue just opened: the page fills it with the person's default view (`isFresh`).
 */
export function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const scope: QueueScope = oneOf(QUEUE_SCOPES, params.get('scope')) ?? 'all';
  const q = params.get('q') ?? undefined;
  const defaultSort = defaultSortOf(scope, Boolean(q));
  const sort = oneOf(queueSorts, params.get('sort')) ?? defaultSort;
  const due = oneOf(DUE_FILTERS, params.get('due'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);

  const update = (changes: Partial<Record<QueueParam, string | null>>, resetPage = true) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (resetPage) next.delete('page');
        // The scope is always written, so the queue never falls back to the default view.
        if (!next.has('scope')) next.set('scope', scope);
        return next;
      },
      { replace: true },
    );
  };

  /** Shows a saved (or the default) view: its filters replace the current ones. */
  const apply = (view: ViewQuery) => {
    const next = viewParams(view);
    if (!next.has('scope')) next.set('scope', 'all');
    setSearch(view.q ?? '');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) update({ q: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const ownerId = params.get('ownerId') ?? undefined;
  const query: QueueQuery = {
    scope,
    status: oneOf(statusSchema.options, params.get('status')),
    reasonId: params.get('reasonId') ?? undefined,
    channel: oneOf(channelSchema.options, params.get('channel')),
    ownerId,
    departmentId: params.get('departmentId') ?? undefined,
    q,
    due,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };

  return {
    query,
    scope,
    sort,
    defaultSort,
    due,
    page,
    search,
    setSearch,
    isFresh: params.size === 0,
    /** The current filters as a saved view keeps them, in one canonical order. */
    view: viewOf(params),
    /** The raw URL value of a filter, for the filter's own select. */
    get: (key: QueueParam) => params.get(key),
    update,
    apply,
  };
}

export type QueueParams = ReturnType<typeof useQueueParams>;
