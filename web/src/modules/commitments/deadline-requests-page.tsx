import {
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useLiveEvents } from '../notices/live.ts';
import { DueField } from '../sla/due-field.tsx';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useNow, useOrgTimeZone, wallToIso } from '../sla/time.ts';
import {
  commitmentKeys,
  DEADLINE_PAGE_SIZE,
  useAnswerDeadline,
  useDeadlineRequests,
  type DeadlineRequest,
  DEADLINE_SCOPES,
  DEADLINE_STATUS_TABS,
  type DeadlineScope,
  type DeadlineStatusFilter,
} from './commitments.api.ts';
import { DeadlineRequestSummary } from './deadline-request-card.tsx';

/**
 * Responders: the open deadline requests of my department, live, each with an answer form, a
 * page at a time with the total.
 */
export function DeadlineRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('deadlineRequests.title'));
  const queryClient = useQueryClient();
  const can = useHasPermission();
  const canAnswer = can('deadline:answer');
  const [status, setStatus] = useState<DeadlineStatusFilter>('open');
  const [scope, setScope] = useState<DeadlineScope>(canAnswer ? 'department' : 'mine');
  const [page, setPage] = useState(1);
  const list = useDeadlineRequests(status, scope, page);
  const timeZone = useOrgTimeZone();
  const now = useNow(30_000);

  // New, answered and cancelled requests arrive over the live stream; no polling.
  useLiveEvents(['deadline_request', 'ready'], () => {
    void queryClient.invalidateQueries({ queryKey: commitmentKeys.deadlineRequests });
  });

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const totalPages = Math.max(1, Math.ceil(total / DEADLINE_PAGE_SIZE));
  return (
    <Stack gap="md">
      <Title order={1}>{t('deadlineRequests.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('deadlineRequests.pageHelp')}
      </Text>
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('deadlineRequests.scope')}
          value={scope}
          onChange={(value) => {
            const picked = DEADLINE_SCOPES.find((s) => s === value);
            if (picked) {
              setScope(picked);
              setPage(1);
            }
          }}
          allowDeselect={false}
          data={DEADLINE_SCOPES.map((s) => ({
            value: s,
            label: t(`deadlineRequests.scopes.${s}`),
          }))}
          w={240}
          data-testid="deadline-requests-scope"
        />
      </Group>
      <Tabs
        value={status}
        onChange={(value) => {
          const picked = DEADLINE_STATUS_TABS.find((s) => s === value);
          if (picked) {
            setStatus(picked);
            setPage(1);
          }
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('deadlineRequests.tabs')}>
          {DEADLINE_STATUS_TABS.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`deadline-requests-tab-${s}`}>
              {t(`deadlineRequests.tab.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={status} pt="md">
          <ErrorAlert error={list.error} />
          {list.isPending ? (
            <PageLoader />
          ) : items.length === 0 ? (
            <Text py="lg" data-testid="deadline-requests-empty">
              {t('deadlineRequests.empty')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="deadline-requests-list">
              {items.map((request) => (
                <Paper
                  key={request.id}
                  withBorder
                  p="md"
                  radius="md"
                  data-testid="deadline-request-row"
                  data-status={request.status}
                  data-request-id={request.id}
                >
                  <DeadlineRequestSummary
                    request={request}
                    now={now}
                    timeZone={timeZone}
                    heading={
                      <Text fw={600} size="sm">
                        <Anchor component={Link} to={`/complaints/${request.complaintId}`} fw={700}>
                          {request.complaintReference}
                        </Anchor>
                        {' · '}
                        {request.customerName}
                        {' · '}
                        {request.departmentName}
                      </Text>
                    }
                  >
                    {canAnswer && request.status === 'open' && (
                      <AnswerForm request={request} timeZone={timeZone} />
                    )}
                  </DeadlineRequestSummary>
                </Paper>
              ))}
            </Stack>
          )}
          {total > 0 && (
            <Group justify="space-between" mt="md">
              <Text size="sm" data-testid="deadline-requests-total">
                {t('deadlineRequests.total', { count: total })}
              </Text>
              {totalPages > 1 && (
                <Pagination
                  total={totalPages}
                  value={Math.min(page, totalPages)}
                  onChange={setPage}
                  getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                  withEdges
                  data-testid="deadline-requests-pagination"
                />
              )}
            </Group>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Tomorrow 17:00 in the org's zone: a starting point the responder changes as needed. */
function defaultAnswerDue(timeZone: string): string | null {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(tomorrow);
  return wallToIso(`${day} 17:00:00`, timeZone) ?? null;
}

function AnswerForm({ request, timeZone }: { request: DeadlineRequest; timeZone: string }) {
  const { t } = useTranslation();
  const answer = useAnswerDeadline();
  const [dueAt, setDueAt] = useState<string | null>(() => defaultAnswerDue(timeZone));
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const errors = splitApiError(answer.error, ['dueAt', 'note']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dueAt) {
      setMissing(t('commitments.dueRequired'));
      return;
    }
    setMissing(undefined);
    answer.mutate(
      { id: request.id, dueAt, note: optionalText(note) },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('deadlineRequests.answered') }),
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('deadlineRequests.answerFor', { reference: request.complaintReference })}
      data-testid="deadline-answer-form"
    >
      <Stack gap="xs" pt="xs">
        <ErrorAlert error={errors.general} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ minWidth: 240 }}>
            <DueField
              label={t('deadlineRequests.answerDue')}
              value={dueAt}
              onChange={setDueAt}
              timeZone={timeZone}
              required
              error={missing ?? errors.field.dueAt}
              testId="deadline-answer-due"
            />
          </div>
          <Textarea
            label={t('deadlineRequests.note')}
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.field.note}
            style={{ flex: 1, minWidth: 220 }}
            data-testid="deadline-answer-note"
          />
        </Group>
        <Group>
          <Button type="submit" loading={answer.isPending} data-testid="deadline-answer-submit">
            {t('deadlineRequests.answer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
