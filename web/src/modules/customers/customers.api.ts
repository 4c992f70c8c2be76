import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf } from '../../api/client.ts';
import { complaintKeys } from '../complaints/complaints.api.ts';

export type CustomerPatch = RequestOf<'updateCustomer'>['body'];

export const customerKeys = {
  all: ['customers'] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  duplicates: (id: string) => ['customers', 'duplicates', id] as const,
};

export function useCustomer(id: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => api.call('getCustomer', { params: { id }, signal }),
    enabled,
  });
}

/** The records that may be the same person as this one (either direction of the mark). */
export function useCustomerDuplicates(id: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.duplicates(id),
    queryFn: async ({ signal }) =>
      (await api.call('customerDuplicates', { params: { id }, signal })).items,
    enabled,
  });
}

/**
 * A customer's name and contact points show on every case of theirs: all of them refresh. Resolves
 * once the open case has its new customer, so nothing asks for a record that is gone.
 */
function useRefreshAfterCustomerChange() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    await queryClient.invalidateQueries({ queryKey: customerKeys.all });
  };
}

export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterCustomerChange();
  return useMutation({
    mutationFn: (body: CustomerPatch) => api.call('updateCustomer', { params: { id }, body }),
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerKeys.detail(id), customer);
      await refresh();
    },
  });
}

/** Merges `fromId` into `intoId`: `intoId` stays, `fromId`'s complaints move to it. */
export function useMergeCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fromId, intoId }: { fromId: string; intoId: string }) =>
      api.call('mergeCustomer', { params: { id: fromId }, body: { intoId } }),
    onSuccess: async (_result, { fromId }) => {
      // The case first moves to the record that stays; then the merged one is forgotten.
      await queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      queryClient.removeQueries({ queryKey: customerKeys.detail(fromId) });
      queryClient.removeQueries({ queryKey: customerKeys.duplicates(fromId) });
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
