import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { NoticeView } from '../../../../src/modules/notices/notices.contract.ts';

export type Notice = NoticeView;

export const noticeKeys = { all: ['notices'] as const };

export function useNotices() {
  return useQuery({
    queryKey: noticeKeys.all,
    queryFn: ({ signal }) => api.call('listNotices', { query: { unread: 'false' }, signal }),
    // The live stream refreshes it; a slow poll covers a stream that could not connect.
    refetchInterval: 5 * 60_000,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.call('markNoticesRead', { body: { ids } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
