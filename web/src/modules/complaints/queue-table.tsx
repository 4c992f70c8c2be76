import { Anchor, Checkbox, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintListItem } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { SeverityBadge, StatusBadge } from '../../ui/status-badge.tsx';
import { QueueDueBadge } from '../sla/due-badge.tsx';
import { useNow, useOrgTimeZone } from '../sla/time.ts';
import type { QueueParams, QueueSort } from './queue-params.ts';
import type { QueueSelection } from './queue-selection.ts';

type SortableColumn = 'reference' | 'status' | 'severity' | 'createdAt' | 'due';

/** The sorts the API offers for each column, first click first. */
const COLUMN_SORTS: Record<SortableColumn, QueueSort[]> = {
  reference: ['reference', '-reference'],
  status: ['status'],
  severity: ['-severity', 'severity'],
  createdAt: ['-createdAt', 'createdAt'],
  due: ['dueAt'],
};

function SortHeader({
  column,
  label,
  params,
}: {
  column: SortableColumn;
  label: string;
  params: QueueParams;
}) {
  const { t } = useTranslation();
  const { sort, defaultSort } = params;
  const options = COLUMN_SORTS[column];
  const activeIndex = options.indexOf(sort);
  const active = activeIndex >= 0;
  const direction = active ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
  const nextSort = options[(activeIndex + 1) % options.length] ?? options[0]!;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => params.update({ sort: nextSort === defaultSort ? null : nextSort })}
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
}

/**
 * The queue's rows with sortable headers; the selected row is the one j, k and Enter act on.
 * With a selection, each row has a tick box for bulk actions (shift-click ticks a range).
 */
export function QueueTable({
  items,
  countText,
  params,
  selected,
  rowRefs,
  onOpen,
  selection,
}: {
  items: ComplaintListItem[];
  /** The count as the page writes it (exact, "more than" or "about"). */
  countText: string;
  params: QueueParams;
  selected: number;
  rowRefs: RefObject<(HTMLTableRowElement | null)[]>;
  onOpen: (index: number) => void;
  selection?: QueueSelection | undefined;
}) {
  const columns = selection ? 10 : 9;
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  const timeZone = useOrgTimeZone();
  return (
    <Table.ScrollContainer minWidth={1320} type="native">
      <Table highlightOnHover verticalSpacing="sm" data-testid="queue-table">
        <caption>
          <VisuallyHidden>{t('queueCount.caption', { text: countText })}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('bulk.selectAll')}
                  checked={selection.allChecked}
                  indeterminate={selection.someChecked}
                  disabled={items.length === 0}
                  onChange={() => selection.toggleAll()}
                  data-testid="queue-select-all"
                />
              </Table.Th>
            )}
            <SortHeader column="reference" label={t('queue.col.reference')} params={params} />
            <SortHeader column="status" label={t('queue.col.status')} params={params} />
            <SortHeader column="severity" label={t('queue.col.severity')} params={params} />
            <SortHeader column="due" label={t('dueFilter.column')} params={params} />
            <Table.Th>{t('queue.col.customer')}</Table.Th>
            <Table.Th>{t('queue.col.reason')}</Table.Th>
            <Table.Th>{t('queue.col.channel')}</Table.Th>
            <Table.Th>{t('queue.col.owner')}</Table.Th>
            <SortHeader column="createdAt" label={t('queue.col.createdAt')} params={params} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
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
              data-ticked={selection?.checked.has(item.id) ? 'true' : 'false'}
              onClick={() => onOpen(index)}
            >
              {selection && (
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={t('bulk.select', { reference: item.reference })}
                    checked={selection.checked.has(item.id)}
                    onChange={() => undefined}
                    onClick={(e) => selection.toggle(index, e.shiftKey)}
                    data-testid="queue-row-select"
                  />
                </Table.Td>
              )}
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
                  {item.customerPhone
                    ? format.phone(item.customerPhone)
                    : (item.customerEmail ?? '')}
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
  );
}
