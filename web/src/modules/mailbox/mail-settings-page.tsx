import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettingsView } from '../../../../src/modules/mail/mail.contract.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { MailboxSection } from './mailbox-form.tsx';

const key = ['mail-settings'] as const;
const SENDER_FIELDS = [
  'fromName',
  'fromAddress',
  'dkim.domain',
  'dkim.selector',
  'dkim.privateKey',
] as const;

function SenderForm({ settings }: { settings: MailSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fromName, setFromName] = useState(settings.fromName ?? '');
  const [fromAddress, setFromAddress] = useState(settings.fromAddress ?? '');
  const [signs, setSigns] = useState(settings.dkim !== null);
  const [domain, setDomain] = useState(settings.dkim?.domain ?? '');
  const [selector, setSelector] = useState(settings.dkim?.selector ?? '');
  const [privateKey, setPrivateKey] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.call('updateMailSettings', {
        body: {
          fromName: fromName.trim() || null,
          fromAddress: fromAddress.trim() || null,
          dkim: signs ? { domain, selector, ...(privateKey.trim() ? { privateKey } : {}) } : null,
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setPrivateKey('');
      notifications.show({ color: 'teal', message: t('mailSettings.saved') });
    },
  });
  const errors = splitApiError(save.error, SENDER_FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sender-title">
      <form onSubmit={submit} noValidate data-testid="mail-sender-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="sender-title">
            {t('mailSettings.sender')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mailSettings.senderHelp', { platform: settings.platformFrom })}
          </Text>
          <ErrorAlert error={errors.general} />
          <Group grow align="flex-start">
            <TextInput
              label={t('mailSettings.fromName')}
              value={fromName}
              onChange={(e) => setFromName(e.currentTarget.value)}
              error={errors.field.fromName}
              data-testid="mail-from-name"
            />
            <TextInput
              label={t('mailSettings.fromAddress')}
              type="email"
              value={fromAddress}
              onChange={(e) => setFromAddress(e.currentTarget.value)}
              error={errors.field.fromAddress}
              data-testid="mail-from-address"
            />
          </Group>
          <Switch
            label={t('mailSettings.dkim')}
            description={t('mailSettings.dkimHelp')}
            checked={signs}
            onChange={(e) => setSigns(e.currentTarget.checked)}
            data-testid="mail-dkim-switch"
          />
          {signs && (
            <>
              <Group grow align="flex-start">
                <TextInput
                  label={t('mailSettings.dkimDomain')}
                  value={domain}
                  onChange={(e) => setDomain(e.currentTarget.value)}
                  error={errors.field['dkim.domain']}
                  data-testid="mail-dkim-domain"
                />
                <TextInput
                  label={t('mailSettings.dkimSelector')}
                  value={selector}
                  onChange={(e) => setSelector(e.currentTarget.value)}
                  error={errors.field['dkim.selector']}
                  data-testid="mail-dkim-selector"
                />
              </Group>
              <Textarea
                label={t('mailSettings.dkimKey')}
                description={
                  settings.dkim ? t('mailSettings.dkimKeyKept') : t('mailSettings.dkimKeyHelp')
                }
                placeholder="-----BEGIN PRIVATE KEY-----"
                autosize
                minRows={3}
                maxRows={8}
                value={privateKey}
                onChange={(e) => setPrivateKey(e.currentTarget.value)}
                error={errors.field['dkim.privateKey']}
                styles={{ input: { fontFamily: 'monospace' } }}
                data-testid="mail-dkim-key"
              />
            </>
          )}
          {settings.dkim && settings.dkimRecord && (
            <Stack gap={4} data-testid="mail-dkim-record">
              <Text size="sm" fw={600}>
                {t('mailSettings.dkimRecord', {
                  name: `${settings.dkim.selector}._domainkey.${settings.dkim.domain}`,
                })}
              </Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
                  {settings.dkimRecord}
                </Code>
                <CopyButton value={settings.dkimRecord}>
                  {({ copied, copy }) => (
                    <Button variant="default" size="compact-sm" onClick={copy}>
                      {copied ? t('mailSettings.copied') : t('mailSettings.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="mail-sender-save">
              {t('mailSettings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Addresses({ settings }: { settings: MailSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState('');
  const add = useMutation({
    mutationFn: () => api.call('addMailAddress', { body: { address } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setAddress('');
    },
  });
  const remove = useMutation({
    mutationFn: (value: string) => api.call('removeMailAddress', { params: { address: value } }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const errors = splitApiError(add.error, ['address']);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="addresses-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="addresses-title">
          {t('mailSettings.addresses')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mailSettings.addressesHelp')}
        </Text>
        {settings.defaultAddress && (
          <Text size="sm">
            {t('mailSettings.defaultAddress')} <Code>{settings.defaultAddress}</Code>
          </Text>
        )}
        <Stack gap={4} data-testid="mail-addresses">
          {settings.addresses.map((a, i) => (
            <Group key={a} gap="xs">
              <Code>{a}</Code>
              {i === 0 && (
                <Text size="xs" c="dimmed">
                  {t('mailSettings.replyTo')}
                </Text>
              )}
              <ActionIcon
                variant="subtle"
                color="red.9"
                onClick={() => remove.mutate(a)}
                aria-label={t('mailSettings.remove', { address: a })}
              >
                <span aria-hidden>×</span>
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <ErrorAlert error={errors.general ?? remove.error} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
          noValidate
        >
          <Group align="flex-end">
            <TextInput
              label={t('mailSettings.newAddress')}
              placeholder="support@company.vn"
              type="email"
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.field.address}
              style={{ flex: 1 }}
              data-testid="mail-address-input"
            />
            <Button type="submit" loading={add.isPending} data-testid="mail-address-add">
              {t('mailSettings.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

/** The org's mail under its own name: who it is from, its DKIM key, where replies arrive. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('mailSettings.title'));
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.call('mailSettings', { signal }),
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('mailSettings.title')}
      </Title>
      <SenderForm settings={query.data} />
      <Addresses settings={query.data} />
      <MailboxSection />
    </Stack>
  );
}
