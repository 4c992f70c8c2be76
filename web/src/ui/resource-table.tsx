import { Badge, Box, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One column of a resource list: its header and how a record (at a tree depth) shows in it. */
export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (item: T, depth: number) => ReactNode;
};

export type ListRow<T> = { item: T; depth: number };

/** A record's edit and delete buttons, named after the record for screen readers. */
export function RowActions({
  name,
  testId,
  onEdit,
  onDelete,
  size = 'compact-sm',
}: {
  name: string;
  testId: string;
  onEdit: () => void;
  onDelete?: () => void;
  size?: 'compact-sm' | 'compact-xs';
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button
        variant="default"
        size={size}
        onClick={onEdit}
        aria-label={t('common.editNamed', { name })}
        data-testid={`${testId}-edit`}
      >
        {t('common.edit')}
      </Button>
      {onDelete && (
        <Button
          variant="outline"
          color="red.9"
          size={size}
          onClick={onDelete}
          aria-label={t('common.deleteNamed', { name })}
          data-testid={`${testId}-delete`}
        >
          {t('common.delete')}
        </Button>
      )}
    </Group>
  );
}

/** The rows of a resource as a table with an actions column, or the empty state. */
export function ResourceTable<T extends { id: string }>({
  rows,
  columns,
  testId,
  listTestId,
  minWidth,
  striped,
  isTree,
  selectedId,
  itemName,
  onEdit,
  onDelete,
}: {
  rows: ListRow<T>[];
  columns: Column<T>[];
  testId: string;
  listTestId: string;
  minWidth: number;
  striped?: boolean;
  isTree: boolean;
  selectedId?: string | null;
  itemName: (item: T) => string;
  onEdit: (item: T) => void;
  onDelete?: (item: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped={striped} data-testid={listTestId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key}>{column.header}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length + 1}>{t('common.empty')}</Table.Td>
            </Table.Tr>
          )}
          {rows.map(({ item, depth }) => (
            <Table.Tr
              key={item.id}
              data-testid={`${testId}-row`}
              data-id={item.id}
              data-depth={isTree ? depth : undefined}
              aria-selected={selectedId === undefined ? undefined : item.id === selectedId}
            >
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.cell(item, depth)}</Table.Td>
              ))}
              <Table.Td>
                <RowActions
                  name={itemName(item)}
                  testId={testId}
                  onEdit={() => onEdit(item)}
                  onDelete={onDelete ? () => onDelete(item) : undefined}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A tree cell: indented by depth, with a branch mark below the top level. */
export function TreeIndent({ depth, children }: { depth: number; children: ReactNode }) {
  return (
    <Box pl={depth * 24}>
      {depth > 0 && <span aria-hidden>└ </span>}
      {children}
    </Box>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled" autoContrast>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
