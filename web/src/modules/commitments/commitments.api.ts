import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/client.ts';
import type {
  CommitmentView,
  DeadlineRequestView,
  TaskTypeView,
  complaintCommitmentsView,
  promiseReport,
  proposalView,
  taskTypeInput,
  taskTypeStats,
} from '../../../../src/modules/commitments/commitments.contract.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';
import { slaKeys } from '../sla/sla.api.ts';

export type TaskType = TaskTypeView;
export type TaskTypeInput = z.input<typeof taskTypeInput>;
export type Commitment = CommitmentView;
export type DeadlineRequest = DeadlineRequestView;
export type ComplaintCommitments = z.infer<typeof complaintCommitmentsView>;
export type Proposal = z.infer<typeof proposalView>;
export type PromiseReport = z.infer<typeof promiseReport>;
export type PromiseGroup = 'agent' | 'task_type' | 'department';
export type TaskTypeStats = z.infer<typeof taskTypeStats>;
export type DeadlineStatusFilter = 'open' | 'answered' | 'all';

export const commitmentKeys = {
  taskTypes: ['task-types'] as const,
  ofComplaint: (id: string) => ['commitments', id] as const,
  proposal: (id: string, taskTypeId: string) =>
    ['commitments', id, 'proposal', taskTypeId] as const,
  deadlineRequests: ['deadline-requests'] as const,
  deadlineList: (status: DeadlineStatusFilter, scope: string) =>
    ['deadline-requests', status, scope] as const,
  promises: (groupBy: PromiseGroup) => ['reports', 'promises', groupBy] as const,
  taskTypeStats: ['reports', 'task-types'] as const,
};

export function useTaskTypes() {
  return useQuery({
    queryKey: commitmentKeys.taskTypes,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ items: TaskType[] }>('/api/task-types', { signal })).items,
    staleTime: 60_000,
  });
}

export function useSaveTaskType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: TaskTypeInput }) =>
      id
        ? apiFetch<TaskType>(`/api/task-types/${id}`, { method: 'PUT', body: input })
        : apiFetch<TaskType>('/api/task-types', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commitmentKeys.taskTypes }),
  });
}

export function useCommitments(complaintId: string) {
  return useQuery({
    queryKey: commitmentKeys.ofComplaint(complaintId),
    queryFn: ({ signal }) =>
      apiFetch<ComplaintCommitments>(`/api/complaints/${complaintId}/commitments`, { signal }),
  });
}

export function useProposal(complaintId: string, taskTypeId: string | null) {
  return useQuery({
    queryKey: commitmentKeys.proposal(complaintId, taskTypeId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<Proposal>(`/api/complaints/${complaintId}/commitment-proposal`, {
        query: { taskTypeId },
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
    void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
  };
}

export type CommitInput = {
  dueAt: string;
  taskTypeId?: string | null;
  deadlineRequestId?: string | null;
  reason?: string;
  message?: string;
};

export function useCommit(complaintId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshComplaint(complaintId);
  return useMutation({
    mutationFn: (input: CommitInput) =>
      apiFetch<ComplaintCommitments>(`/api/complaints/${complaintId}/commitments`, {
        method: 'POST',
        body: input,
      }),
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
    mutationFn: (input: { departmentId?: string; taskTypeId?: string; question: string }) =>
      apiFetch<DeadlineRequest>(`/api/complaints/${complaintId}/deadline-requests`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.deadlineRequests });
    },
  });
}

export function useDeadlineRequests(status: DeadlineStatusFilter, scope: string) {
  return useQuery({
    queryKey: commitmentKeys.deadlineList(status, scope),
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ items: DeadlineRequest[] }>('/api/deadline-requests', {
          query: { status, scope },
          signal,
        })
      ).items,
  });
}

export function useAnswerDeadline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueAt, note }: { id: string; dueAt: string; note?: string }) =>
      apiFetch<DeadlineRequest>(`/api/deadline-requests/${id}/answer`, {
        method: 'POST',
        body: { dueAt, note },
      }),
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
    queryFn: ({ signal }) =>
      apiFetch<PromiseReport>('/api/reports/promises', { query: { groupBy }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useTaskTypeStats() {
  return useQuery({
    queryKey: commitmentKeys.taskTypeStats,
    queryFn: ({ signal }) => apiFetch<TaskTypeStats>('/api/reports/task-types', { signal }),
  });
}
