import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';

export type WinBackEntry = ResponseOf<'winBackQueue'>['items'][number];
export type WinBackStatus = 'open' | 'closed' | 'all';

export const winBackKeys = {
  all: ['win-back'] as const,
  queue: (status: WinBackStatus) => ['win-back', 'queue', status] as const,
  report: (from: string, to: string) => ['win-back', 'report', from, to] as const,
};

export function useWinBackQueue(status: WinBackStatus) {
  return useQuery({
    queryKey: winBackKeys.queue(status),
    queryFn: ({ signal }) => api.call('winBackQueue', { query: { status }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The offer to make on a call, within the caller's own authority. */
export function useWinBackOffer(id: string) {
  return useQuery({
    queryKey: [...winBackKeys.all, 'offer', id],
    queryFn: ({ signal }) => api.call('winBackOffer', { params: { id }, signal }),
  });
}

export function useWinBackReport(from: string, to: string) {
  return useQuery({
    queryKey: winBackKeys.report(from, to),
    queryFn: ({ signal }) => api.call('winBackReport', { query: { from, to }, signal }),
  });
}

export function useRecordWinBackAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: RequestOf<'recordWinBackAttempt'>['body'] }) =>
      api.call('recordWinBackAttempt', { params: { id: input.id }, body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: winBackKeys.all }),
  });
}

export function useUpdateWinBack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: RequestOf<'updateWinBack'>['body'] }) =>
      api.call('updateWinBack', { params: { id: input.id }, body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: winBackKeys.all }),
  });
}
