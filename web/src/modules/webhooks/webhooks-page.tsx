import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useOrgTimeZone, useZoneFormat } from '../sla/time.ts';
import { eventKey, SecretModal, WebhookForm } from './webhook-form.tsx';
import {
  useDeleteWebhook,
  useDeliveries,
  useResend,
  useRotateSecret,
  useSendTest,
  useUpdateWebhook,
  useWebhooks,
  type Delivery,
  type Webhook,
} from './webhooks.api.ts';

const STATUS_COLORS = { pending: 'yellow.9', delivered: 'teal.9', failed: 'red.9' } as const;

/** How a receiver checks a delivery, as the README says it too. */
const VERIFY_SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

function verify(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(\`\${id}.\${timestamp}.\${body}\`).digest('base64');
  const expected = Buffer.from(\`v1,\${mac}\`);
  return headers['webhook-signature'].split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}`;

/** Admin → Webhooks: the org's endpoints, their secret, and each one's delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('webhooks.title'));
  const webhooks = useWebhooks();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const remove = useDeleteWebhook();

  if (webhooks.isPending) return <PageLoader />;
  if (webhooks.isError) return <ErrorAlert error={webhooks.error} />;
  const items = webhooks.data;
  const shown = items.find((w) => w.id === selected) ?? null;

  return (
    <Stack gap="md" data-testid="webhooks-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('webhooks.title')}
        </Title>
        <Button onClick={() => setCreating(true)} data-testid="webhook-new">
          {t('webhooks.new')}
        </Button>
      </Group>
      <Text size="sm">{t('webhooks.intro')}</Text>
      <SigningHelp />
      {items.length === 0 ? (
        <Text c="dimmed">{t('webhooks.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="webhooks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.url')}</Table.Th>
                <Table.Th>{t('webhooks.events')}</Table.Th>
                <Table.Th>{t('webhooks.state')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <EndpointRow
                  key={w.id}
                  webhook={w}
                  isSelected={w.id === selected}
                  onSelect={() => setSelected(w.id === selected ? null : w.id)}
                  onSecret={setSecret}
                  onDelete={() => setDeleting(w)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {shown && <DeliveryLog webhook={shown} />}
      <WebhookForm
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          setSecret(s);
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDeleteModal
        name={deleting?.url ?? ''}
        opened={deleting !== null}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              if (selected === deleting.id) setSelected(null);
              setDeleting(null);
            },
          })
        }
      />
    </Stack>
  );
}

function SigningHelp() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('webhooks.signingTitle')}
        </Title>
        <Text size="sm">{t('webhooks.signingHeaders')}</Text>
        <Code block>
          {`webhook-id: <event id>\nwebhook-timestamp: <Unix seconds>\nwebhook-signature: v1,<base64 HMAC-SHA256 of "\${webhook-id}.\${webhook-timestamp}.\${body}">`}
        </Code>
        <Text size="sm">{t('webhooks.signingVerify')}</Text>
        <Text size="sm">{t('webhooks.rotationNote')}</Text>
        <Code block>{VERIFY_SNIPPET}</Code>
      </Stack>
    </Paper>
  );
}

function EndpointRow({
  webhook,
  isSelected,
  onSelect,
  onSecret,
  onDelete,
}: {
  webhook: Webhook;
  isSelected: boolean;
  onSelect: () => void;
  onSecret: (secret: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateWebhook();
  const rotate = useRotateSecret();
  const test = useSendTest();
  const error = update.error ?? rotate.error ?? test.error;
  const state = webhook.enabled
    ? { color: 'teal.9', label: t('webhooks.on') }
    : webhook.disabledReason === 'failures'
      ? { color: 'red.9', label: t('webhooks.offFailures', { n: webhook.consecutiveFailures }) }
      : { color: 'gray.8', label: t('webhooks.off') };
  return (
    <Table.Tr data-testid="webhook-row">
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Text>
        {webhook.description && (
          <Text size="xs" c="dimmed">
            {webhook.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{webhook.events.map((e) => t(eventKey(e))).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Badge color={state.color} variant="filled" autoContrast data-testid="webhook-state">
            {state.label}
          </Badge>
          <Switch
            label={t('webhooks.enabled')}
            checked={webhook.enabled}
            onChange={(e) =>
              update.mutate({ id: webhook.id, body: { enabled: e.currentTarget.checked } })
            }
            data-testid="webhook-enabled"
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button
            size="xs"
            variant={isSelected ? 'filled' : 'default'}
            onClick={onSelect}
            aria-pressed={isSelected}
            data-testid="webhook-log"
          >
            {t('webhooks.log')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={test.isPending}
            disabled={!webhook.enabled}
            onClick={() =>
              test.mutate(webhook.id, {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: t('webhooks.testSent') }),
              })
            }
            data-testid="webhook-test"
          >
            {t('webhooks.sendTest')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={rotate.isPending}
            onClick={() => rotate.mutate(webhook.id, { onSuccess: (r) => onSecret(r.secret) })}
            data-testid="webhook-rotate"
          >
            {t('webhooks.rotate')}
          </Button>
          <Button size="xs" color="red.9" variant="outline" onClick={onDelete}>
            {t('common.delete')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
      </Table.Td>
    </Table.Tr>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useZoneFormat(useOrgTimeZone());
  const deliveries = useDeliveries(webhook.id);
  const resend = useResend();
  return (
    <Paper withBorder p="md" data-testid="delivery-log">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('webhooks.logTitle', { url: webhook.url })}
        </Title>
        {deliveries.isError && <ErrorAlert error={deliveries.error} />}
        {resend.error && <ErrorAlert error={resend.error} />}
        {deliveries.data?.length === 0 && <Text c="dimmed">{t('webhooks.noDeliveries')}</Text>}
        {(deliveries.data?.length ?? 0) > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table data-testid="delivery-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.col.time')}</Table.Th>
                  <Table.Th>{t('webhooks.col.event')}</Table.Th>
                  <Table.Th>{t('webhooks.col.status')}</Table.Th>
                  <Table.Th>{t('webhooks.col.http')}</Table.Th>
                  <Table.Th>{t('webhooks.col.latency')}</Table.Th>
                  <Table.Th>{t('webhooks.col.attempt')}</Table.Th>
                  <Table.Th>{t('webhooks.col.next')}</Table.Th>
                  <Table.Th>{t('webhooks.col.response')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data?.map((d: Delivery) => (
                  <Table.Tr key={d.id} data-testid="delivery-row">
                    <Table.Td>{format.dateTime(d.lastAttemptAt ?? d.createdAt)}</Table.Td>
                    <Table.Td>
                      <Code>{d.type}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={STATUS_COLORS[d.status]}
                        variant="filled"
                        autoContrast
                        data-testid="delivery-status"
                      >
                        {t(`webhooks.status.${d.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                    <Table.Td>
                      {d.lastLatencyMs === null ? '—' : t('webhooks.ms', { ms: d.lastLatencyMs })}
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td>{d.nextAttemptAt ? format.dateTime(d.nextAttemptAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-all' }} lineClamp={3}>
                        {d.lastResponse ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={!webhook.enabled}
                        loading={resend.isPending && resend.variables === d.id}
                        onClick={() => resend.mutate(d.id)}
                        data-testid="delivery-resend"
                      >
                        {t('webhooks.resend')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
