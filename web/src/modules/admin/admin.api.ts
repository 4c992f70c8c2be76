import { useMutation, useQueryClient } from '@tanstack/react-query';

type Calls<TCreate, TUpdate> = {
  create: (input: TCreate) => Promise<unknown>;
  update: (id: string, patch: TUpdate) => Promise<unknown>;
  remove?: (id: string) => Promise<unknown>;
};

/** Create, update and delete for one admin resource; each refreshes that resource's list. */
export function useAdminMutations<TCreate, TUpdate = Partial<TCreate>>(
  queryKey: readonly string[],
  calls: Calls<TCreate, TUpdate>,
) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  const create = useMutation({ mutationFn: calls.create, onSuccess: refresh });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdate }) => calls.update(id, patch),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => (calls.remove ? calls.remove(id) : Promise.resolve()),
    onSuccess: refresh,
  });
  return { create, update, remove };
}
