import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';

export type ProblemsQuery = NonNullable<RequestOf<'listProblems'>['query']>;
export type ProblemListItem = ResponseOf<'listProblems'>['items'][number];
export type ProblemDetail = ResponseOf<'getProblem'>;
export type Problem = ProblemDetail['problem'];
export type ProblemInput = RequestOf<'createProblem'>['body'];
export type ChainLinkInput = RequestOf<'saveChain'>['body']['links'][number];
export type RootCauseInput = RequestOf<'saveRootCause'>['body'];
export type ActionInput = RequestOf<'addAction'>['body'];
export type ActionPatch = RequestOf<'updateAction'>['body'];
export type QualityHome = ResponseOf<'qualityHome'>;
export type ProblemReport = ResponseOf<'problemReport'>;
export type Effectiveness = ResponseOf<'problemEffectiveness'>;

export const problemKeys = {
  all: ['problems'] as const,
  list: (query: ProblemsQuery) => ['problems', 'list', query] as const,
  detail: (id: string) => ['problems', 'detail', id] as const,
  effectiveness: (id: string, weeks: number) => ['problems', 'effectiveness', id, weeks] as const,
  suggestedChain: (id: string) => ['problems', 'suggested-chain', id] as const,
  home: ['problems', 'home'] as const,
  report: (from: string, to: string) => ['problems', 'report', from, to] as const,
  ofComplaint: (id: string) => ['problems', 'complaint', id] as const,
};

export function useProblems(query: ProblemsQuery, enabled = true) {
  return useQuery({
    queryKey: problemKeys.list(query),
    queryFn: ({ signal }) => api.call('listProblems', { query, signal }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: problemKeys.detail(id),
    queryFn: ({ signal }) => api.call('getProblem', { params: { id }, signal }),
  });
}

/** Any change to a problem: its page, the lists, the home page, and the cases it links. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: problemKeys.all });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
  };
}

export function useCreateProblem() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: ProblemInput) => api.call('createProblem', { body }),
    onSuccess: after,
  });
}

export function useUpdateProblem(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: RequestOf<'updateProblem'>['body']) =>
      api.call('updateProblem', { params: { id }, body }),
    onSuccess: after,
  });
}

export function useTransitionProblem(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: RequestOf<'transitionProblem'>['body']) =>
      api.call('transitionProblem', { params: { id }, body }),
    onSuccess: after,
  });
}

export function useCloseProblem(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: RequestOf<'closeProblem'>['body']) =>
      api.call('closeProblem', { params: { id }, body }),
    onSuccess: after,
  });
}

export function useSaveRootCause(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: RootCauseInput) => api.call('saveRootCause', { params: { id }, body }),
    onSuccess: after,
  });
}

export function useSaveChain(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (links: ChainLinkInput[]) =>
      api.call('saveChain', { params: { id }, body: { links } }),
    onSuccess: after,
  });
}

export function useSuggestedChain(id: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({
      queryKey: problemKeys.suggestedChain(id),
      queryFn: ({ signal }) => api.call('suggestedChain', { params: { id }, signal }),
      staleTime: 0,
    });
}

export function useAcknowledgeLink(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { linkId: string; text: string }) =>
      api.call('acknowledgeLink', { params: { id, linkId: v.linkId }, body: { text: v.text } }),
    onSuccess: after,
  });
}

export function useAddAction(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: ActionInput) => api.call('addAction', { params: { id }, body }),
    onSuccess: after,
  });
}

export function useUpdateAction(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { actionId: string; body: ActionPatch }) =>
      api.call('updateAction', { params: { id, actionId: v.actionId }, body: v.body }),
    onSuccess: after,
  });
}

export function useAddEvidence(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { actionId: string; note: string }) =>
      api.call('addEvidence', { params: { id, actionId: v.actionId }, body: { note: v.note } }),
    onSuccess: after,
  });
}

/** Links cases to a problem; the problem is chosen at the call (the queue's bulk bar, a case). */
export function useLinkComplaints() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { problemId: string; complaintIds: string[] }) =>
      api.call('linkComplaints', {
        params: { id: v.problemId },
        body: { complaintIds: v.complaintIds, source: 'manual' },
      }),
    onSuccess: after,
  });
}

export function useUnlinkComplaint(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (complaintId: string) =>
      api.call('unlinkComplaint', { params: { id, complaintId } }),
    onSuccess: after,
  });
}

export function useEffectiveness(id: string, weeks: number) {
  return useQuery({
    queryKey: problemKeys.effectiveness(id, weeks),
    queryFn: ({ signal }) =>
      api.call('problemEffectiveness', { params: { id }, query: { weeks }, signal }),
  });
}

export function useQualityHome() {
  return useQuery({
    queryKey: problemKeys.home,
    queryFn: ({ signal }) => api.call('qualityHome', { signal }),
  });
}

export function useCaseProblem(complaintId: string, enabled = true) {
  return useQuery({
    queryKey: problemKeys.ofComplaint(complaintId),
    queryFn: ({ signal }) => api.call('caseProblem', { params: { id: complaintId }, signal }),
    enabled,
  });
}

export function useProblemReport(from: string, to: string) {
  return useQuery({
    queryKey: problemKeys.report(from, to),
    queryFn: ({ signal }) =>
      api.call('problemReport', {
        query: {
          ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
          ...(to ? { to: new Date(`${to}T23:59:59`).toISOString() } : {}),
        },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}
