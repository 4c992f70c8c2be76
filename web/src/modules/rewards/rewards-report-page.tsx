import { ExportMenu } from '../../ui/export-menu.tsx';
import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useMoney } from './money.ts';
import { useRewardReport, type RewardReport } from './rewards.api.ts';

type Row = RewardReport['compensationByType'][number] & { kind?: string };

/** One figure or table with its definition printed beside it. */
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
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h4">
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

/** The compensation ledger in figures: gifts against budget, compensation by type and level. */
export function RewardsReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.report.title'));
  const money = useMoney();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = useRewardReport(from, to);

  const table = (rows: Row[], label: (r: Row) => string) =>
    rows.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('rewards.report.empty')}
      </Text>
    ) : (
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rewards.admin.name')}</Table.Th>
            <Table.Th scope="col">{t('rewards.report.count')}</Table.Th>
            <Table.Th scope="col">{t('rewards.report.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.kind ?? ''}${r.key}${r.currency}`}>
              <Table.Td>{label(r)}</Table.Td>
              <Table.Td>{r.count}</Table.Td>
              <Table.Td>{money(r.amountMinor, r.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  const budgetTable = (budgets: RewardReport['giftBudgets']) =>
    budgets.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('rewards.report.empty')}
      </Text>
    ) : (
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rewards.admin.team')}</Table.Th>
            <Table.Th scope="col">{t('rewards.admin.periodKind')}</Table.Th>
            <Table.Th scope="col">{t('rewards.admin.amount')}</Table.Th>
            <Table.Th scope="col">{t('rewards.admin.spent')}</Table.Th>
            <Table.Th scope="col">{t('rewards.admin.remaining')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budgets.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.departmentName}</Table.Td>
              <Table.Td>
                {t(`rewards.period.${b.period}`)} {b.periodStart}
              </Table.Td>
              <Table.Td>{money(b.amountMinor, b.currency)}</Table.Td>
              <Table.Td>{money(b.spentMinor, b.currency)}</Table.Td>
              <Table.Td>{money(b.remainingMinor, b.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  const withKind = (r: Row, name: string) =>
    `${r.kind ? `${t(`rewards.kind.${r.kind}`)} · ` : ''}${name || '—'}`;

  return (
    <Stack gap="md">
      <Title order={1}>{t('rewards.report.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('rewards.report.help')}
      </Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('rewards.report.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('rewards.report.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <ExportMenu
          path="/api/reward-ledger/export"
          params={{
            from: from ? new Date(from).toISOString() : undefined,
            to: to ? new Date(to).toISOString() : undefined,
          }}
          testId="reward-ledger-export"
        />
      </Group>
      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorAlert error={report.error} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Figure
            title={t('rewards.report.giftBudgets')}
            definition={t('rewards.report.giftBudgetsDef')}
            testId="report-gift-budgets"
          >
            {budgetTable(report.data.giftBudgets)}
          </Figure>
          <Figure
            title={t('rewards.report.times')}
            definition={t('rewards.report.timesDef')}
            testId="report-approval-times"
          >
            <Group gap="xl">
              <Stack gap={0}>
                <Text size="xs">{t('rewards.report.median')}</Text>
                <Text fw={700} data-testid="report-median">
                  {report.data.approvalTimes.medianMinutes === null
                    ? '—'
                    : t('rewards.report.minutes', {
                        value: report.data.approvalTimes.medianMinutes,
                      })}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('rewards.report.p90')}</Text>
                <Text fw={700}>
                  {report.data.approvalTimes.p90Minutes === null
                    ? '—'
                    : t('rewards.report.minutes', { value: report.data.approvalTimes.p90Minutes })}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs">{t('rewards.report.decided')}</Text>
                <Text fw={700}>{report.data.approvalTimes.decided}</Text>
              </Stack>
            </Group>
          </Figure>
          <Figure
            title={t('rewards.report.compBudgets')}
            definition={t('rewards.report.compBudgetsDef')}
            testId="report-compensation-budgets"
          >
            {budgetTable(report.data.compensationBudgets)}
          </Figure>
          <Figure
            title={t('rewards.report.byTeam')}
            definition={t('rewards.report.byTeamDef')}
            testId="report-by-team"
          >
            {table(
              [
                ...report.data.giftsByTeam.map((r) => ({ ...r, kind: 'gift' })),
                ...report.data.compensationByTeam.map((r) => ({ ...r, kind: 'compensation' })),
              ],
              (r) => withKind(r, r.label),
            )}
          </Figure>
          <Figure
            title={t('rewards.report.byType')}
            definition={t('rewards.report.byTypeDef')}
            testId="report-by-type"
          >
            {table(report.data.compensationByType, (r) => t(`rewards.type.${r.key}`))}
          </Figure>
          <Figure
            title={t('rewards.report.byLevel')}
            definition={t('rewards.report.byLevelDef')}
            testId="report-by-level"
          >
            {table(report.data.compensationByLevel, (r) => r.label)}
          </Figure>
          <Figure
            title={t('rewards.report.byAgent')}
            definition={t('rewards.report.byAgentDef')}
            testId="report-by-agent"
          >
            {table(report.data.byAgent, (r) => withKind(r, r.label))}
          </Figure>
          <Figure
            title={t('rewards.report.byReason')}
            definition={t('rewards.report.byReasonDef')}
            testId="report-by-reason"
          >
            {table(report.data.byReason, (r) => withKind(r, r.label))}
          </Figure>
        </SimpleGrid>
      )}
    </Stack>
  );
}
