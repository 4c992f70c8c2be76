import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** Create, update and delete for one admin resource; each refreshes that resource's list. */
export function useAdminMutations<TCreate, TUpdate = Partial<TCreate>>(
  queryKey: readonly string[],
  path: string,
) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  const create = useMutation({
    mutationFn: (input: TCreate) => apiFetch<unknown>(path, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdate }) =>
      apiFetch<unknown>(`${path}/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`${path}/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { create, update, remove };
}
