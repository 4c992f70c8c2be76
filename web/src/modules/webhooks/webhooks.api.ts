import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf } from '../../api/client.ts';
import type {
  DeliveryView,
  WebhookView,
} from '../../../../src/modules/webhooks/webhooks.contract.ts';

export type Webhook = WebhookView;
export type Delivery = DeliveryView;
export type WebhookInput = RequestOf<'createWebhook'>['body'];
export type WebhookPatch = RequestOf<'updateWebhook'>['body'];

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list,
    queryFn: async ({ signal }) => (await api.call('listWebhooks', { signal })).items,
  });
}

export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id ?? ''),
    queryFn: async ({ signal }) =>
      (await api.call('webhookDeliveries', { params: { id: id! }, query: { limit: 50 }, signal }))
        .items,
    enabled: id !== null,
    // A delivery waits for the worker: the log follows it while one is pending.
    refetchInterval: (query) =>
      (query.state.data ?? []).some((d) => d.status === 'pending') ? 3000 : false,
  });
}

/** Every change of an endpoint refreshes the list and its log. */
function useWebhookMutation<V, R>(run: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: WebhookInput) => api.call('createWebhook', { body }));
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: string; body: WebhookPatch }) =>
    api.call('updateWebhook', { params: { id }, body }),
  );
export const useDeleteWebhook = () =>
  useWebhookMutation((id: string) => api.call('deleteWebhook', { params: { id } }));
export const useRotateSecret = () =>
  useWebhookMutation((id: string) => api.call('rotateWebhookSecret', { params: { id } }));
export const useSendTest = () =>
  useWebhookMutation((id: string) => api.call('testWebhook', { params: { id } }));
export const useResend = () =>
  useWebhookMutation((id: string) => api.call('resendDelivery', { params: { id } }));
