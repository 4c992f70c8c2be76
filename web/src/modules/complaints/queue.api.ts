import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf } from '../../api/client.ts';
import { complaintKeys } from './complaints.api.ts';

export type BulkRequest = RequestOf<'bulkComplaints'>['body'];
export type ViewQuery = RequestOf<'createQueueView'>['body']['query'];

const viewKeys = { all: ['queue-views'] as const };

/** The signed-in person's saved views, and what their queue opens with. */
export function useQueueViews() {
  return useQuery({
    queryKey: viewKeys.all,
    queryFn: ({ signal }) => api.call('listQueueViews', { signal }),
    staleTime: 60_000,
  });
}

function useViewMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewKeys.all }),
  });
}

export const useCreateView = () =>
  useViewMutation((body: RequestOf<'createQueueView'>['body']) =>
    api.call('createQueueView', { body }),
  );

export const useUpdateView = () =>
  useViewMutation(({ id, ...body }: RequestOf<'updateQueueView'>['body'] & { id: string }) =>
    api.call('updateQueueView', { params: { id }, body }),
  );

export const useDeleteView = () =>
  useViewMutation((id: string) => api.call('deleteQueueView', { params: { id } }));

/** One action on the selected cases; the queue and the changed cases are read again. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => api.call('bulkComplaints', { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
