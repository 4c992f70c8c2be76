import {
  Anchor,
  Button,
  Group,
  Kbd,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDepartments, useUsers } from '../../api/catalog.ts';
import {
  channelSchema,
  listComplaintsQuery,
  statusSchema,
  type ComplaintListItem,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SeverityBadge, StatusBadge } from '../../ui/status-badge.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { QueueDueBadge } from '../sla/due-badge.tsx';
import { useNow, useOrgTimeZone } from '../sla/time.ts';
import { useComplaintList, type QueueQuery } from './complaints.api.ts';
import { ReasonSelect } from './reason-select.tsx';

const PAGE_SIZE = 25;

type SortableColumn = 'reference' | 'status' | 'severity' | 'createdAt' | 'due';

const QUEUE_SORTS = listComplaintsQuery.shape.sort.unwrap().options;
type QueueSort = (typeof QUEUE_SORTS)[number];
const DUE_FILTERS = listComplaintsQuery.shape.due.unwrap().options;
type DueFilter = (typeof DUE_FILTERS)[number];

/** The sorts the API offers for each column, first click first. */
const COLUMN_SORTS: Record<SortableColumn, QueueSort[]> = {
  reference: ['reference', '-reference'],
  status: ['status'],
  severity: ['-severity', 'severity'],
  createdAt: ['-createdAt', 'createdAt'],
  due: ['dueAt'],
};

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable ||
    target.closest('[role="dialog"], [role="listbox"], [role="menu"]') !== null
  );
}

function isSort(value: string | null): value is QueueSort {
  return value !== null && (QUEUE_SORTS as readonly string[]).includes(value);
}

