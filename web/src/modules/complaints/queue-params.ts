import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  channelSchema,
  listComplaintsQuery,
  statusSchema,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import type { QueueQuery } from './complaints.api.ts';

export const PAGE_SIZE = 25;

const SHAPE = listComplaintsQuery.shape;
export const QUEUE_SCOPES = SHAPE.scope.unwrap().options;
const QUEUE_SORTS = SHAPE.sort.unwrap().options;
export const DUE_FILTERS = SHAPE.due.unwrap().options;
type QueueScope = (typeof QUEUE_SCOPES)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The URL keys the queue's filters live in, so a filtered queue can be bookmarked and shared. */
type QueueParam =
  | 'scope'
  | 'sort'
  | 'due'
  | 'page'
  | 'q'
  | 'status'
  | 'reasonId'
  | 'channel'
  | 'ownerId'
  | 'departmentId';

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((option) => option === value);

/**
 * The queue's state, kept in the URL: scope, sort, filters and page. An unknown value in the URL
 * falls back to the default instead of reaching the server.
 */
export function useQueueParams() {
  const [params, setParams] = useSearchParams();
  // Only "all" is written to the URL; without it the queue shows my work.
  const scope: QueueScope = oneOf(QUEUE_SCOPES, params.get('scope')) ?? 'mine';
  // My work is sorted by the next due time; everyone's by arrival.
  const defaultSort: QueueSort = scope === 'mine' ? 'dueAt' : '-createdAt';
  const sort = oneOf(QUEUE_SORTS, params.get('sort')) ?? defaultSort;
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
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) update({ q: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const query: QueueQuery = {
    scope,
    status: oneOf(statusSchema.options, params.get('status')),
    reasonId: params.get('reasonId') ?? undefined,
    channel: oneOf(channelSchema.options, params.get('channel')),
    ownerId: params.get('ownerId') ?? undefined,
    departmentId: params.get('departmentId') ?? undefined,
    q: params.get('q') ?? undefined,
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
    /** The raw URL value of a filter, for the filter's own select. */
    get: (key: QueueParam) => params.get(key),
    update,
  };
}

export type QueueParams = ReturnType<typeof useQueueParams>;
