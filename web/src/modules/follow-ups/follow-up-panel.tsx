import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { useSuggestions } from '../complaints/complaints.api.ts';
import {
  useComplaintFollowUps,
  useRecordManagerUpdate,
  useRecordVerification,
  useSkipFollowUp,
  type FollowUp,
} from './follow-ups.api.ts';

const METHODS = ['call', 'email', 'visit', 'chat', 'message'] as const;
const OUTCOMES = ['works', 'not_fixed', 'unreachable', 'declined'] as const;

/**
 * Step 6 on the case page: the manager's update and the verification call-back of the latest
 * fix, each recorded here by the person it is assigned to (or a manager).
 */
export function FollowUpPanel({ complaintId, status }: { complaintId: string; status: string }) {
  const { t } = useTranslation();
  const list = useComplaintFollowUps(complaintId, status);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const latest = items[0]?.fixedAt;
  const ofLatest = items.filter((f) => f.fixedAt === latest && f.status !== 'cancelled');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="follow-up-title">
      <Stack gap="sm" data-testid="follow-up-panel">
        <Title order={2} size="h4" id="follow-up-title">
          {t('followUps.panelTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followUps.panelHelp')}
        </Text>
        {ofLatest.map((task) => (
          <FollowUpTask key={task.id} task={task} complaintId={complaintId} />
        ))}
      </Stack>
    </Paper>
  );
}

