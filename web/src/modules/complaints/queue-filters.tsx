import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../../api/catalog.ts';
import { useCurrentUser } from '../../app/session.ts';
import {
  channelSchema,
  statusSchema,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { DUE_FILTERS, UNASSIGNED, type QueueParams, type QueueScope } from './queue-params.ts';
import { ReasonSelect } from './reason-select.tsx';

/** The label of each scope: whose cases the queue shows. */
export const SCOPE_LABELS: Record<QueueScope, string> = {
  mineAndUnassigned: 'queueViews.mineAndUnassigned',
  mine: 'queue.mine',
  unassigned: 'queue.unassigned',
  all: 'queue.all',
};

const SCOPE_ORDER: QueueScope[] = ['mineAndUnassigned', 'mine', 'unassigned', 'all'];

/** Scope, search and filters of the queue, and the due chips below them. */
export function QueueFilters({
  params,
  searchRef,
}: {
  params: QueueParams;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const users = useUsers(user.permissions.includes('user:read'));
  const departments = useDepartments();
  const { update, get, due } = params;
  const ownerOptions = useMemo(() => {
    const others = (users.data ?? [])
      .filter((u) => u.active && u.id !== user.id)
      .map((u) => ({ value: u.id, label: u.name }));
    return [
      { value: user.id, label: t('queue.ownerMe', { name: user.name }) },
      { value: UNASSIGNED, label: t('queue.unassigned') },
      ...others,
    ];
  }, [users.data, user.id, user.name, t]);

  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('queue.filters')}>
        <Stack gap={4}>
          <Text id="queue-scope-label" size="sm" fw={500}>
            {t('queue.scope')}
          </Text>
          <SegmentedControl
            aria-labelledby="queue-scope-label"
            value={params.scope}
            onChange={(value) => update({ scope: value, sort: null })}
            data={SCOPE_ORDER.map((scope) => ({ value: scope, label: t(SCOPE_LABELS[scope]) }))}
            data-testid="queue-scope"
          />
        </Stack>
        <TextInput
          ref={searchRef}
          type="search"
          label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          value={params.search}
          onChange={(e) => params.setSearch(e.currentTarget.value)}
          w={240}
          data-testid="queue-search"
        />
        {params.query.q && (
          <Stack gap={4}>
            <Text id="queue-order-label" size="sm" fw={500}>
              {t('queueViews.order')}
            </Text>
            <SegmentedControl
              aria-labelledby="queue-order-label"
              value={params.sort === 'dueAt' ? 'dueAt' : 'relevance'}
              onChange={(value) => update({ sort: value === params.defaultSort ? null : value })}
              data={[
                { value: 'relevance', label: t('queueViews.relevance') },
                { value: 'dueAt', label: t('queueViews.byDue') },
              ]}
              data-testid="queue-order"
            />
          </Stack>
        )}
        <Select
          label={t('queue.status')}
          placeholder={t('queue.any')}
          clearable
          value={get('status')}
          onChange={(value) => update({ status: value })}
          data={statusSchema.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          w={180}
          data-testid="queue-filter-status"
        />
        <ReasonSelect
          label={t('queue.reason')}
          placeholder={t('queue.any')}
          value={get('reasonId')}
          onChange={(value) => update({ reasonId: value })}
          w={220}
          data-testid="queue-filter-reason"
        />
        <Select
          label={t('queue.channel')}
          placeholder={t('queue.any')}
          clearable
          value={get('channel')}
          onChange={(value) => update({ channel: value })}
          data={channelSchema.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          w={160}
          data-testid="queue-filter-channel"
        />
        <Select
          label={t('queue.owner')}
          placeholder={t('queue.any')}
          clearable
          searchable
          value={get('ownerId')}
          onChange={(value) => update({ ownerId: value })}
          data={ownerOptions}
          w={200}
          data-testid="queue-filter-owner"
        />
        <Select
          label={t('queue.department')}
          placeholder={t('queue.any')}
          clearable
          searchable
          value={get('departmentId')}
          onChange={(value) => update({ departmentId: value })}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          w={200}
          data-testid="queue-filter-department"
        />
      </Group>

      <Group gap="xs" role="group" aria-label={t('dueFilter.label')}>
        {DUE_FILTERS.map((value) => (
          <Button
            key={value}
            size="compact-sm"
            radius="xl"
            variant={due === value ? 'filled' : 'default'}
            aria-pressed={due === value}
            onClick={() => update({ due: due === value ? null : value })}
            data-testid={`queue-filter-due-${value}`}
          >
            {t(`dueFilter.${value}`)}
          </Button>
        ))}
      </Group>
    </>
  );
}
