import { Box, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useFollowUpReport, type FollowUpReport } from './follow-ups.api.ts';

type Share = { count: number; share: number | null };

const COLORS: Record<string, string> = {
  onTime: 'teal-8',
  late: 'yellow-6',
  missing: 'red-8',
  works: 'teal-8',
  reopened: 'red-8',
  unreachable: 'gray-6',
  declined: 'yellow-6',
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One stacked bar of the parts of a whole, then each part's count and share as a table. */
function Breakdown({
  title,
  testId,
  parts,
  total,
  open,
}: {
  title: string;
  testId: string;
  parts: [string, Share][];
  total: number;
  open: number;
}) {
  const { t, i18n } = useTranslation();
  const pct = (v: number | null) =>
    v === null
      ? '—'
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
          v,
        );
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Box
          aria-hidden
          h={16}
          style={{
            display: 'flex',
            borderRadius: 8,
            overflow: 'hidden',
            border: '1px solid var(--mantine-color-gray-5)',
            background: 'var(--mantine-color-gray-2)',
          }}
        >
          {parts.map(([key, s]) => (
            <Box
              key={key}
              style={{
                width: `${(s.share ?? 0) * 100}%`,
                background: `var(--mantine-color-${COLORS[key] ?? 'gray-5'})`,
              }}
            />
          ))}
        </Box>
        <Table>
          <Table.Tbody>
            {parts.map(([key, s]) => (
              <Table.Tr key={key} data-testid={`${testId}-${key}`}>
                <Table.Td>{t(`followUps.report.${key}`)}</Table.Td>
                <Table.Td ta="right">{s.count}</Table.Td>
                <Table.Td ta="right" data-share={s.share ?? ''}>
                  {pct(s.share)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('followUps.report.totals', { total, open })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Step 6's compliance: manager updates on time, call-backs and what they found. */
export function FollowUpReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('followUps.report.title'));
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 90 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const report = useFollowUpReport(from, to);
  const data: FollowUpReport | undefined = report.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('followUps.report.title')}</Title>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('followUps.report.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('followUps.report.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={report.error} />
      {report.isPending && <PageLoader />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Breakdown
              title={t('followUps.report.managerUpdate')}
              testId="report-manager-update"
              parts={[
                ['onTime', data.managerUpdate.onTime],
                ['late', data.managerUpdate.late],
                ['missing', data.managerUpdate.missing],
              ]}
              total={data.managerUpdate.fixes}
              open={data.managerUpdate.open}
            />
            <Breakdown
              title={t('followUps.report.verification')}
              testId="report-verification"
              parts={[
                ['works', data.verification.works],
                ['reopened', data.verification.reopened],
                ['unreachable', data.verification.unreachable],
                ['declined', data.verification.declined],
              ]}
              total={data.verification.fixes}
              open={data.verification.open}
            />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="defs-title">
            <Title order={2} size="h4" id="defs-title" mb="xs">
              {t('followUps.report.definitions')}
            </Title>
            <dl data-testid="follow-up-definitions">
              {data.definitions.map((d) => (
                <div key={d.term} style={{ marginBottom: 8 }}>
                  <Text component="dt" fw={700} size="sm">
                    {d.term}
                  </Text>
                  <Text component="dd" size="sm" ml={0}>
                    {d.text}
                  </Text>
                </div>
              ))}
            </dl>
          </Paper>
        </>
      )}
    </Stack>
  );
}
