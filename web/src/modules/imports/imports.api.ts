import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  DryRunResult,
  ImportView,
} from '../../../../src/modules/commerce/commerce.contract.ts';

export type Import = ImportView;
export type DryRun = DryRunResult;
export type ImportKind = ImportView['kind'];
export const importKinds: ImportKind[] = [
  'customers',
  'orders',
  'subscription_events',
  'referrals',
  'complaints',
];

const isActive = (i: Import | undefined) => i?.status === 'queued' || i?.status === 'running';

/** The import, polled every second while its run is queued or running. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.call('getImport', { params: { id: id! }, signal }),
    enabled: id !== null,
    refetchInterval: (query) => (isActive(query.state.data) ? 1000 : false),
  });
}

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return api.call('uploadImport', { body: form });
    },
  });
}

export function useDryRun() {
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: (string | null)[] }) =>
      api.call('dryRunImport', { params: { id }, body: { mapping } }),
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: (string | null)[] }) =>
      api.call('startImport', { params: { id }, body: { mapping } }),
  });
}