export function ComplaintQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const searchRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [selected, setSelected] = useState(0);

  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const sortParam = params.get('sort');
  // My work is sorted by the next due time; everyone's by arrival.
  const defaultSort: QueueSort = scope === 'mine' ? 'dueAt' : '-createdAt';
  const sort: QueueSort = isSort(sortParam) ? sortParam : defaultSort;
  const dueParam = params.get('due');
  const due = (DUE_FILTERS as readonly string[]).includes(dueParam ?? '')
    ? (dueParam as DueFilter)
    : undefined;
  const now = useNow(30_000);
  const timeZone = useOrgTimeZone();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);

  const update = (changes: Record<string, string | null>, resetPage = true) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) update({ q: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const query: QueueQuery = {
    scope,
    status: statusSchema.safeParse(params.get('status')).data,
    reasonId: params.get('reasonId') ?? undefined,
    channel: channelSchema.safeParse(params.get('channel')).data,
    ownerId: params.get('ownerId') ?? undefined,
    departmentId: params.get('departmentId') ?? undefined,
    q: params.get('q') ?? undefined,
    due,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useComplaintList(query);
  const items = list.data?.items ?? [];
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const users = useUsers(user.permissions.includes('user:read'));
  const departments = useDepartments();
  const ownerOptions = useMemo(() => {
    const others = (users.data ?? [])
      .filter((u) => u.active && u.id !== user.id)
      .map((u) => ({ value: u.id, label: u.name }));
    return [{ value: user.id, label: t('queue.ownerMe', { name: user.name }) }, ...others];
  }, [users.data, user.id, user.name, t]);

  useEffect(() => {
    setSelected((current) => Math.min(current, Math.max(0, items.length - 1)));
  }, [items.length]);

  useEffect(() => {
    rowRefs.current[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const itemsRef = useRef<ComplaintListItem[]>(items);
  itemsRef.current = items;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'Escape' && event.target === searchRef.current) {
        searchRef.current?.blur();
        return;
      }
      if (isTypingTarget(event.target)) return;
      const current = itemsRef.current;
      switch (event.key) {
        case 'j':
          event.preventDefault();
          setSelected((s) => Math.min(s + 1, Math.max(0, current.length - 1)));
          break;
        case 'k':
          event.preventDefault();
          setSelected((s) => Math.max(s - 1, 0));
          break;
        case 'Enter': {
          // Enter on a focused link or button keeps its own meaning.
          if (event.target instanceof HTMLElement && event.target.closest('a, button')) return;
          const item = current[selectedRef.current];
          if (item) {
            event.preventDefault();
            void navigate(`/complaints/${item.id}`);
          }
          break;
        }
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          break;
        case 'n':
          event.preventDefault();
          void navigate('/complaints/new');
          break;
        case '?':
          event.preventDefault();
          setHelpOpen(true);
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const sortHeader = (column: SortableColumn, label: string): ReactNode => {
    const options = COLUMN_SORTS[column];
    const activeIndex = options.indexOf(sort);
    const active = activeIndex >= 0;
    const direction = active ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
    const nextSort = options[(activeIndex + 1) % options.length] ?? options[0]!;
    return (
      <Table.Th aria-sort={direction}>
        <UnstyledButton
          onClick={() => update({ sort: nextSort === defaultSort ? null : nextSort })}
          fw={700}
          fz="sm"
          data-testid={`queue-sort-${column}`}
        >
          {label}
          <span aria-hidden>
            {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
          </span>
          <VisuallyHidden>
            {' '}
            ({t(active ? `queue.sorted.${direction}` : 'queue.sortable')})
          </VisuallyHidden>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('queue.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setHelpOpen(true)} data-testid="shortcuts-help">
            {t('queue.shortcuts')} <Kbd ml={6}>?</Kbd>
          </Button>
          <Button component={Link} to="/complaints/new" data-testid="queue-new-complaint">
            {t('nav.newComplaint')}
          </Button>
        </Group>
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('queue.filters')}>
        <Stack gap={4}>
          <Text id="queue-scope-label" size="sm" fw={500}>
            {t('queue.scope')}
          </Text>
          <SegmentedControl
            aria-labelledby="queue-scope-label"
            value={scope}
            onChange={(value) => update({ scope: value === 'all' ? 'all' : null })}
            data={[
              { value: 'mine', label: t('queue.mine') },
              { value: 'all', label: t('queue.all') },
            ]}
            data-testid="queue-scope"
          />
        </Stack>
        <TextInput
          ref={searchRef}
          type="search"
          label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
          data-testid="queue-search"
        />
        <Select
          label={t('queue.status')}
          placeholder={t('queue.any')}
          clearable
          value={params.get('status')}
          onChange={(value) => update({ status: value })}
          data={statusSchema.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          w={180}
          data-testid="queue-filter-status"
        />
        <ReasonSelect
          label={t('queue.reason')}
          placeholder={t('queue.any')}
          value={params.get('reasonId')}
          onChange={(value) => update({ reasonId: value })}
          w={220}
          data-testid="queue-filter-reason"
        />
        <Select
          label={t('queue.channel')}
          placeholder={t('queue.any')}
          clearable
          value={params.get('channel')}
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
          value={params.get('ownerId')}
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
          value={params.get('departmentId')}
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

      <ErrorAlert error={list.error} />

      {list.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={1320} type="native">
          <Table highlightOnHover verticalSpacing="sm" data-testid="queue-table">
            <caption>
              <VisuallyHidden>
                {t('queue.caption', { total: list.data?.total ?? 0 })}
              </VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                {sortHeader('reference', t('queue.col.reference'))}
                {sortHeader('status', t('queue.col.status'))}
                {sortHeader('severity', t('queue.col.severity'))}
                {sortHeader('due', t('dueFilter.column'))}
                <Table.Th>{t('queue.col.customer')}</Table.Th>
                <Table.Th>{t('queue.col.reason')}</Table.Th>
                <Table.Th>{t('queue.col.channel')}</Table.Th>
                <Table.Th>{t('queue.col.owner')}</Table.Th>
                {sortHeader('createdAt', t('queue.col.createdAt'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Text py="lg" ta="center" data-testid="queue-empty">
                      {t('queue.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((item, index) => (
                <Table.Tr
                  key={item.id}
                  ref={(el) => {
                    rowRefs.current[index] = el;
                  }}
                  className="queue-row"
                  data-testid="queue-row"
                  data-complaint-id={item.id}
                  data-selected={index === selected ? 'true' : 'false'}
                  onClick={() => {
                    setSelected(index);
                    void navigate(`/complaints/${item.id}`);
                  }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      component={Link}
                      to={`/complaints/${item.id}`}
                      fw={600}
                      onClick={(e) => e.stopPropagation()}
                      data-testid="queue-row-link"
                    >
                      {item.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <SeverityBadge severity={item.severity} />
                  </Table.Td>
                  <Table.Td>
                    <QueueDueBadge item={item} now={now} timeZone={timeZone} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.customerName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.customerPhone ?? item.customerEmail ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.reasonName ?? '—'}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1} maw={280}>
                      {item.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`channel.${item.channel}`)}</Table.Td>
                  <Table.Td>{item.ownerName ?? t('queue.unassigned')}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(item.createdAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group justify="space-between">
        <Text size="sm" data-testid="queue-total">
          {list.data?.totalIsCapped
            ? t('queue.totalCapped', { count: list.data.total })
            : t('queue.total', { count: list.data?.total ?? 0 })}
        </Text>
        <Pagination
          total={totalPages}
          value={page}
          onChange={(value) => update({ page: value === 1 ? null : String(value) }, false)}
          getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          withEdges
          data-testid="queue-pagination"
        />
      </Group>

      <VisuallyHidden aria-live="polite" data-testid="queue-selection-status">
        {items[selected] ? t('queue.selected', { reference: items[selected].reference }) : ''}
      </VisuallyHidden>

      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}

function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['j', t('shortcuts.next')],
    ['k', t('shortcuts.previous')],
    ['Enter', t('shortcuts.open')],
    ['/', t('shortcuts.search')],
    ['n', t('shortcuts.new')],
    ['?', t('shortcuts.help')],
  ];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="shortcuts-modal"
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.key')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, label]) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
