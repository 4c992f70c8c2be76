import { Button, Group, Kbd, Pagination, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useComplaintList } from './complaints.api.ts';
import { useQueueViews } from './queue.api.ts';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { QueueBulkBar } from './queue-bulk-bar.tsx';
import { queueCountText, queuePageCount } from './queue-count.ts';
import { QueueFilters } from './queue-filters.tsx';
import { PAGE_SIZE, useQueueParams } from './queue-params.ts';
import { useQueueSelection } from './queue-selection.ts';
import { useQueueShortcuts } from './queue-shortcuts.ts';
import { QueueTable } from './queue-table.tsx';
import { QueueViews } from './queue-views.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';

/**
 * The work queue: filters in the URL, a sortable table, saved views, bulk actions and keyboard
 * shortcuts. Opened without filters, it shows the person's default view (their own, or their
 * role's: an agent's cases and the ones nobody has taken yet).
 */
export function ComplaintQueuePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queue.title'));
  const navigate = useNavigate();
  const user = useCurrentUser();
  const params = useQueueParams();
  const views = useQueueViews();
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const { isFresh, apply } = params;
  useEffect(() => {
    if (!isFresh) return;
    if (views.data) apply(views.data.defaultQuery);
    else if (views.isError) apply({ scope: 'all' });
  }, [isFresh, views.data, views.isError]);

  const list = useComplaintList(params.query, !isFresh);
  const items = list.data?.items ?? [];
  const countText = list.data ? queueCountText(t, list.data, i18n.language) : '';
  const totalPages = list.data ? queuePageCount(list.data, PAGE_SIZE) : 1;
  const open = (id: string) => void navigate(`/complaints/${id}`);
  const ticks = useQueueSelection(items.map((i) => i.id));
  const selection = user.permissions.includes('complaint:update') ? ticks : undefined;
  const { selected, setSelected, rowRefs } = useQueueShortcuts({
    items,
    searchRef,
    onOpen: (item) => open(item.id),
    onNew: () => void navigate('/complaints/new'),
    onHelp: () => setHelpOpen(true),
    selection,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('queue.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setHelpOpen(true)} data-testid="shortcuts-help">
            {t('queue.shortcuts')} <Kbd ml={6}>?</Kbd>
          </Button>
          <ExportMenu
            path="/api/complaints/export"
            params={{ ...params.query, page: undefined, pageSize: undefined }}
            testId="queue-export"
          />
          <Button component={Link} to="/complaints/new" data-testid="queue-new-complaint">
            {t('nav.newComplaint')}
          </Button>
        </Group>
      </Group>

      <QueueViews params={params} views={views.data?.items ?? []} />
      <QueueFilters params={params} searchRef={searchRef} />

      <ErrorAlert error={list.error} />
      {selection && <QueueBulkBar items={items} selection={selection} />}

      {list.isPending ? (
        <PageLoader />
      ) : (
        <QueueTable
          items={items}
          countText={countText}
          params={params}
          selected={selected}
          rowRefs={rowRefs}
          selection={selection}
          onOpen={(index) => {
            setSelected(index);
            open(items[index]!.id);
          }}
        />
      )}

      <Group justify="space-between">
        <Text size="sm" data-testid="queue-total">
          {countText}
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
