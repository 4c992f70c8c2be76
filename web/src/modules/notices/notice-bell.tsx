import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { commitmentKeys } from '../commitments/commitments.api.ts';
import { useOrgTimeZone, useZoneFormat } from '../sla/time.ts';
import { useLiveConnection, useLiveEvents } from './live.ts';
import { useRefetchOnLanguageChange } from './use-language-refetch.ts';
import { noticeKind } from '../../../../src/modules/notices/notices.contract.ts';
import { noticeKeys, useMarkNoticesRead, useNotices, type Notice } from './notices.api.ts';

const CLOCK_KINDS: readonly string[] = ['sla_warning', 'sla_breach', 'escalation'];

/**
 * One sentence per entry, in the reader's language. An entry stands for the notices of one case
 * and kind; with several clocks it names each of them once.
 */
/** Where a notice leads: its case, or (step 8) its problem. */
function linkOf(notice: { complaintId: string | null; data: Record<string, unknown> }) {
  if (notice.complaintId) return `/complaints/${notice.complaintId}`;
  const problemId = notice.data.problemId;
  if (typeof problemId === 'string') return `/problems/${problemId}`;
  // A webhook switched off after failures: its admin page, where it is switched back on.
  return typeof notice.data.endpointId === 'string' ? '/admin/webhooks' : undefined;
}

