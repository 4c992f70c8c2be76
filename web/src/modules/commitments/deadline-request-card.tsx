import { Badge, Group, Stack, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdownText } from '../sla/clock-ui.tsx';
import { useZoneFormat } from '../sla/time.ts';
import type { DeadlineRequest } from './commitments.api.ts';

const STATUS_COLORS: Record<DeadlineRequest['status'], MantineColor> = {
  open: 'blue.8',
  answered: 'teal.9',
  cancelled: 'gray.7',
};

export function DeadlineStatusBadge({ status }: { status: DeadlineRequest['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" autoContrast>
      {t(`deadlineRequests.status.${status}`)}
    </Badge>
  );
}

/** The internal clock of a deadline request: how long the department has left to answer. */
export function DeadlineClock({ request, now }: { request: DeadlineRequest; now: number }) {
  const { t } = useTranslation();
  const countdown = useCountdownText();
  if (request.status !== 'open' || !request.clock) return null;
  const result = countdown(
    {
      state: request.clock.state,
      dueAt: request.clock.dueAt,
      remainingSeconds: request.clock.remainingSeconds,
    },
    now,
  );
  return (
    <Text
      size="sm"
      fw={700}
      c={result.overdue ? 'red.9' : 'blue.9'}
      data-testid="deadline-request-clock"
      data-state={result.overdue ? 'breached' : request.clock.state}
    >
      {t('deadlineRequests.answerWithin')}: {result.text}
    </Text>
  );
}

/** One deadline request: who asks which department what, its clock, and the answer. */
export function DeadlineRequestSummary({
  request,
  now,
  timeZone,
  heading,
  children,
}: {
  request: DeadlineRequest;
  now: number;
  timeZone: string;
  heading?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useZoneFormat(timeZone);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        {heading ?? (
          <Text fw={600} size="sm">
            {request.departmentName}
          </Text>
        )}
        <DeadlineStatusBadge status={request.status} />
      </Group>
      <Text size="sm" className="preserve-lines" data-testid="deadline-request-question-text">
        {request.question}
      </Text>
      <Text size="xs" c="dimmed">
        {t('deadlineRequests.askedBy', {
          name: request.requestedByName ?? '—',
          time: format.dateTime(request.createdAt),
        })}
      </Text>
      <DeadlineClock request={request} now={now} />
      {request.status === 'answered' && request.answerDueAt && (
        <Text size="sm" data-testid="deadline-request-answer">
          <strong>
            {t('deadlineRequests.answeredDue', {
              time: format.dateTimeWeekday(request.answerDueAt),
            })}
          </strong>
          {request.answeredByName
            ? ` · ${t('deadlineRequests.answeredBy', { name: request.answeredByName, time: format.dateTime(request.answeredAt) })}`
            : ''}
          {request.answerNote ? (
            <>
              <br />
              {t('deadlineRequests.note')}: {request.answerNote}
            </>
          ) : null}
        </Text>
      )}
      {children}
    </Stack>
  );
}