function TaskHeader({ task }: { task: FollowUp }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Text fw={700} size="sm">
        {t(`followUps.kind.${task.kind}`)}
      </Text>
      <Group gap="xs">
        <Badge
          color={task.status === 'due' ? (task.isOverdue ? 'red.8' : 'blue.8') : 'teal.9'}
          data-testid={`follow-up-status-${task.kind}`}
          data-status={task.status}
        >
          {task.status === 'due' && task.isOverdue
            ? t('followUps.overdue')
            : t(`followUps.status.${task.status}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('followUps.assignee', { name: task.assigneeName ?? t('queue.unassigned') })}
          {task.dueAt ? ` · ${t('followUps.due', { at: format.dateTime(task.dueAt) })}` : ''}
        </Text>
      </Group>
    </Group>
  );
}

function FollowUpTask({ task, complaintId }: { task: FollowUp; complaintId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const can = useHasPermission();
  const mayRecord =
    can('followup:record') &&
    (task.assigneeId === null || task.assigneeId === me.id || can('complaint:assign'));
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`follow-up-${task.kind}`}>
      <Stack gap="xs">
        <TaskHeader task={task} />
        {task.status !== 'due' && (
          <Text size="sm" data-testid={`follow-up-result-${task.kind}`}>
            {[
              task.outcome ? t(`followUps.outcome.${task.outcome}`) : null,
              task.method ? t(`followUps.method.${task.method}`) : null,
              task.doneByName,
              task.doneAt ? format.dateTime(task.doneAt) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            {task.note ? ` — ${task.note}` : ''}
          </Text>
        )}
        {task.status === 'due' && task.attempts > 0 && (
          <Text size="xs" c="dimmed" data-testid="follow-up-attempts">
            {t('followUps.attempts', {
              count: task.attempts,
              next: task.nextAttemptAt ? format.dateTime(task.nextAttemptAt) : '—',
            })}
          </Text>
        )}
        {task.status === 'due' &&
          mayRecord &&
          (task.kind === 'manager_update' || task.kind === 'low_score') && (
            <ManagerUpdateForm task={task} complaintId={complaintId} />
          )}
        {task.status === 'due' && mayRecord && task.kind === 'verification' && (
          <VerificationForm task={task} complaintId={complaintId} />
        )}
        {task.status === 'due' && mayRecord && <SkipForm task={task} complaintId={complaintId} />}
      </Stack>
    </Paper>
  );
}

function ManagerUpdateForm({ task, complaintId }: { task: FollowUp; complaintId: string }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<(typeof METHODS)[number]>('call');
  const [note, setNote] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const record = useRecordManagerUpdate(complaintId);
  const errors = splitApiError(record.error, ['note', 'body', 'subject']);
  // The update templates in the case's language, as suggestions that fill the draft.
  const suggestions = useSuggestions(complaintId, 'update', method === 'message');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        id: task.id,
        body:
          method === 'message'
            ? { method, body, subject: subject || null, note: note || null }
            : { method, note },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('followUps.recorded') }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="manager-update-form">
      <Stack gap="xs">
        <ErrorAlert error={errors.general} />
        <div>
          <Text size="sm" fw={500} id={`method-${task.id}`}>
            {t('followUps.howReached')}
          </Text>
          <SegmentedControl
            aria-labelledby={`method-${task.id}`}
            value={method}
            onChange={(v) => setMethod(v as (typeof METHODS)[number])}
            data={METHODS.map((m) => ({ value: m, label: t(`followUps.method.${m}`) }))}
            data-testid="manager-update-method"
            fullWidth
          />
        </div>
        {method === 'message' && (
          <>
            <Group gap="xs" data-testid="manager-update-suggestions">
              {suggestions.data?.suggestions.map((s) => (
                <Button
                  key={s.templateId}
                  variant="light"
                  size="compact-sm"
                  onClick={() => {
                    setSubject(s.subject);
                    setBody(s.body);
                  }}
                >
                  {t('composer.use', { name: s.name })} ({LANGUAGE_NAMES[s.language] ?? s.language})
                </Button>
              ))}
            </Group>
            <TextInput
              label={t('followUps.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={errors.field.subject}
            />
            <Textarea
              label={t('followUps.messageBody')}
              description={t('followUps.messageHelp')}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors.field.body}
              data-testid="manager-update-body"
            />
          </>
        )}
        <Textarea
          label={method === 'message' ? t('followUps.internalNote') : t('followUps.whatSaid')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.field.note}
          data-testid="manager-update-note"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} data-testid="manager-update-submit">
            {t('followUps.recordUpdate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VerificationForm({ task, complaintId }: { task: FollowUp; complaintId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('works');
  const [note, setNote] = useState('');
  const record = useRecordVerification(complaintId);
  const errors = splitApiError(record.error, ['note', 'outcome']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { id: task.id, body: { outcome, note: note || null } },
      {
        onSuccess: () => {
          setNote('');
          notifications.show({ color: 'teal', message: t(`followUps.recordedOutcome.${outcome}`) });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="verification-form">
      <Stack gap="xs">
        <ErrorAlert error={errors.general} />
        <div>
          <Text size="sm" fw={500} id={`outcome-${task.id}`}>
            {t('followUps.whatFound')}
          </Text>
          <SegmentedControl
            aria-labelledby={`outcome-${task.id}`}
            value={outcome}
            onChange={(v) => setOutcome(v as (typeof OUTCOMES)[number])}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`followUps.outcome.${o}`) }))}
            data-testid="verification-outcome"
            fullWidth
          />
        </div>
        <Textarea
          label={outcome === 'not_fixed' ? t('followUps.reopenReason') : t('followUps.callNote')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.field.note}
          data-testid="verification-note"
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            color={outcome === 'not_fixed' ? 'red.8' : undefined}
            loading={record.isPending}
            data-testid="verification-submit"
          >
            {outcome === 'not_fixed' ? t('followUps.recordAndReopen') : t('followUps.recordCall')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SkipForm({ task, complaintId }: { task: FollowUp; complaintId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const skip = useSkipFollowUp(complaintId);
  const errors = splitApiError(skip.error, ['reason']);
  if (!open)
    return (
      <Group justify="flex-end">
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
          {t('followUps.skip')}
        </Button>
      </Group>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        skip.mutate({ id: task.id, reason });
      }}
      noValidate
    >
      <Stack gap="xs">
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('followUps.skipReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.field.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="light" loading={skip.isPending}>
            {t('followUps.skipConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
