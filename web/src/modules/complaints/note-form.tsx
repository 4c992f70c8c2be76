import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { useAddNote } from './complaints.api.ts';

export function NoteForm({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const addNote = useAddNote(complaintId);
  const errors = splitApiError(addNote.error, ['body']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('note.added') });
        setBody('');
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="note-title">
      <form onSubmit={submit} noValidate data-testid="note-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="note-title">
            {t('note.title')}
          </Title>
          <ErrorAlert error={errors.general} />
          <Textarea
            label={t('note.body')}
            description={t('note.internal')}
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.field.body}
            data-testid="note-body"
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              loading={addNote.isPending}
              disabled={!body.trim()}
              data-testid="note-submit"
            >
              {t('note.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
