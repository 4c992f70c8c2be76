import { Anchor, Group, Paper, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from './echart.tsx';

export type TableColumn = { label: string; align?: 'left' | 'right' };

/**
 * A chart with its title, its definition printed beside it, a table of the same numbers (shown
 * on demand, always there for screen readers), and its downloads.
 */
export function ChartCard(props: {
  chart: string;
  title: string;
  definition: ReactNode;
  option: ChartOption | null;
  height?: number;
  emptyText?: string;
  columns: TableColumn[];
  rows: (string | number)[][];
  downloads: { csv: string; xlsx: string };
}) {
  const { t } = useTranslation();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const table = (
    <Table striped withTableBorder data-testid={`analytics-table-${props.chart}`}>
      <caption>{props.title}</caption>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((c) => (
            <Table.Th key={c.label} style={{ textAlign: c.align ?? 'left' }}>
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row, i) => (
          <Table.Tr key={i}>
            {row.map((v, j) => (
              <Table.Td key={j} style={{ textAlign: props.columns[j]?.align ?? 'left' }}>
                {v}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid={`analytics-chart-${props.chart}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {props.title}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Switch
            size="sm"
            label={t('analytics.showTable')}
            checked={showTable}
            onChange={(e) => setShowTable(e.currentTarget.checked)}
            data-testid={`analytics-table-toggle-${props.chart}`}
          />
          <Anchor href={props.downloads.csv} download size="sm">
            {t('analytics.downloadCsv')}
          </Anchor>
          <Anchor href={props.downloads.xlsx} download size="sm">
            {t('analytics.downloadXlsx')}
          </Anchor>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" id={`${id}-definition`} mt={4} mb="sm">
        {props.definition}
      </Text>
      {props.option ? (
        <EChart
          option={props.option}
          height={props.height ?? 280}
          labelledBy={`${id}-title`}
          describedBy={`${id}-definition`}
          testId={`analytics-echart-${props.chart}`}
        />
      ) : (
        <Text size="sm" data-testid={`analytics-empty-${props.chart}`}>
          {props.emptyText ?? t('analytics.noData')}
        </Text>
      )}
      {showTable ? (
        // A region that scrolls on a narrow screen, so keyboard users can reach and scroll it.
        <div
          role="region"
          aria-label={props.title}
          tabIndex={0}
          style={{ overflowX: 'auto', marginTop: 'var(--mantine-spacing-sm)' }}
        >
          {table}
        </div>
      ) : (
        <VisuallyHidden>{table}</VisuallyHidden>
      )}
    </Paper>
  );
}
