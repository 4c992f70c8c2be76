import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';
import type {
  ComplaintDetail,
  ComplaintListItem,
  ComplaintStatus,
  FactsInput,
  NewComplaintInput,
  Page,
  Severity,
  SuggestionStep,
  Suggestion,
  TimelineEvent,
  VerbalMethod,
} from '../../api/types.ts';

export type QueueQuery = {
  scope: 'mine' | 'all';
  status?: string;
  reasonId?: string;
  channel?: string;
  ownerId?: string;
  departmentId?: string;
  q?: string;
  due?: 'breached' | 'today' | 'waiting';
  sort: string;
  page: number;
  pageSize: number;
};

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (query: QueueQuery) => ['complaints', 'list', query] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  timeline: (id: string) => ['complaints', 'timeline', id] as const,
  suggestions: (id: string, step: SuggestionStep) =>
    ['complaints', 'suggestions', id, step] as const,
};

export function useComplaintList(query: QueueQuery) {
  return useQuery({
    queryKey: complaintKeys.list(query),
    queryFn: ({ signal }) =>
      apiFetch<Page<ComplaintListItem>>('/api/complaints', { query, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ComplaintDetail>(`/api/complaints/${id}`, { signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: complaintKeys.timeline(id),
    queryFn: ({ signal }) =>
      apiFetch<{ events: TimelineEvent[] }>(`/api/complaints/${id}/timeline`, { signal }),
  });
}

export function useSuggestions(id: string, step: SuggestionStep, enabled: boolean) {
  return useQuery({
    queryKey: complaintKeys.suggestions(id, step),
    queryFn: ({ signal }) =>
      apiFetch<{ suggestions: Suggestion[] }>(`/api/complaints/${id}/suggestions`, {
        query: { step },
        signal,
      }),
    enabled,
  });
}

export function useCreateComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewComplaintInput) =>
      apiFetch<ComplaintDetail>('/api/complaints', { method: 'POST', body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.detail(detail.complaint.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
    },
  });
}

/**
 * Every change to a complaint refreshes its detail, timeline and the queue. When the server answers
 * with the detail, it is put in the cache at once.
 */
function useComplaintMutation<TInput, TResult = unknown>(
  id: string,
  request: (input: TInput) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'complaint' in result && 'facts' in result) {
        queryClient.setQueryData(complaintKeys.detail(id), result);
      }
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
    },
  });
}

export type ComplaintPatch = {
  reasonId?: string | null;
  severity?: Severity;
  productRef?: string | null;
  orderRef?: string | null;
  ownerId?: string | null;
};

export function useUpdateComplaint(id: string) {
  return useComplaintMutation(id, (patch: ComplaintPatch) =>
    apiFetch<unknown>(`/api/complaints/${id}`, { method: 'PATCH', body: patch }),
  );
}

export function useChangeStatus(id: string) {
  return useComplaintMutation(id, (input: { status: ComplaintStatus; note?: string }) =>
    apiFetch<unknown>(`/api/complaints/${id}/status`, { method: 'POST', body: input }),
  );
}

export function useRecordFacts(id: string) {
  return useComplaintMutation(id, (input: FactsInput) =>
    apiFetch<ComplaintDetail>(`/api/complaints/${id}/facts`, { method: 'POST', body: input }),
  );
}

export function useSendReadBack(id: string) {
  return useComplaintMutation(id, (version: number) =>
    apiFetch<unknown>(`/api/complaints/${id}/readback/send`, {
      method: 'POST',
      body: { version },
    }),
  );
}

export type VerbalConfirmationInput = {
  version: number;
  confirmedBy: string;
  method: VerbalMethod;
  note?: string;
};

export function useConfirmVerbally(id: string) {
  return useComplaintMutation(id, (input: VerbalConfirmationInput) =>
    apiFetch<unknown>(`/api/complaints/${id}/readback/verbal`, { method: 'POST', body: input }),
  );
}

export function useSendMessage(id: string) {
  return useComplaintMutation(
    id,
    (input: { step?: 'apologise' | 'other'; subject?: string; body: string }) =>
      apiFetch<unknown>(`/api/complaints/${id}/messages`, { method: 'POST', body: input }),
  );
}

export function useAddNote(id: string) {
  return useComplaintMutation(id, (body: string) =>
    apiFetch<unknown>(`/api/complaints/${id}/notes`, { method: 'POST', body: { body } }),
  );
}

export function useIssueTrackingLink(id: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch<{ trackingUrl: string }>(`/api/complaints/${id}/tracking-link`, { method: 'POST' }),
  });
}

export function useUploadAttachment(id: string) {
  return useComplaintMutation(id, (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiFetch<unknown>(`/api/complaints/${id}/attachments`, { method: 'POST', body: form });
  });
}
