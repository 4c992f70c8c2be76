import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useLiveEvents } from '../notices/live.ts';
import { followUpKeys, useFollowUps, type FollowUpScope } from './follow-ups.api.ts';

/**
 * The follow-ups queue: the manager's updates and call-backs due, nearest first, live. Each row
 * opens the case, where the task is recorded.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  usePageTitle(t('followUps.title'));
  const format = useFormat();
  const can = useHasPermission();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<FollowUpScope>('mine');
  const list = useFollowUps(scope);
  useLiveEvents(['notice', 'ready'], () => {
    void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
  });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('followUps.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('followUps.pageHelp')}
      </Text>
      {can('complaint:assign') && (
        <SegmentedControl
          aria-label={t('followUps.scope')}
          value={scope}
          onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
          data={[
            { value: 'mine', label: t('followUps.scopeMine') },
            { value: 'all', label: t('followUps.scopeAll') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {!list.isPending && items.length === 0 && (
        <Text data-testid="follow-ups-empty">{t('followUps.empty')}</Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="follow-ups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followUps.case')}</Table.Th>
                <Table.Th>{t('followUps.task')}</Table.Th>
                <Table.Th>{t('followUps.customer')}</Table.Th>
                <Table.Th>{t('followUps.assigneeColumn')}</Table.Th>
                <Table.Th>{t('followUps.dueColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id} data-testid="follow-up-row" data-reference={f.reference}>
                  <Table.Td>
                    <Anchor component={Link} to={`/complaints/${f.complaintId}`}>
                      {f.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {t(`followUps.kind.${f.kind}`)}
                      {f.attempts > 0 && (
                        <Badge variant="outline" color="gray.7">
                          {t('followUps.tries', { count: f.attempts })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{f.customerName}</Table.Td>
                  <Table.Td>{f.assigneeName ?? t('queue.unassigned')}</Table.Td>
                  <Table.Td>
                    {f.isOverdue && (
                      <Badge color="red.8" mr={6}>
                        {t('followUps.overdue')}
                      </Badge>
                    )}
                    {f.nextAttemptAt
                      ? t('followUps.nextTry', { at: format.dateTime(f.nextAttemptAt) })
                      : f.dueAt
                        ? format.dateTime(f.dueAt)
                        : t('followUps.noTarget')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