export function useNoticeText() {
  const { t, i18n } = useTranslation();
  const timeZone = useOrgTimeZone();
  const format = useZoneFormat(timeZone);
  return (notice: Pick<Notice, 'kind' | 'data'> & { clocks?: readonly string[] }): string => {
    const data = notice.data;
    const str = (value: unknown) =>
      typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    const clock = str(data.clock);
    const kind = noticeKind.safeParse(notice.kind).data ?? 'unknown';
    const clocks = notice.clocks ?? [];
    const isMany = clocks.length > 1 && CLOCK_KINDS.includes(kind);
    const separator = i18n.language === 'zh' ? '、' : ', ';
    return t(isMany ? `notices.kindMany.${kind}` : `notices.kind.${kind}`, {
      reference: str(data.reference) || t('notices.aComplaint'),
      clock: isMany
        ? clocks.map((c) => t(`clockKind.${c}`, c)).join(separator)
        : clock
          ? t(`clockKind.${clock}`, clock)
          : '',
      level: str(data.level),
      due: typeof data.dueAt === 'string' ? format.dateTime(data.dueAt) : '',
      question: str(data.question),
    });
  };
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the app header: unread count, the list of notices, mark read. It also keeps the live
 * stream open for the whole app and shows a toast when a notice arrives.
 */
export function NoticeBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notices = useNotices();
  const markRead = useMarkNoticesRead();
  const text = useNoticeText();
  const format = useZoneFormat(useOrgTimeZone());
  const [opened, setOpened] = useState(false);
  // One toast per case and kind while it shows: a clock jump that breaches several clocks of a
  // case updates one toast instead of stacking one per clock.
  const toasts = useRef(
    new Map<string, { kind: Notice['kind']; data: Record<string, unknown>; clocks: string[] }>(),
  );

  useLiveConnection(true);
  useRefetchOnLanguageChange();
  useLiveEvents(['notice', 'deadline_request', 'ready'], (type, data) => {
    if (type === 'deadline_request') {
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.deadlineRequests });
      return;
    }
    void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
    // A follow-up task arriving (step 6) is news for the follow-ups screen, not a notice.
    const isNotice = noticeKind.safeParse(data.kind).success;
    if (type === 'notice' && typeof data.kind === 'string' && isNotice) {
      const kind = data.kind as Notice['kind'];
      const noticeData = (data.data ?? {}) as Record<string, unknown>;
      const id = `notice:${kind}:${typeof data.complaintId === 'string' ? data.complaintId : String(data.id)}`;
      const previous = toasts.current.get(id);
      const clock = typeof noticeData.clock === 'string' ? noticeData.clock : null;
      const clocks = [...new Set([...(previous?.clocks ?? []), ...(clock ? [clock] : [])])];
      toasts.current.set(id, { kind, data: noticeData, clocks });
      const toast = {
        id,
        color: kind === 'sla_breach' || kind === 'escalation' ? 'red' : 'blue',
        title: t('notices.new'),
        message: text({ kind, data: noticeData, clocks }),
        // With a title Mantine greys the text to 3.3:1; keep it readable.
        styles: { description: { color: 'var(--mantine-color-text)' } },
        autoClose: 8000,
        onClose: () => toasts.current.delete(id),
      };
      // Updates the toast of the group if it is showing, or shows it.
      notifications.update(toast);
      notifications.show(toast);
    }
  });

  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];
  const label = t('notices.bell', { count: unread });

  return (
    // The indicator wraps the popover, not its target: Popover.Target puts aria-expanded on its
    // direct child, which must be the button (on the indicator's <div> it is not allowed).
    <Indicator
      disabled={unread === 0}
      label={
        <span data-testid="notice-badge" data-count={unread}>
          {unread > 99 ? '99+' : unread}
        </span>
      }
      size={18}
      color="red.9"
      offset={4}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={360}
        shadow="md"
        withinPortal
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={() => setOpened((o) => !o)}
            data-testid="notice-bell"
            data-unread={unread}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Box role="dialog" aria-label={t('notices.title')} data-testid="notice-list">
            <Group justify="space-between" p="sm" gap="xs">
              <Text fw={700} size="sm">
                {t('notices.title')}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={unread === 0}
                loading={markRead.isPending && markRead.variables === 'all'}
                onClick={() => markRead.mutate('all')}
                data-testid="notice-mark-all"
              >
                {t('notices.markAll')}
              </Button>
            </Group>
            <ErrorAlert error={notices.error ?? markRead.error} />
            <ScrollArea.Autosize mah={420} type="auto">
              {items.length === 0 ? (
                <Text size="sm" p="sm" c="dimmed" data-testid="notice-empty">
                  {t('notices.empty')}
                </Text>
              ) : (
                <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
                  {items.map((notice) => (
                    <Box
                      component="li"
                      key={notice.id}
                      p="sm"
                      data-testid="notice-item"
                      data-kind={notice.kind}
                      data-count={notice.count}
                      data-read={notice.readAt ? 'true' : 'false'}
                      bg={notice.readAt ? undefined : 'blue.0'}
                      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                    >
                      <Text size="sm" fw={notice.readAt ? 400 : 600}>
                        {!notice.readAt && <VisuallyHidden>{t('notices.unread')}: </VisuallyHidden>}
                        {linkOf(notice) ? (
                          <Anchor
                            component={Link}
                            to={linkOf(notice) ?? '/'}
                            inherit
                            onClick={() => {
                              if (!notice.readAt) markRead.mutate([notice.id]);
                              setOpened(false);
                            }}
                            data-testid="notice-link"
                          >
                            {text(notice)}
                          </Anchor>
                        ) : (
                          text(notice)
                        )}
                      </Text>
                      <Group justify="space-between" gap="xs" mt={4}>
                        <Group gap={6}>
                          <Text size="xs" c="dimmed">
                            {format.dateTime(notice.createdAt)}
                            {notice.count > 1
                              ? ` · ${t('notices.since', { time: format.dateTime(notice.firstAt) })}`
                              : ''}
                          </Text>
                          {notice.count > 1 && (
                            <Badge
                              size="xs"
                              variant="outline"
                              color="gray.7"
                              style={{ color: 'var(--mantine-color-gray-8)' }}
                              data-testid="notice-count"
                            >
                              {t('notices.count', { count: notice.count })}
                            </Badge>
                          )}
                        </Group>
                        {!notice.readAt ? (
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => markRead.mutate([notice.id])}
                            data-testid="notice-mark-read"
                          >
                            {t('notices.markRead')}
                          </Button>
                        ) : (
                          <Badge
                            size="xs"
                            color="gray.7"
                            variant="outline"
                            style={{ color: 'var(--mantine-color-gray-8)' }}
                          >
                            {t('notices.read')}
                          </Badge>
                        )}
                      </Group>
                    </Box>
                  ))}
                </Stack>
              )}
            </ScrollArea.Autosize>
          </Box>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
