import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { ClockStateBadge, useCountdownText } from './clock-ui.tsx';
import type { ClockStateView } from '../../../../src/modules/sla/sla.contract.ts';
import { useComplaint } from '../complaints/complaints.api.ts';
import { useLiveEvents, useWatchComplaint } from '../notices/live.ts';
import { slaKeys, useClocks } from './sla.api.ts';
import { useNow, useOrgTimeZone, useZoneFormat } from './time.ts';

/**
 * Every clock of a complaint: state, due time in the org's zone, time left, target and pauses.
 * It follows the case live: a change made here (a status change refreshes the complaint, not the
 * clocks' own query) or by anyone else (the live stream) derives the clocks again.
 */
export function ClocksPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clocks = useClocks(complaintId);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: slaKeys.clocks(complaintId) });
  useWatchComplaint(complaintId);
  useLiveEvents(['complaint', 'ready'], (type, event) => {
    if (type === 'ready' || event.complaintId === complaintId) refresh();
  });
  const changedAt = useComplaint(complaintId).data?.complaint.updatedAt;
  const seen = useRef(changedAt);
  useEffect(() => {
    if (changedAt !== undefined && seen.current !== undefined && changedAt !== seen.current)
      refresh();
    seen.current = changedAt;
  }, [changedAt]);
  const orgZone = useOrgTimeZone();
  const timeZone = clocks.data?.policy?.timeZone ?? orgZone;
  const now = useNow(30_000);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="clocks-title"
      data-testid="clocks-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="clocks-title">
          {t('clocks.title')}
        </Title>
        {clocks.isPending ? (
          <PageLoader />
        ) : clocks.isError ? (
          <ErrorAlert error={clocks.error} />
        ) : (
          <>
            <Text size="sm" data-testid="clocks-policy">
              {clocks.data.policy
                ? t('clocks.policy', {
                    name: clocks.data.policy.name,
                    calendar: clocks.data.policy.calendarName,
                    zone: clocks.data.policy.timeZone,
                  })
                : t('clocks.noPolicy')}
            </Text>
            {clocks.data.clocks.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('clocks.none')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {clocks.data.clocks.map((clock) => (
                  <ClockRow
                    key={`${clock.source}:${clock.clock}`}
                    clock={clock}
                    timeZone={timeZone}
                    now={now}
                  />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ClockRow({
  clock,
  timeZone,
  now,
}: {
  clock: ClockStateView;
  timeZone: string;
  now: number;
}) {
  const { t } = useTranslation();
  const format = useZoneFormat(timeZone);
  const countdown = useCountdownText()(clock, now);
  const warning =
    clock.state === 'running' &&
    !countdown.overdue &&
    clock.warnAt !== null &&
    new Date(clock.warnAt).getTime() <= now;
  return (
    <li
      data-testid="clock-row"
      data-clock={clock.clock}
      data-source={clock.source}
      data-state={clock.state}
      style={{
        borderLeft: `4px solid var(--mantine-color-${
          countdown.overdue ? 'red-9' : warning ? 'orange-7' : 'gray-3'
        })`,
        paddingLeft: 'var(--mantine-spacing-sm)',
      }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t(`clockKind.${clock.clock}`)}
          </Text>
          {clock.sourceLabel && (
            <Badge
              variant="outline"
              color="indigo.9"
              size="sm"
              title={t('clocks.legal')}
              data-testid="clock-source"
            >
              {clock.sourceLabel}
            </Badge>
          )}
        </Group>
        <ClockStateBadge state={clock.state} />
      </Group>
      <Text
        size="sm"
        fw={countdown.overdue || warning ? 700 : 400}
        c={countdown.overdue ? 'red.9' : warning ? 'orange.9' : undefined}
        data-testid="clock-countdown"
      >
        {countdown.text}
        {warning ? ` · ${t('clocks.warning')}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          clock.dueAt ? t('clocks.due', { time: format.dateTimeWeekday(clock.dueAt) }) : '',
          clock.target ? t('clocks.target', { target: clock.target }) : '',
          clock.stoppedAt && clock.state === 'met'
            ? t('clocks.stoppedAt', { time: format.dateTime(clock.stoppedAt) })
            : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {clock.pauses.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="clock-pauses">
          {t('clocks.pauses')}:{' '}
          {clock.pauses
            .map((p) =>
              t('clocks.pauseSpan', {
                from: format.dateTime(p.from),
                to: p.to ? format.dateTime(p.to) : t('clocks.now'),
              }),
            )
            .join('; ')}
        </Text>
      )}
    </li>
  );
}
