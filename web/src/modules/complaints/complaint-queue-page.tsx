import { Button, Group, Kbd, Pagination, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useComplaintList } from './complaints.api.ts';
import { QueueFilters } from './queue-filters.tsx';
import { PAGE_SIZE, useQueueParams } from './queue-params.ts';
import { useQueueShortcuts } from './queue-shortcuts.ts';
import { QueueTable } from './queue-table.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';

/** The work queue: filters in the URL, a sortable table, and keyboard shortcuts. */
export function ComplaintQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const navigate = useNavigate();
  const params = useQueueParams();
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const list = useComplaintList(params.query);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const open = (id: string) => void navigate(`/complaints/${id}`);
  const { selected, setSelected, rowRefs } = useQueueShortcuts({
    items,
    searchRef,
    onOpen: (item) => open(item.id),
    onNew: () => void navigate('/complaints/new'),
    onHelp: () => setHelpOpen(true),
  });

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

      <QueueFilters params={params} searchRef={searchRef} />

      <ErrorAlert error={list.error} />

      {list.isPending ? (
        <PageLoader />
      ) : (
        <QueueTable
          items={items}
          total={total}
          params={params}
          selected={selected}
          rowRefs={rowRefs}
          onOpen={(index) => {
            setSelected(index);
            open(items[index]!.id);
          }}
        />
      )}

      <Group justify="space-between">
        <Text size="sm" data-testid="queue-total">
          {list.data?.totalIsCapped
            ? t('queue.totalCapped', { count: total })
            : t('queue.total', { count: total })}
        </Text>
        <Pagination
          total={totalPages}
          value={params.page}
          onChange={(value) => params.update({ page: value === 1 ? null : String(value) }, false)}
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
