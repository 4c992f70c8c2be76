import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import {
  deadlineRequestsQuery,
  promiseReportQuery,
  type CommitmentView,
  type DeadlineRequestView,
} from '../../../../src/modules/commitments/commitments.contract.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';
import { slaKeys } from '../sla/sla.api.ts';

export type TaskTypeInput = RequestOf<'createTaskType'>['body'];
export type Commitment = CommitmentView;
export type DeadlineRequest = DeadlineRequestView;
export type ComplaintCommitments = ResponseOf<'complaintCommitments'>;
export type PromiseReport = ResponseOf<'promiseReport'>;

export const PROMISE_GROUPS = promiseReportQuery.shape.groupBy.unwrap().options;
export type PromiseGroup = (typeof PROMISE_GROUPS)[number];
/** The tabs of the deadline requests page; cancelled requests have no tab of their own. */
export const DEADLINE_STATUS_TABS = deadlineRequestsQuery.shape.status
  .unwrap()
  .exclude(['cancelled']).options;
export type DeadlineStatusFilter = (typeof DEADLINE_STATUS_TABS)[number];
export const DEADLINE_SCOPES = deadlineRequestsQuery.shape.scope.unwrap().options;
export type DeadlineScope = (typeof DEADLINE_SCOPES)[number];

export const commitmentKeys = {
  taskTypes: ['task-types'] as const,
  ofComplaint: (id: string) => ['commitments', id] as const,
  proposal: (id: string, taskTypeId: string) =>
    ['commitments', id, 'proposal', taskTypeId] as const,
  deadlineRequests: ['deadline-requests'] as const,
  deadlineList: (status: DeadlineStatusFilter, scope: DeadlineScope, page: number) =>
    ['deadline-requests', status, scope, page] as const,
  promises: (groupBy: PromiseGroup) => ['reports', 'promises', groupBy] as const,
  taskTypeStats: ['reports', 'task-types'] as const,
};

export function useTaskTypes() {
  return useQuery({
    queryKey: commitmentKeys.taskTypes,
    queryFn: async ({ signal }) => (await api.call('listTaskTypes', { signal })).items,
    staleTime: 60_000,
  });
}

export function useCommitments(complaintId: string) {
  return useQuery({
    queryKey: commitmentKeys.ofComplaint(complaintId),
    queryFn: ({ signal }) =>
      api.call('complaintCommitments', { params: { id: complaintId }, signal }),
  });
}

export function useProposal(complaintId: string, taskTypeId: string | null) {
  return useQuery({
    queryKey: commitmentKeys.proposal(complaintId, taskTypeId ?? ''),
    queryFn: ({ signal }) =>
      api.call('commitmentProposal', {
        params: { id: complaintId },
        query: { taskTypeId: taskTypeId ?? '' },
        signal,
      }),
    enabled: Boolean(taskTypeId),
  });
}

/** After a commitment or a deadline request, the clocks, the detail and the queue change too. */
function useRefreshComplaint(complaintId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: commitmentKeys.ofComplaint(complaintId) });
    void queryClient.invalidateQueries({ queryKey: slaKeys.clocks(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.timeline(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.lists });
  };
}

export function useCommit(complaintId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshComplaint(complaintId);
  return useMutation({
    mutationFn: (body: RequestOf<'commit'>['body']) =>
      api.call('commit', { params: { id: complaintId }, body }),
    onSuccess: (result) => {
      queryClient.setQueryData(commitmentKeys.ofComplaint(complaintId), result);
      refresh();
    },
  });
}

export function useRequestDeadline(complaintId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshComplaint(complaintId);
  return useMutation({
    mutationFn: (body: RequestOf<'requestDeadline'>['body']) =>
      api.call('requestDeadline', { params: { id: complaintId }, body }),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.deadlineRequests });
    },
  });
}

/** Requests shown per page of the deadline-requests screen. */
export const DEADLINE_PAGE_SIZE = 25;

/** One page of deadline requests, newest first, with the total. */
export function useDeadlineRequests(
  status: DeadlineStatusFilter,
  scope: DeadlineScope,
  page: number,
) {
  return useQuery({
    queryKey: commitmentKeys.deadlineList(status, scope, page),
    queryFn: ({ signal }) =>
      api.call('listDeadlineRequests', {
        query: { status, scope, page, pageSize: DEADLINE_PAGE_SIZE },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useAnswerDeadline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueAt, note }: { id: string; dueAt: string; note?: string }) =>
      api.call('answerDeadlineRequest', { params: { id }, body: { dueAt, note } }),
    onSuccess: (answered) => {
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.deadlineRequests });
      void queryClient.invalidateQueries({
        queryKey: commitmentKeys.ofComplaint(answered.complaintId),
      });
    },
  });
}

export function usePromiseReport(groupBy: PromiseGroup) {
  return useQuery({
    queryKey: commitmentKeys.promises(groupBy),
    queryFn: ({ signal }) => api.call('promiseReport', { query: { groupBy }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useTaskTypeStats() {
  return useQuery({
    queryKey: commitmentKeys.taskTypeStats,
    queryFn: ({ signal }) => api.call('taskTypeStats', { signal }),
  });
}
