import {
  Alert,
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/catalog.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLiveEvents, useWatchComplaint } from '../notices/live.ts';
import { DueField } from '../sla/due-field.tsx';
import { useHasPermission } from '../../app/require-permission.tsx';
import { slaKeys, useClocks } from '../sla/sla.api.ts';
import { useNow, useOrgTimeZone, useZoneFormat } from '../sla/time.ts';
import {
  commitmentKeys,
  useCommit,
  useCommitments,
  useProposal,
  useRequestDeadline,
  useTaskTypes,
  type ComplaintCommitments,
  type DeadlineRequest,
} from './commitments.api.ts';
import { DeadlineRequestSummary } from './deadline-request-card.tsx';

const OUTCOME_COLORS: Record<NonNullable<ComplaintCommitments['outcome']>, MantineColor> = {
  open: 'blue.8',
  kept: 'teal.9',
  kept_after_recommit: 'yellow.4',
  broken: 'red.9',
};

/** Step 4: commit a concrete due time, from the catalogue or by asking the owning department. */
export function CommitmentPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = useHasPermission();
  const canCommit = can('commitment:make');
  const data = useCommitments(complaintId);
  const clocks = useClocks(complaintId);
  const orgZone = useOrgTimeZone();
  const timeZone = clocks.data?.policy?.timeZone ?? orgZone;
  const format = useZoneFormat(timeZone);
  const now = useNow(30_000);

  const [dueAt, setDueAt] = useState<string | null>(null);
  const [taskTypeId, setTaskTypeId] = useState<string | null>(null);
  const [deadlineRequestId, setDeadlineRequestId] = useState<string | null>(null);
  const [askOpen, setAskOpen] = useState(false);
  const applied = useRef(new Set<string>());

  useWatchComplaint(complaintId);
  useLiveEvents(['complaint', 'deadline_request', 'ready'], (type, event) => {
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.ofComplaint(complaintId) });
      void queryClient.invalidateQueries({ queryKey: slaKeys.clocks(complaintId) });
    };
    if (type === 'ready') {
      refresh();
      return;
    }
    if (event.complaintId !== complaintId) return;
    refresh();
    const answered =
      type === 'complaint' ? event.kind === 'deadline_answer' : event.status === 'answered';
    const requestId = event.requestId;
    if (!answered || typeof event.dueAt !== 'string' || typeof requestId !== 'string') return;
    if (applied.current.has(requestId)) return;
    applied.current.add(requestId);
    setDueAt(event.dueAt);
    setDeadlineRequestId(requestId);
    setTaskTypeId(null);
    notifications.show({
      color: 'teal',
      title: t('commitments.answerArrived'),
      message: [
        t('commitments.answerArrivedBody', { time: format.dateTimeWeekday(event.dueAt) }),
        typeof event.note === 'string' && event.note ? event.note : '',
      ]
        .filter(Boolean)
        .join(' · '),
      // With a title Mantine greys the text to 3.3:1; keep it readable.
      styles: { description: { color: 'var(--mantine-color-text)' } },
      autoClose: 10_000,
    });
  });

  const adoptAnswer = (request: DeadlineRequest) => {
    if (!request.answerDueAt) return;
    applied.current.add(request.id);
    setDueAt(request.answerDueAt);
    setDeadlineRequestId(request.id);
    setTaskTypeId(null);
  };

  const commitments = data.data?.commitments ?? [];
  const requests = data.data?.deadlineRequests ?? [];
  const outcome = data.data?.outcome ?? null;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="commitment-title"
      data-testid="commitment-panel"
    >
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="commitment-title">
            {t('commitments.title')}
          </Title>
          {outcome && (
            <Group gap="xs">
              <Badge
                color={OUTCOME_COLORS[outcome]}
                variant="filled"
                autoContrast
                data-testid="commitment-outcome"
                data-outcome={outcome}
              >
                {t(`commitments.outcome.${outcome}`)}
              </Badge>
              {data.data?.slipDays ? (
                <Text size="sm" data-testid="commitment-slip">
                  {t('commitments.slipDays', { count: data.data.slipDays })}
                </Text>
              ) : null}
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('commitments.help')}
        </Text>

        {data.isPending ? (
          <PageLoader />
        ) : data.isError ? (
          <ErrorAlert error={data.error} />
        ) : (
          <>
            {commitments.length > 0 && (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('commitments.history')}
                </Title>
                <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                  {commitments.map((c) => (
                    <li
                      key={c.id}
                      data-testid="commitment-row"
                      data-sequence={c.sequence}
                      data-due={c.dueAt}
                    >
                      <Paper
                        withBorder
                        p="xs"
                        radius="sm"
                        bg={c.sequence === commitments.length ? 'blue.0' : undefined}
                      >
                        <Group gap="xs" wrap="wrap">
                          <Badge
                            color="gray.7"
                            variant="outline"
                            style={{ color: 'var(--mantine-color-gray-8)' }}
                          >
                            {c.sequence === 1
                              ? t('commitments.original')
                              : t('commitments.recommitment', { n: c.sequence - 1 })}
                          </Badge>
                          <Text fw={700} size="sm">
                            {format.dateTimeWeekday(c.dueAt)}
                          </Text>
                          {c.taskTypeName && <Text size="sm">· {c.taskTypeName}</Text>}
                          {c.deadlineRequestId && (
                            <Text size="sm">· {t('commitments.fromDepartment')}</Text>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t('commitments.committedBy', {
                            name: c.committedByName ?? '—',
                            time: format.dateTime(c.committedAt),
                          })}
                        </Text>
                        {c.reason && (
                          <Text size="sm" data-testid="commitment-reason">
                            {t('commitments.reasonLabel')}: {c.reason}
                          </Text>
                        )}
                        {c.customerMessage && (
                          <Text
                            size="sm"
                            className="preserve-lines"
                            data-testid="commitment-message"
                          >
                            {t('commitments.messageSent')}: {c.customerMessage}
                          </Text>
                        )}
                      </Paper>
                    </li>
                  ))}
                </Stack>
              </Stack>
            )}

            {requests.length > 0 && (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('deadlineRequests.ofComplaint')}
                </Title>
                {requests.map((request) => (
                  <Paper
                    key={request.id}
                    withBorder
                    p="xs"
                    radius="sm"
                    data-testid="deadline-request-row"
                    data-status={request.status}
                    data-request-id={request.id}
                  >
                    <DeadlineRequestSummary request={request} now={now} timeZone={timeZone}>
                      {canCommit && request.status === 'answered' && request.answerDueAt && (
                        <Group>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => adoptAnswer(request)}
                            data-testid="deadline-request-use"
                          >
                            {t('deadlineRequests.useAnswer')}
                          </Button>
                        </Group>
                      )}
                    </DeadlineRequestSummary>
                  </Paper>
                ))}
              </Stack>
            )}

            {canCommit && (
              <>
                <Divider />
                <CommitForm
                  complaintId={complaintId}
                  timeZone={timeZone}
                  isRecommit={commitments.length > 0}
                  dueAt={dueAt}
                  setDueAt={setDueAt}
                  taskTypeId={taskTypeId}
                  setTaskTypeId={(id) => {
                    setTaskTypeId(id);
                    setDeadlineRequestId(null);
                  }}
                  deadlineRequest={requests.find((r) => r.id === deadlineRequestId) ?? null}
                  deadlineRequestId={deadlineRequestId}
                  onCommitted={() => {
                    setDeadlineRequestId(null);
                  }}
                />
                <div>
                  <Button
                    variant="default"
                    onClick={() => setAskOpen((open) => !open)}
                    aria-expanded={askOpen}
                    aria-controls="deadline-request-form"
                    data-testid="deadline-request-toggle"
                  >
                    {t('deadlineRequests.ask')}
                  </Button>
                  <Collapse expanded={askOpen}>
                    <DeadlineRequestForm
                      complaintId={complaintId}
                      onSent={() => setAskOpen(false)}
                    />
                  </Collapse>
                </div>
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function CommitForm({
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

function DeadlineRequestForm({ complaintId, onSent }: { complaintId: string; onSent: () => void }) {
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
