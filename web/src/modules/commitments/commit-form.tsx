import { Alert, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { DueField } from '../sla/due-field.tsx';
import { useZoneFormat } from '../sla/time.ts';
import { useCommit, useProposal, useTaskTypes, type DeadlineRequest } from './commitments.api.ts';

/** Commits a due time: proposed from a task type, adopted from a department's answer, or picked. */
export function CommitForm({
  complaintId,
  timeZone,
  isRecommit,
  dueAt,
  setDueAt,
  taskTypeId,
  setTaskTypeId,
  deadlineRequest,
  deadlineRequestId,
  onCommitted,
}: {
  complaintId: string;
  timeZone: string;
  isRecommit: boolean;
  dueAt: string | null;
  setDueAt: (iso: string | null) => void;
  taskTypeId: string | null;
  setTaskTypeId: (id: string | null) => void;
  deadlineRequest: DeadlineRequest | null;
  deadlineRequestId: string | null;
  onCommitted: () => void;
}) {
  const { t } = useTranslation();
  const format = useZoneFormat(timeZone);
  const taskTypes = useTaskTypes();
  const proposal = useProposal(complaintId, taskTypeId);
  const commit = useCommit(complaintId);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<{ due?: string; reason?: string }>({});

  const proposedDue = proposal.data?.taskTypeId === taskTypeId ? proposal.data?.dueAt : undefined;
  useEffect(() => {
    if (proposedDue) setDueAt(proposedDue);
  }, [proposedDue]);

  const errors = splitApiError(commit.error, ['dueAt', 'reason', 'message', 'taskTypeId']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: { due?: string; reason?: string } = {};
    if (!dueAt) problems.due = t('commitments.dueRequired');
    if (isRecommit && !reason.trim()) problems.reason = t('commitments.reasonRequired');
    setMissing(problems);
    if (problems.due || problems.reason || !dueAt) return;
    commit.mutate(
      {
        dueAt,
        taskTypeId: taskTypeId ?? undefined,
        deadlineRequestId: deadlineRequestId ?? undefined,
        reason: optionalText(reason),
        message: optionalText(message),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('commitments.committed') });
          setReason('');
          setMessage('');
          onCommitted();
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      data-testid="commitment-form"
      aria-labelledby="commit-form-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="commit-form-title">
          {isRecommit ? t('commitments.recommitTitle') : t('commitments.commitTitle')}
        </Title>
        <ErrorAlert error={errors.general} />
        <Select
          label={t('commitments.taskType')}
          placeholder={t('commitments.taskTypePick')}
          searchable
          clearable
          value={taskTypeId}
          onChange={setTaskTypeId}
          data={(taskTypes.data ?? [])
            .filter((tt) => tt.active)
            .map((tt) => ({
              value: tt.id,
              label: `${tt.name} (${tt.durationText}${tt.departmentName ? ` · ${tt.departmentName}` : ''})`,
            }))}
          error={errors.field.taskTypeId}
          nothingFoundMessage={t('common.empty')}
          data-testid="task-type-select"
        />
        {taskTypeId && (
          <Text
            size="sm"
            aria-live="polite"
            data-testid="proposed-due"
            data-due={proposedDue ?? ''}
          >
            {proposal.isPending
              ? t('common.loading')
              : proposal.isError
                ? ''
                : proposal.data
                  ? t('commitments.proposed', {
                      time: format.dateTimeWeekday(proposal.data.dueAt),
                      duration: proposal.data.durationText,
                      calendar: proposal.data.calendarName,
                    })
                  : ''}
          </Text>
        )}
        {proposal.isError && <ErrorAlert error={proposal.error} />}
        {deadlineRequest && deadlineRequest.answerDueAt && (
          <Alert color="teal" data-testid="commit-from-request">
            {t('commitments.fromRequest', {
              department: deadlineRequest.departmentName,
              time: format.dateTimeWeekday(deadlineRequest.answerDueAt),
            })}
          </Alert>
        )}
        <DueField
          label={t('commitments.due')}
          value={dueAt}
          onChange={setDueAt}
          timeZone={timeZone}
          required
          error={missing.due ?? errors.field.dueAt}
          testId="commit-due-input"
        />
        {isRecommit && (
          <Textarea
            label={t('commitments.reason')}
            description={t('commitments.reasonHelp')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing.reason ?? errors.field.reason}
            data-testid="recommit-reason"
          />
        )}
        <Textarea
          label={t('commitments.message')}
          description={t('commitments.messageHelp')}
          autosize
          minRows={2}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.field.message}
          data-testid="commit-message"
        />
        <Group>
          <Button type="submit" loading={commit.isPending} data-testid="commit-submit">
            {isRecommit ? t('commitments.recommitSubmit') : t('commitments.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
