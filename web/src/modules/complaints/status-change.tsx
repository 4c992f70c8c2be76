import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComplaintDetail,
  ComplaintStatusCode,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { useChangeStatus } from './complaints.api.ts';

export function StatusChange({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(detail.complaint.id);
  const [status, setStatus] = useState<ComplaintStatusCode | null>(null);
  const [note, setNote] = useState('');
  const errors = splitApiError(change.error, ['status', 'note']);
  const allowed = detail.allowedStatuses.filter((s) => s !== detail.complaint.status);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    change.mutate(
      { status, note: optionalText(note) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('statusChange.done', { status: t(`status.${status}`) }),
          });
          setStatus(null);
          setNote('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="status-title">
      <form onSubmit={submit} noValidate data-testid="status-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="status-title">
            {t('statusChange.title')}
          </Title>
          {allowed.length === 0 ? (
            <Text size="sm">{t('statusChange.none')}</Text>
          ) : (
            <>
              <ErrorAlert error={errors.general} />
              <Select
                label={t('statusChange.to')}
                placeholder={t('statusChange.pick')}
                value={status}
                onChange={(value) => setStatus(value as ComplaintStatusCode | null)}
                data={allowed.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                error={errors.field.status}
                data-testid="status-select"
              />
              <TextInput
                label={t('statusChange.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.field.note}
                data-testid="status-note"
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  disabled={!status}
                  loading={change.isPending}
                  data-testid="status-submit"
                >
                  {t('statusChange.submit')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
