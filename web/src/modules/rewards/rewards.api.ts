import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import type {
  ApprovalView,
  AuthorityRuleView,
  BudgetView,
  GiftView,
  GrantView,
} from '../../../../src/modules/rewards/rewards.contract.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';

export type Approval = ApprovalView;
export type Grant = GrantView;
export type Gift = GiftView;
export type Budget = BudgetView;
export type AuthorityRule = AuthorityRuleView;
export type CaseRewards = ResponseOf<'caseRewards'>;
export type RewardReport = ResponseOf<'rewardReport'>;
export type GiftInput = RequestOf<'createGift'>['body'];
export type BudgetInput = RequestOf<'createBudget'>['body'];
export type RuleInput = RequestOf<'createAuthorityRule'>['body'];
export type ApprovalScope = 'mine' | 'requested';

export const rewardKeys = {
  all: ['rewards'] as const,
  ofComplaint: (id: string, status: string) => ['rewards', 'complaint', id, status] as const,
  authority: (id: string, type: string, amount: number, currency: string) =>
    ['rewards', 'authority', id, type, amount, currency] as const,
  approvals: (scope: ApprovalScope) => ['rewards', 'approvals', scope] as const,
  gifts: ['rewards', 'gifts'] as const,
  budgets: ['rewards', 'budgets'] as const,
  rules: ['rewards', 'rules'] as const,
  report: (from: string, to: string) => ['rewards', 'report', from, to] as const,
};

export function useCaseRewards(complaintId: string, status: string) {
  return useQuery({
    queryKey: rewardKeys.ofComplaint(complaintId, status),
    queryFn: ({ signal }) => api.call('caseRewards', { params: { id: complaintId }, signal }),
  });
}

/** The authority decision for an amount, asked while the agent types it. */
export function useAuthority(complaintId: string, type: string, amount: number, currency: string) {
  return useQuery({
    queryKey: rewardKeys.authority(complaintId, type, amount, currency),
    enabled: amount > 0 && /^[A-Z]{3}$/.test(currency),
    queryFn: ({ signal }) =>
      api.call('authority', {
        params: { id: complaintId },
        query: { type: type as 'refund', amountMinor: amount, currency },
        signal,
      }),
  });
}

export function useGrantGift(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOf<'grantGift'>['body']) =>
      api.call('grantGift', { params: { id: complaintId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rewardKeys.all });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    },
  });
}

export function useGrantCompensation(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOf<'grantCompensation'>['body']) =>
      api.call('grantCompensation', { params: { id: complaintId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rewardKeys.all }),
  });
}

export function useApprovals(scope: ApprovalScope) {
  return useQuery({
    queryKey: rewardKeys.approvals(scope),
    queryFn: async ({ signal }) =>
      (await api.call('listApprovals', { query: { scope, status: 'pending' }, signal })).items,
  });
}

export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: RequestOf<'decideApproval'>['body'] }) =>
      api.call('decideApproval', { params: { id: input.id }, body: input.body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rewardKeys.all }),
  });
}

export function useGifts() {
  return useQuery({
    queryKey: rewardKeys.gifts,
    queryFn: async ({ signal }) => (await api.call('listGifts', { signal })).items,
  });
}

export function useBudgets() {
  return useQuery({
    queryKey: rewardKeys.budgets,
    queryFn: async ({ signal }) => (await api.call('listBudgets', { signal })).items,
  });
}

export function useAuthorityRules() {
  return useQuery({
    queryKey: rewardKeys.rules,
    queryFn: async ({ signal }) => (await api.call('listAuthorityRules', { signal })).items,
  });
}

export function useRewardReport(from: string, to: string) {
  return useQuery({
    queryKey: rewardKeys.report(from, to),
    queryFn: ({ signal }) =>
      api.call('rewardReport', {
        query: {
          ...(from ? { from: new Date(from).toISOString() } : {}),
          ...(to ? { to: new Date(to).toISOString() } : {}),
        },
        signal,
      }),
  });
}
