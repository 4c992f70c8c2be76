import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf } from '../../api/client.ts';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';

export type QueueQuery = NonNullable<RequestOf<'listComplaints'>['query']>;
export type SuggestionStep = RequestOf<'suggestions'>['query']['step'];
export type ComplaintPatch = RequestOf<'updateComplaint'>['body'];

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: ['complaints', 'list'] as const,
  list: (query: QueueQuery) => ['complaints', 'list', query] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  timeline: (id: string) => ['complaints', 'timeline', id] as const,
  suggestions: (id: string, step: SuggestionStep) =>
    ['complaints', 'suggestions', id, step] as const,
};

export function useComplaintList(query: QueueQuery, enabled = true) {
  return useQuery({
    queryKey: complaintKeys.list(query),
    queryFn: ({ signal }) => api.call('listComplaints', { query, signal }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: ({ signal }) => api.call('getComplaint', { params: { id }, signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: complaintKeys.timeline(id),
    queryFn: ({ signal }) => api.call('timeline', { params: { id }, signal }),
  });
}

export function useSuggestions(id: string, step: SuggestionStep, enabled: boolean) {
  return useQuery({
    queryKey: complaintKeys.suggestions(id, step),
    queryFn: ({ signal }) => api.call('suggestions', { params: { id }, query: { step }, signal }),
    enabled,
  });
}

export function useCreateComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOf<'createComplaint'>['body']) =>
      api.call('createComplaint', { body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.detail(detail.complaint.id), detail);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists });
    },
  });
}

/**
 * Every change to a complaint refreshes its detail, timeline and the queue. When the server answers
 * with the detail, it is put in the cache at once.
 */
function useComplaintMutation<TInput, TOutput extends ComplaintDetail | object>(
  id: string,
  request: (input: TInput) => Promise<TOutput>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if ('complaint' in result && 'facts' in result) {
        queryClient.setQueryData(complaintKeys.detail(id), result);
      }
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists });
    },
  });
}

const params = (id: string) => ({ id });

export function useUpdateComplaint(id: string) {
  return useComplaintMutation(id, (body: ComplaintPatch) =>
    api.call('updateComplaint', { params: params(id), body }),
  );
}

export function useChangeStatus(id: string) {
  return useComplaintMutation(id, (body: RequestOf<'changeStatus'>['body']) =>
    api.call('changeStatus', { params: params(id), body }),
  );
}

export function useRecordFacts(id: string) {
  return useComplaintMutation(id, (body: RequestOf<'recordFacts'>['body']) =>
    api.call('recordFacts', { params: params(id), body }),
  );
}

export function useSendReadBack(id: string) {
  return useComplaintMutation(id, (version: number) =>
    api.call('sendReadBack', { params: params(id), body: { version } }),
  );
}

export function useConfirmVerbally(id: string) {
  return useComplaintMutation(id, (body: RequestOf<'confirmVerbally'>['body']) =>
    api.call('confirmVerbally', { params: params(id), body }),
  );
}

export function useSendMessage(id: string) {
  return useComplaintMutation(id, (body: RequestOf<'sendMessage'>['body']) =>
    api.call('sendMessage', { params: params(id), body }),
  );
}

export function useAddNote(id: string) {
  return useComplaintMutation(id, (body: string) =>
    api.call('addNote', { params: params(id), body: { body } }),
  );
}

/** A new private link for the customer; with `revokeOthers`, every older link stops working. */
export function useIssueTrackingLink(id: string) {
  return useComplaintMutation(id, (revokeOthers: boolean) =>
    api.call('issueTrackingLink', { params: params(id), body: { revokeOthers } }),
  );
}

export function useRevokeTrackingLinks(id: string) {
  return useComplaintMutation(id, (_: void) =>
    api.call('revokeTrackingLinks', { params: params(id) }),
  );
}

/** Staff files are internal unless `visibleToCustomer`: then the customer sees them in the portal. */
export function useUploadAttachments(id: string) {
  return useComplaintMutation(
    id,
    ({ files, visibleToCustomer }: { files: File[]; visibleToCustomer: boolean }) => {
      const form = new FormData();
      if (visibleToCustomer) form.append('visibleToCustomer', 'true');
      for (const file of files) form.append('file', file);
      return api.call('uploadAttachments', { params: params(id), body: form });
    },
  );
}
