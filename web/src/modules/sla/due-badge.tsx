import { Badge, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintListItem } from '../../../../src/modules/complaints/complaints.contract.ts';
import { secondsUntil, useZoneFormat } from './time.ts';

/** Four hours or less left shows as a warning in the queue. */
const SOON_SECONDS = 4 * 3600;

/** The queue's SLA cell: time left to the next due clock, paused, or breached. */
export function QueueDueBadge({
  item,
  now,
  timeZone,
}: {
  item: Pick<ComplaintListItem, 'nextDueAt' | 'nextDueClock' | 'isBreached' | 'isPaused'>;
  now: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useZoneFormat(timeZone);
  const left = secondsUntil(item.nextDueAt, now);
  let state: 'breached' | 'paused' | 'soon' | 'running' | 'none';
  let color: MantineColor;
  let text: string;
  if (item.isBreached || (left !== null && left < 0 && !item.isPaused)) {
    state = 'breached';
    color = 'red.9';
    text =
      left !== null && left < 0
        ? t('clocks.overdue', { time: format.spanShort(left) })
        : t('clockState.breached');
  } else if (item.isPaused) {
    state = 'paused';
    color = 'yellow.4';
    text = t('clockState.paused');
  } else if (left !== null) {
    state = left <= SOON_SECONDS ? 'soon' : 'running';
    color = left <= SOON_SECONDS ? 'orange.9' : 'teal.9';
    text = t('clocks.left', { time: format.spanShort(left) });
  } else {
    state = 'none';
    color = 'gray.7';
    text = t('clocks.noDue');
  }
  return (
    <Stack gap={2} align="flex-start" miw={150}>
      <Badge
        color={color}
        autoContrast
        variant={state === 'none' ? 'outline' : 'filled'}
        data-testid="queue-due-badge"
        data-state={state}
        style={state === 'none' ? { color: 'var(--mantine-color-gray-8)' } : undefined}
      >
        {text}
      </Badge>
      {item.nextDueAt && (
        <Text size="xs" c="dimmed">
          {item.nextDueClock ? `${t(`clockKind.${item.nextDueClock}`, item.nextDueClock)} · ` : ''}
          {format.dateTime(item.nextDueAt)}
        </Text>
      )}
    </Stack>
  );
}
