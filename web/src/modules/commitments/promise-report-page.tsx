import { SlipText, useNumbers } from './slip-text.tsx';
import {
  Alert,
  Box,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import {
  PROMISE_GROUPS,
  usePromiseReport,
  useTaskTypeStats,
  type PromiseGroup,
  type PromiseReport,
} from './commitments.api.ts';

type Row = PromiseReport['rows'][number];

/** A kept-rate bar; the number beside it carries the value for screen readers. */
function RateBar({ rate }: { rate: number | null }) {
  const width = rate === null ? 0 : Math.max(0, Math.min(1, rate)) * 100;
  const color =
    rate === null ? 'gray-4' : rate >= 0.9 ? 'teal-8' : rate >= 0.7 ? 'yellow-6' : 'red-8';
  return (
    <Box
      aria-hidden
      w={160}
      h={12}
      bg="gray.2"
      style={{
        borderRadius: 6,
        overflow: 'hidden',
        border: '1px solid var(--mantine-color-gray-5)',
      }}
      data-testid="promise-bar"
      data-rate={rate ?? ''}
    >
      <Box h="100%" style={{ width: `${width}%`, background: `var(--mantine-color-${color})` }} />
    </Box>
  );
}

/** The promise ledger: commitments kept, re-promised and broken, by agent, task type or department. */
export function PromiseReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const [groupBy, setGroupBy] = useState<PromiseGroup>('agent');
  const report = usePromiseReport(groupBy);
  const stats = useTaskTypeStats();
  const n = useNumbers();

  const row = (r: Row, total = false) => (
    <Table.Tr
      key={r.key ?? `none-${r.name}`}
      data-testid={total ? 'promise-total' : 'promise-row'}
      fw={total ? 700 : undefined}
    >
      {total ? (
        <Table.Th scope="row">{r.name || t('reports.total')}</Table.Th>
      ) : (
        <Table.Td>{r.name}</Table.Td>
      )}
      <Table.Td ta="right">{r.made}</Table.Td>
      <Table.Td ta="right">{r.kept}</Table.Td>
      <Table.Td ta="right">{r.reopened}</Table.Td>
      <Table.Td ta="right">{r.broken}</Table.Td>
      <Table.Td ta="right">{r.open}</Table.Td>
      <Table.Td>
        <Box style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <RateBar rate={r.keptRate} />
          <Text size="sm" fw={600}>
            {n.percent(r.keptRate)}
          </Text>
        </Box>
      </Table.Td>
      <Table.Td ta="right">
        {r.recommitted}
        {r.recommitted > 0 && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({t('reports.recommittedNewDue')}: {n.percent(r.recommittedKeptRate)})
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{r.averageSlip ? <SlipText slip={r.averageSlip} /> : '—'}</Table.Td>
    </Table.Tr>
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{t('reports.title')}</Title>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="promise-title"
        data-testid="promise-report"
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="promise-title">
            {t('reports.promises')}
          </Title>
          <Stack gap={4}>
            <Text id="promise-group-label" size="sm" fw={500}>
              {t('reports.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="promise-group-label"
              value={groupBy}
              onChange={(value) => {
                const picked = PROMISE_GROUPS.find((g) => g === value);
                if (picked) setGroupBy(picked);
              }}
              data={PROMISE_GROUPS.map((g) => ({
                value: g,
                label: t(`reports.group.${g}`),
              }))}
              data-testid="promise-group"
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          {report.data?.definitions && (
            <Alert color="blue" title={t('reports.definitions')} data-testid="promise-definition">
              <Stack gap={4} component="dl" m={0}>
                {report.data.definitions.map((d) => (
                  <Text key={d.term} size="sm" component="div">
                    <Text span fw={700} component="dt" style={{ display: 'inline' }}>
                      {d.term}:
                    </Text>{' '}
                    <Text span component="dd" m={0} style={{ display: 'inline' }}>
                      {d.text}
                    </Text>
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <ErrorAlert error={report.error} />
          {report.isPending ? (
            <PageLoader />
          ) : report.data ? (
            <Table.ScrollContainer minWidth={820} type="native">
              <Table data-testid="promise-table" verticalSpacing="xs">
                <caption>
                  <VisuallyHidden>
                    {t('reports.promisesCaption', { group: t(`reports.group.${groupBy}`) })}
                  </VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`reports.group.${groupBy}`)}</Table.Th>
                    <Table.Th ta="right">{t('reports.made')}</Table.Th>
                    <Table.Th ta="right">{t('reports.kept')}</Table.Th>
                    <Table.Th ta="right">{t('reports.reopened')}</Table.Th>
                    <Table.Th ta="right">{t('reports.broken')}</Table.Th>
                    <Table.Th ta="right">{t('reports.open')}</Table.Th>
                    <Table.Th>{t('reports.keptRate')}</Table.Th>
                    <Table.Th ta="right">{t('reports.recommitted')}</Table.Th>
                    <Table.Th ta="right">{t('reports.slip')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={9}>{t('reports.empty')}</Table.Td>
                    </Table.Tr>
                  )}
                  {report.data.rows.map((r) => row(r))}
                </Table.Tbody>
                <Table.Tfoot>
                  {row({ ...report.data.totals, name: t('reports.total') }, true)}
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Paper>

      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="task-stats-title"
        data-testid="task-type-report"
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="task-stats-title">
            {t('reports.taskTypes')}
          </Title>
          {stats.data && (
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('reports.taskTypesHelp', { share: n.percent(stats.data.targetShare) })}
              </Text>
              <Text size="sm" c="dimmed" data-testid="task-type-method">
                {stats.data.method}
              </Text>
            </Stack>
          )}
          <ErrorAlert error={stats.error} />
          {stats.isPending ? (
            <PageLoader />
          ) : stats.data ? (
            <Table.ScrollContainer minWidth={820} type="native">
              <Table data-testid="task-type-stats" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.taskType')}</Table.Th>
                    <Table.Th>{t('reports.standard')}</Table.Th>
                    <Table.Th ta="right">{t('reports.fixes')}</Table.Th>
                    <Table.Th ta="right">{t('reports.median')}</Table.Th>
                    <Table.Th ta="right">{t('reports.p90')}</Table.Th>
                    <Table.Th ta="right">{t('reports.keptRate')}</Table.Th>
                    <Table.Th>{t('reports.suggested')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.data.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>{t('reports.empty')}</Table.Td>
                    </Table.Tr>
                  )}
                  {stats.data.rows.map((r) => (
                    <Table.Tr key={r.id} data-testid="task-type-stats-row">
                      <Table.Td fw={600}>{r.name}</Table.Td>
                      <Table.Td>{r.standardText}</Table.Td>
                      <Table.Td ta="right">{r.fixes}</Table.Td>
                      <Table.Td ta="right">{n.number(r.medianBusinessHours)}</Table.Td>
                      <Table.Td ta="right">{n.number(r.p90BusinessHours)}</Table.Td>
                      <Table.Td ta="right">{n.percent(r.keptRate)}</Table.Td>
                      <Table.Td>
                        {r.suggested
                          ? t('reports.suggestedText', {
                              text: r.suggested.text,
                              share: n.percent(r.suggested.share),
                            })
                          : t('reports.notEnough')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
