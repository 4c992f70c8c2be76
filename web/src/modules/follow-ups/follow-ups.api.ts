import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import { commitmentKeys } from '../commitments/commitments.api.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';
import { slaKeys } from '../sla/sla.api.ts';

export type FollowUp = ResponseOf<'listFollowUps'>['items'][number];
export type FollowUpScope = NonNullable<RequestOf<'listFollowUps'>['query']>['scope'];
export type FollowUpSettings = ResponseOf<'followUpSettings'>;
export type FollowUpReport = ResponseOf<'followUpReport'>;

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (scope: FollowUpScope) => ['follow-ups', 'list', scope] as const,
  /** By the case's status too: a fix makes tasks, a reopen ends them. */
  ofComplaint: (id: string, status: string) => ['follow-ups', 'complaint', id, status] as const,
  settings: ['follow-ups', 'settings'] as const,
  report: (from: string, to: string) => ['follow-ups', 'report', from, to] as const,
};

export function useFollowUps(scope: FollowUpScope) {
  return useQuery({
    queryKey: followUpKeys.list(scope),
    queryFn: ({ signal }) => api.call('listFollowUps', { query: { scope }, signal }),
  });
}

export function useComplaintFollowUps(complaintId: string, status: string) {
  return useQuery({
    queryKey: followUpKeys.ofComplaint(complaintId, status),
    queryFn: ({ signal }) =>
      api.call('complaintFollowUps', { params: { id: complaintId }, signal }),
  });
}

/** After recording a task: the case (its status, steps, timeline, clocks) and the lists. */
function useAfterRecord(complaintId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.timeline(complaintId) });
    void queryClient.invalidateQueries({ queryKey: slaKeys.clocks(complaintId) });
    void queryClient.invalidateQueries({ queryKey: commitmentKeys.ofComplaint(complaintId) });
  };
}

export function useRecordManagerUpdate(complaintId: string) {
  const after = useAfterRecord(complaintId);
  return useMutation({
    mutationFn: (v: { id: string; body: RequestOf<'recordManagerUpdate'>['body'] }) =>
      api.call('recordManagerUpdate', { params: { id: v.id }, body: v.body }),
    onSuccess: after,
  });
}

export function useRecordVerification(complaintId: string) {
  const after = useAfterRecord(complaintId);
  return useMutation({
    mutationFn: (v: { id: string; body: RequestOf<'recordVerification'>['body'] }) =>
      api.call('recordVerification', { params: { id: v.id }, body: v.body }),
    onSuccess: after,
  });
}

export function useSkipFollowUp(complaintId: string) {
  const after = useAfterRecord(complaintId);
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      api.call('skipFollowUp', { params: { id: v.id }, body: { reason: v.reason } }),
    onSuccess: after,
  });
}

export function useFollowUpSettings() {
  return useQuery({
    queryKey: followUpKeys.settings,
    queryFn: ({ signal }) => api.call('followUpSettings', { signal }),
  });
}

export function useSaveFollowUpSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpSettings) => api.call('saveFollowUpSettings', { body }),
    onSuccess: (saved) => queryClient.setQueryData(followUpKeys.settings, saved),
  });
}

export function useFollowUpReport(from: string, to: string) {
  return useQuery({
    queryKey: followUpKeys.report(from, to),
    queryFn: ({ signal }) => api.call('followUpReport', { query: { from, to }, signal }),
    placeholderData: (previous) => previous,
  });
}
