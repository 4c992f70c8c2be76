import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/catalog.ts';
import { severitySchema } from '../../../../src/modules/kernel/kernel.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import {
  useFollowUpSettings,
  useSaveFollowUpSettings,
  type FollowUpSettings,
} from './follow-ups.api.ts';

const SEVERITIES = severitySchema.options;

/** How the org runs step 6: which tasks a fix makes, the fallback manager, the call-back tries. */
export function FollowUpSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('followUps.settings.title'));
  const settings = useFollowUpSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: FollowUpSettings }) {
  const { t } = useTranslation();
  const users = useUsers();
  const save = useSaveFollowUpSettings();
  const [value, setValue] = useState(initial);
  const [retry, setRetry] = useState(initial.retryHours.join(', '));
  const [keywords, setKeywords] = useState(initial.escalation.keywords.join(', '));
  const [tiers, setTiers] = useState(initial.escalation.tiers.join(', '));
  const rules = value.escalation;
  const setRules = (patch: Partial<FollowUpSettings['escalation']>) =>
    setValue({ ...value, escalation: { ...rules, ...patch } });
  const listOf = (text: string) =>
    text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const errors = splitApiError(save.error, [
    'fallbackUserId',
    'retryHours',
    'maxAttempts',
    'escalation.keywords',
    'escalation.tiers',
  ]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const retryHours = retry
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((h) => Number(h));
    save.mutate(
      {
        ...value,
        retryHours,
        escalation: { ...rules, keywords: listOf(keywords), tiers: listOf(tiers) },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('common.saved') }) },
    );
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('followUps.settings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('followUps.settings.help')}
      </Text>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate data-testid="follow-up-settings-form">
          <Stack gap="sm">
            <ErrorAlert error={errors.general} />
            <Switch
              label={t('followUps.settings.managerUpdate')}
              checked={value.managerUpdate}
              onChange={(e) => setValue({ ...value, managerUpdate: e.currentTarget.checked })}
            />
            <Switch
              label={t('followUps.settings.verification')}
              checked={value.verification}
              onChange={(e) => setValue({ ...value, verification: e.currentTarget.checked })}
            />
            <Select
              label={t('followUps.settings.fallback')}
              description={t('followUps.settings.fallbackHelp')}
              clearable
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={value.fallbackUserId}
              onChange={(v) => setValue({ ...value, fallbackUserId: v })}
              error={errors.field.fallbackUserId}
            />
            <TextInput
              label={t('followUps.settings.retryHours')}
              description={t('followUps.settings.retryHoursHelp')}
              value={retry}
              onChange={(e) => setRetry(e.currentTarget.value)}
              error={errors.field.retryHours}
            />
            <NumberInput
              label={t('followUps.settings.maxAttempts')}
              min={1}
              max={10}
              value={value.maxAttempts}
              onChange={(v) => setValue({ ...value, maxAttempts: Number(v) || 1 })}
              error={errors.field.maxAttempts}
            />
            <Title order={2} size="h4" mt="sm">
              {t('followUps.settings.escalationTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('followUps.settings.escalationHelp')}
            </Text>
            <Switch
              label={t('followUps.settings.escalationEnabled')}
              checked={rules.enabled}
              onChange={(e) => setRules({ enabled: e.currentTarget.checked })}
              data-testid="escalation-enabled"
            />
            <Switch
              label={t('followUps.settings.onSecondContact')}
              checked={rules.onSecondContact}
              onChange={(e) => setRules({ onSecondContact: e.currentTarget.checked })}
            />
            <TextInput
              label={t('followUps.settings.keywords')}
              description={t('followUps.settings.keywordsHelp')}
              value={keywords}
              onChange={(e) => setKeywords(e.currentTarget.value)}
              error={errors.field['escalation.keywords']}
            />
            <Select
              label={t('followUps.settings.minSeverity')}
              clearable
              data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
              value={rules.minSeverity}
              onChange={(v) => setRules({ minSeverity: SEVERITIES.find((s) => s === v) ?? null })}
            />
            <TextInput
              label={t('followUps.settings.tiers')}
              value={tiers}
              onChange={(e) => setTiers(e.currentTarget.value)}
              error={errors.field['escalation.tiers']}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
