import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf } from '../../api/client.ts';
import { complaintKeys } from './complaints.api.ts';

export const callKeys = {
  list: (complaintId: string) => ['complaints', 'calls', complaintId] as const,
};

export function useCalls(complaintId: string) {
  return useQuery({
    queryKey: callKeys.list(complaintId),
    queryFn: ({ signal }) => api.call('listCalls', { params: { id: complaintId }, signal }),
  });
}

/** A logged call or its recording changes the case's calls, files and timeline. */
function useCallMutation<TInput, TOutput>(
  complaintId: string,
  request: (input: TInput) => Promise<TOutput>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: callKeys.list(complaintId) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.timeline(complaintId) });
    },
  });
}

export function useLogCall(complaintId: string) {
  return useCallMutation(complaintId, (body: RequestOf<'logCall'>['body']) =>
    api.call('logCall', { params: { id: complaintId }, body }),
  );
}

export function useAttachRecording(complaintId: string) {
  return useCallMutation(complaintId, ({ callId, file }: { callId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api.call('attachRecording', { params: { id: callId }, body: form });
  });
}
