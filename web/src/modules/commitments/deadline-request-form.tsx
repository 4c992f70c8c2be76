import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/catalog.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { useRequestDeadline } from './commitments.api.ts';

/** Asks the owning department when the fix can be done, while the customer waits. */
export function DeadlineRequestForm({
  complaintId,
  onSent,
}: {
  complaintId: string;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const request = useRequestDeadline(complaintId);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [missing, setMissing] = useState<{ departmentId?: string; question?: string }>({});
  const errors = splitApiError(request.error, ['departmentId', 'question', 'taskTypeId']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof missing = {};
    if (!departmentId) problems.departmentId = t('deadlineRequests.departmentRequired');
    if (!question.trim()) problems.question = t('deadlineRequests.questionRequired');
    setMissing(problems);
    if (problems.departmentId || problems.question || !departmentId) return;
    request.mutate(
      { departmentId, question },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('deadlineRequests.sent') });
          setQuestion('');
          onSent();
        },
      },
    );
  };

  return (
    <form
      id="deadline-request-form"
      onSubmit={submit}
      noValidate
      data-testid="deadline-request-form"
      aria-label={t('deadlineRequests.ask')}
    >
      <Stack gap="sm" pt="sm">
        <Text size="sm" c="dimmed">
          {t('deadlineRequests.askHelp')}
        </Text>
        <ErrorAlert error={errors.general} />
        <Select
          label={t('deadlineRequests.department')}
          required
          searchable
          value={departmentId}
          onChange={setDepartmentId}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          error={missing.departmentId ?? errors.field.departmentId}
          nothingFoundMessage={t('common.empty')}
          data-testid="deadline-request-department"
        />
        <Textarea
          label={t('deadlineRequests.question')}
          placeholder={t('deadlineRequests.questionPlaceholder')}
          required
          autosize
          minRows={2}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={missing.question ?? errors.field.question}
          data-testid="deadline-request-question"
        />
        <Group>
          <Button type="submit" loading={request.isPending} data-testid="deadline-request-submit">
            {t('deadlineRequests.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
