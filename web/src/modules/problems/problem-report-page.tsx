import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useProblemReport, type ProblemReport } from './problems.api.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One figure or table with its definition, as the API words it, printed beside it. */
function Figure({
  title,
  definition,
  testId,
  children,
}: {
  title: string;
  definition: string;
  testId: string;
  children: ReactNode;
}) {
  const titleId = `${testId}-title`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <Stack gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        <Text size="xs" c="dimmed" data-testid={`${testId}-definition`}>
          {definition}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

type RootCauseRow = ProblemReport['rootCauses']['rows'][number];

/** Root causes by linked complaints, as horizontal bars; the table below carries the figures. */
function RootCauseBars({ rows }: { rows: RootCauseRow[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.linkedComplaints));
  const rowH = 24;
  const labelW = 120;
  const W = 480;
  return (
    <svg
      viewBox={`0 0 ${W} ${rows.length * rowH}`}
      width="100%"
      style={{ maxWidth: W, display: 'block' }}
      aria-hidden
      data-testid="root-cause-bars"
    >
      {rows.map((r, i) => {
        const w = ((W - labelW - 40) * r.linkedComplaints) / max;
        return (
          <g key={r.category} transform={`translate(0 ${i * rowH})`}>
            <text x={labelW - 6} y={16} textAnchor="end" fontSize={12} fill="currentColor">
              {t(`problems.category.${r.category}`)}
            </text>
            <rect x={labelW} y={4} width={w} height={16} fill="var(--mantine-color-blue-8)" />
            <text x={labelW + w + 4} y={16} fontSize={12} fill="currentColor">
              {r.linkedComplaints}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const hours = (t: (k: string, o?: Record<string, unknown>) => string, v: number | null) =>
  v === null ? '—' : t('problems.report.hours', { value: Math.round(v * 10) / 10 });

/** Step 8 in figures: root causes, open actions, recurrence and time to the first corrective action. */
export function ProblemReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('problems.report.title'));
  const format = useFormat();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 90 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const report = useProblemReport(from, to);
  const data = report.data;
  const pct = (v: number | null) =>
    v === null
      ? '—'
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
          v,
        );
  const byCompensation = [...(data?.rootCauses.rows ?? [])].sort(
    (a, b) =>
      b.compensation.reduce((s, c) => s + c.amountMinor, 0) -
      a.compensation.reduce((s, c) => s + c.amountMinor, 0),
  );
  const byComplaints = [...(data?.rootCauses.rows ?? [])].sort(
    (a, b) => b.linkedComplaints - a.linkedComplaints,
  );

  return (
    <Stack gap="md">
      <Title order={1}>{t('problems.report.title')}</Title>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('problems.report.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('problems.report.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={report.error} />
      {report.isPending && <PageLoader />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Figure
            title={t('problems.report.rootCauses')}
            definition={data.rootCauses.definition}
            testId="report-root-causes"
          >
            {byComplaints.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('problems.report.empty')}
              </Text>
            ) : (
              <>
                <RootCauseBars rows={byComplaints} />
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('problems.rootCause.category')}</Table.Th>
                      <Table.Th scope="col">{t('problems.report.problems')}</Table.Th>
                      <Table.Th scope="col">{t('problems.report.linkedComplaints')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {byComplaints.map((r) => (
                      <Table.Tr
                        key={r.category}
                        data-testid="report-root-cause-row"
                        data-category={r.category}
                      >
                        <Table.Td>{t(`problems.category.${r.category}`)}</Table.Td>
                        <Table.Td>{r.problems}</Table.Td>
                        <Table.Td>{r.linkedComplaints}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Figure>
          <Figure
            title={t('problems.report.byCompensation')}
            definition={data.rootCauses.definition}
            testId="report-root-cause-money"
          >
            {byCompensation.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('problems.report.empty')}
              </Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('problems.rootCause.category')}</Table.Th>
                    <Table.Th scope="col">{t('problems.report.compensation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {byCompensation.map((r) => (
                    <Table.Tr key={r.category}>
                      <Table.Td>{t(`problems.category.${r.category}`)}</Table.Td>
                      <Table.Td>
                        {r.compensation.length === 0
                          ? '—'
                          : r.compensation
                              .map((c) => format.money(c.amountMinor, c.currency))
                              .join(' · ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Figure>
          <Figure
            title={t('problems.report.openActions')}
            definition={data.openActions.definition}
            testId="report-open-actions"
          >
            {data.openActions.rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('problems.report.empty')}
              </Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('problems.actions.owner')}</Table.Th>
                    <Table.Th scope="col">{t('problems.report.overdue')}</Table.Th>
                    <Table.Th scope="col">{t('problems.report.thisWeek')}</Table.Th>
                    <Table.Th scope="col">{t('problems.report.later')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.openActions.rows.map((r) => (
                    <Table.Tr key={r.ownerId} data-testid="report-open-action-row">
                      <Table.Td>{r.ownerName ?? '—'}</Table.Td>
                      <Table.Td>{r.overdue}</Table.Td>
                      <Table.Td>{r.dueThisWeek}</Table.Td>
                      <Table.Td>{r.later}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Figure>
          <Figure
            title={t('problems.report.recurrence')}
            definition={data.recurrenceRate.definition}
            testId="report-recurrence"
          >
            <Group gap="xl">
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.rate')}</Text>
                <Text fw={700} size="xl" data-testid="report-recurrence-rate">
                  {pct(data.recurrenceRate.rate)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.windowsEnded')}</Text>
                <Text fw={700}>{data.recurrenceRate.windowsEnded}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.recurred')}</Text>
                <Text fw={700}>{data.recurrenceRate.recurred}</Text>
              </Stack>
            </Group>
          </Figure>
          <Figure
            title={t('problems.report.timeToAction')}
            definition={data.timeToAction.definition}
            testId="report-time-to-action"
          >
            <Group gap="xl">
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.median')}</Text>
                <Text fw={700} data-testid="report-time-median">
                  {hours(t, data.timeToAction.medianHours)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.p90')}</Text>
                <Text fw={700}>{hours(t, data.timeToAction.p90Hours)}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('problems.report.problems')}</Text>
                <Text fw={700}>{data.timeToAction.problems}</Text>
              </Stack>
            </Group>
          </Figure>
        </SimpleGrid>
      )}
    </Stack>
  );
}
