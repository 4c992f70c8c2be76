import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxView } from '../../../../src/modules/channels/channels.contract.ts';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

const key = ['mail-settings', 'mailbox'] as const;
const FIELDS = ['host', 'port', 'username', 'password', 'folder', 'processedFolder'] as const;

function Form({ mailbox }: { mailbox: MailboxView | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [port, setPort] = useState<number | string>(mailbox?.port ?? 993);
  const [isSecure, setSecure] = useState(mailbox?.isSecure ?? true);
  const [username, setUsername] = useState(mailbox?.username ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [processedFolder, setProcessed] = useState(mailbox?.processedFolder ?? '');
  const [isEnabled, setEnabled] = useState(mailbox?.isEnabled ?? true);
  const save = useMutation({
    mutationFn: () =>
      api.call('saveImapMailbox', {
        body: {
          host,
          port: Number(port),
          isSecure,
          username,
          ...(password ? { password } : {}),
          folder,
          processedFolder: processedFolder.trim() || null,
          isEnabled,
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setPassword('');
      notifications.show({ color: 'teal', message: t('imapBox.saved') });
    },
  });
  const poll = useMutation({
    mutationFn: () => api.call('pollImapMailbox', {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const errors = splitApiError(save.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="mailbox-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <Group grow align="flex-start">
          <TextInput
            label={t('imapBox.host')}
            placeholder="imap.company.vn"
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={errors.field.host}
            required
          />
          <NumberInput
            label={t('imapBox.port')}
            value={port}
            onChange={setPort}
            min={1}
            max={65535}
            error={errors.field.port}
          />
        </Group>
        <Switch
          label={t('imapBox.secure')}
          checked={isSecure}
          onChange={(e) => setSecure(e.currentTarget.checked)}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('imapBox.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.field.username}
            required
          />
          <PasswordInput
            label={t('imapBox.password')}
            description={mailbox ? t('imapBox.passwordKept') : undefined}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.field.password}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('imapBox.folder')}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            error={errors.field.folder}
          />
          <TextInput
            label={t('imapBox.processedFolder')}
            description={t('imapBox.processedHelp')}
            value={processedFolder}
            onChange={(e) => setProcessed(e.currentTarget.value)}
            error={errors.field.processedFolder}
          />
        </Group>
        <Switch
          label={t('imapBox.enabled')}
          checked={isEnabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        {mailbox && (
          <Text size="sm" data-testid="mailbox-status">
            {mailbox.lastPolledAt
              ? t('imapBox.status', {
                  at: format.dateTime(mailbox.lastPolledAt),
                  count: mailbox.receivedCount,
                })
              : t('imapBox.neverPolled')}
          </Text>
        )}
        {mailbox?.lastError && (
          <Alert color="red" title={t('imapBox.lastError')}>
            {mailbox.lastError}
          </Alert>
        )}
        {poll.data && (
          <Text size="sm" role="status">
            {poll.data.error
              ? t('imapBox.pollFailed', { error: poll.data.error })
              : t('imapBox.polled', { count: poll.data.received })}
          </Text>
        )}
        <Group justify="flex-end">
          {mailbox && (
            <Button variant="default" onClick={() => poll.mutate()} loading={poll.isPending}>
              {t('imapBox.pollNow')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} data-testid="mailbox-save">
            {t('imapBox.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The IMAP mailbox the org's mail is fetched from, for orgs whose mail stays with their provider. */
export function MailboxSection() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.call('imapMailbox', { signal }),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mailbox-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="mailbox-title">
          {t('imapBox.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imapBox.help')}
        </Text>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorAlert error={query.error} />
        ) : (
          <Form mailbox={query.data.mailbox} />
        )}
      </Stack>
    </Paper>
  );
}
