import { ExportMenu } from '../../ui/export-menu.tsx';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReasonName, useReasons } from '../../api/catalog.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { problemStatuses } from './problem-words.ts';
import { NewProblemDialog } from './new-problem-dialog.tsx';
import { ProblemBoard } from './problem-board.tsx';
import { ProblemStatusBadge, useUserOptions } from './problem-ui.tsx';
import { useProblems, type ProblemsQuery } from './problems.api.ts';

type StatusFilter = NonNullable<ProblemsQuery['status']>;
const STATUS_FILTERS: StatusFilter[] = ['active', 'all', ...problemStatuses];
const PAGE_SIZE = 25;
const BOARD_SIZE = 200;

/** Step 8's records: a list to search and page, or a board by status, with "New problem". */
export function ProblemsPage() {
  const { t } = useTranslation();
  usePageTitle(t('problems.title'));
  const format = useFormat();
  const can = useHasPermission();
  const reasonName = useReasonName();
  const reasons = useReasons();
  const owners = useUserOptions();
  const [view, setView] = useState<'list' | 'board'>('list');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const board = view === 'board';
  const query: ProblemsQuery = {
    // The board shows every column, closed and rejected too.
    status: board ? 'all' : status,
    ...(ownerId ? { ownerId } : {}),
    ...(reasonId ? { reasonId } : {}),
    ...(q ? { q } : {}),
    page: board ? 1 : page,
    pageSize: board ? BOARD_SIZE : PAGE_SIZE,
  };
  const list = useProblems(query);
  const items = list.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('problems.title')}</Title>
        <Group gap="xs">
          <ExportMenu
            path="/api/problems/export"
            params={{ ...query, page: undefined, pageSize: undefined }}
            testId="problems-export"
          />
          {can('problem:write') && (
            <Button onClick={() => setCreating(true)} data-testid="problem-new">
              {t('problems.new.open')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('problems.pageHelp')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('problems.view.label')}
          value={view}
          onChange={(v) => setView(v === 'board' ? 'board' : 'list')}
          data={[
            { value: 'list', label: t('problems.view.list') },
            { value: 'board', label: t('problems.view.board') },
          ]}
          data-testid="problems-view"
        />
        {!board && (
          <Select
            label={t('problems.filter.status')}
            value={status}
            onChange={(v) => filter(setStatus)((v as StatusFilter | null) ?? 'active')}
            data={STATUS_FILTERS.map((s) => ({
              value: s,
              label:
                s === 'active' || s === 'all'
                  ? t(`problems.filter.${s}`)
                  : t(`problems.status.${s}`),
            }))}
            allowDeselect={false}
            w={170}
            data-testid="problems-filter-status"
          />
        )}
        <Select
          label={t('problems.filter.owner')}
          placeholder={t('problems.filter.anyone')}
          value={ownerId}
          onChange={filter(setOwnerId)}
          data={owners}
          searchable
          clearable
          w={200}
          data-testid="problems-filter-owner"
        />
        <Select
          label={t('problems.filter.reason')}
          placeholder={t('problems.filter.anyReason')}
          value={reasonId}
          onChange={filter(setReasonId)}
          data={(reasons.data ?? []).map((r) => ({ value: r.id, label: reasonName(r) }))}
          searchable
          clearable
          w={200}
          data-testid="problems-filter-reason"
        />
        <TextInput
          label={t('problems.filter.text')}
          placeholder={t('problems.filter.textPlaceholder')}
          value={text}
          onChange={(e) => filter(setText)(e.currentTarget.value)}
          w={220}
          data-testid="problems-filter-text"
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <PageLoader />}
      {!list.isPending && items.length === 0 && (
        <Text data-testid="problems-empty">{t('problems.empty')}</Text>
      )}
      {board && !list.isPending && <ProblemBoard items={items} />}
      {!board && items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="problems-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('problems.col.reference')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.title')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.status')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.owner')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.reason')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.complaints')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.openActions')}</Table.Th>
                  <Table.Th scope="col">{t('problems.col.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} data-testid="problem-row" data-reference={p.reference}>
                    <Table.Td>
                      <Anchor component={Link} to={`/problems/${p.id}`}>
                        {p.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.title}</Table.Td>
                    <Table.Td>
                      <ProblemStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{p.reasonName ?? '—'}</Table.Td>
                    <Table.Td>{p.linkedComplaints}</Table.Td>
                    <Table.Td>
                      {p.openActions > 0 ? (
                        <Badge variant="outline" color="gray.8">
                          {p.openActions}
                        </Badge>
                      ) : (
                        0
                      )}
                    </Table.Td>
                    <Table.Td>{format.dateTime(p.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': t(`problems.paging.${control}`),
              })}
              getItemProps={(n) => ({ 'aria-label': t('problems.paging.page', { page: n }) })}
              data-testid="problems-pagination"
            />
          )}
        </>
      )}
      {creating && <NewProblemDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
