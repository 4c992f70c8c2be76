import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClockState } from './sla.api.ts';
import { formatSpan, secondsUntil } from './time.ts';

// Shades chosen for at least 4.5:1 contrast with the badge text (white, or black with autoContrast).
export const CLOCK_STATE_COLORS: Record<ClockState, MantineColor> = {
  pending: 'gray.7',
  running: 'blue.8',
  paused: 'yellow.4',
  met: 'teal.9',
  breached: 'red.9',
};

export function ClockStateBadge({ state }: { state: ClockState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CLOCK_STATE_COLORS[state]}
      autoContrast
      variant="filled"
      data-testid="clock-state"
      data-state={state}
    >
      {t(`clockState.${state}`)}
    </Badge>
  );
}

export type CountdownInput = {
  state: ClockState;
  dueAt: string | null;
  stoppedAt?: string | null;
  remainingSeconds: number | null;
};

/** "Còn 2 giờ", "Quá hạn 15 phút", "Tạm dừng, còn 3 giờ" at the given moment. */
export function useCountdownText() {
  const { t, i18n } = useTranslation();
  return (clock: CountdownInput, now: number): { text: string; overdue: boolean } => {
    const span = (seconds: number) => formatSpan(seconds, i18n.language);
    switch (clock.state) {
      case 'pending':
        return { text: t('clocks.notStarted'), overdue: false };
      case 'paused':
        return {
          text:
            clock.remainingSeconds === null
              ? t('clockState.paused')
              : clock.remainingSeconds >= 0
                ? t('clocks.pausedLeft', { time: span(clock.remainingSeconds) })
                : t('clocks.pausedOverdue', { time: span(clock.remainingSeconds) }),
          overdue: (clock.remainingSeconds ?? 0) < 0,
        };
      case 'met': {
        const early =
          clock.dueAt && clock.stoppedAt
            ? secondsUntil(clock.dueAt, new Date(clock.stoppedAt).getTime())
            : null;
        return {
          text:
            early !== null && early < 0
              ? t('clocks.metLate', { time: span(early) })
              : t('clocks.met'),
          overdue: false,
        };
      }
      case 'breached': {
        const end = clock.stoppedAt ? new Date(clock.stoppedAt).getTime() : now;
        const left = secondsUntil(clock.dueAt, end);
        return {
          text:
            left === null ? t('clockState.breached') : t('clocks.overdue', { time: span(left) }),
          overdue: true,
        };
      }
      case 'running': {
        const left = secondsUntil(clock.dueAt, now) ?? clock.remainingSeconds;
        if (left === null) return { text: t('clockState.running'), overdue: false };
        return left >= 0
          ? { text: t('clocks.left', { time: span(left) }), overdue: false }
          : { text: t('clocks.overdue', { time: span(left) }), overdue: true };
      }
      default:
        return { text: '', overdue: false };
    }
  };
}
