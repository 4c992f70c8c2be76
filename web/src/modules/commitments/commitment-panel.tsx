import {
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useComplaint } from '../complaints/complaints.api.ts';
import { useLiveEvents, useWatchComplaint } from '../notices/live.ts';
import { slaKeys, useClocks } from '../sla/sla.api.ts';
import { useNow, useOrgTimeZone, useZoneFormat } from '../sla/time.ts';
import {
  commitmentKeys,
  useCommitments,
  type ComplaintCommitments,
  type DeadlineRequest,
} from './commitments.api.ts';
import { CommitForm } from './commit-form.tsx';
import { SlipText } from './slip-text.tsx';
import { CommitmentHistory } from './commitment-history.tsx';
import { DeadlineRequestSummary } from './deadline-request-card.tsx';
import { DeadlineRequestForm } from './deadline-request-form.tsx';

const OUTCOME_COLORS: Record<NonNullable<ComplaintCommitments['outcome']>, MantineColor> = {
  open: 'blue.8',
  kept: 'teal.9',
  recommitted: 'yellow.4',
  reopened: 'orange.9',
  broken: 'red.9',
};

/** Step 4: commit a concrete due time, from the catalogue or by asking the owning department. */
export function CommitmentPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = useHasPermission();
  const data = useCommitments(complaintId);
  // The case page has the complaint loaded already; its status says whether a promise is open.
  const status = useComplaint(complaintId).data?.complaint.status;
  const isDone = status === 'fixed' || status === 'closed' || status === 'cancelled';
  // A fixed, closed or cancelled case has nothing left to promise: no commit or re-commit form
  // (the server refuses one too) until it is reopened.
  const canCommit = can('commitment:make') && status !== undefined && !isDone;
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
              {data.data?.slip ? (
                <Text size="sm" data-testid="commitment-slip">
                  <SlipText slip={data.data.slip} />
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
              <CommitmentHistory commitments={commitments} timeZone={timeZone} />
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

            {isDone && (
              <Text size="sm" data-testid="commitment-closed">
                {t(status === 'fixed' ? 'commitments.fixedNoForm' : 'commitments.closedNoForm')}
              </Text>
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
