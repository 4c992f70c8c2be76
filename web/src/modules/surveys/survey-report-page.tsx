import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useSurveyReport } from './surveys.api.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A figure with its exact definition printed beside it. */
function Figure(props: { label: string; value: string; definition: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId}>
      <Text size="sm" fw={600}>
        {props.label}
      </Text>
      <Text size="xl" fw={700}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.definition}
      </Text>
    </Paper>
  );
}

/** Response rate, CSAT mean and share satisfied over the surveys sent in a period. */
export function SurveyReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('surveys.report.title'));
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const report = useSurveyReport(from, to);
  const pct = (v: number | null) =>
    v === null
      ? t('surveys.report.noData')
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
          v,
        );
  const mean = (v: number | null) =>
    v === null
      ? t('surveys.report.noData')
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  return (
    <Stack gap="md" data-testid="survey-report">
      <Title order={1}>{t('surveys.report.title')}</Title>
      <Group>
        <TextInput
          type="date"
          label={t('surveys.report.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('surveys.report.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {report.isPending && <PageLoader />}
      {report.isError && <ErrorAlert error={report.error} />}
      {report.data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              testId="survey-response-rate"
              label={t('surveys.report.responseRate')}
              value={pct(report.data.responseRate)}
              definition={report.data.definitions.responseRate}
            />
            <Figure
              testId="survey-csat-mean"
              label={t('surveys.report.csatMean')}
              value={mean(report.data.csatMean)}
              definition={report.data.definitions.csatMean}
            />
            <Figure
              testId="survey-satisfied"
              label={t('surveys.report.satisfiedShare')}
              value={pct(report.data.satisfiedShare)}
              definition={report.data.definitions.satisfiedShare}
            />
          </SimpleGrid>
          <Table withTableBorder maw={420}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('surveys.report.sent')}</Table.Th>
                <Table.Td>{report.data.sent}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('surveys.report.answered')}</Table.Th>
                <Table.Td>{report.data.answered}</Table.Td>
              </Table.Tr>
              {report.data.distribution.map((d) => (
                <Table.Tr key={d.score}>
                  <Table.Th scope="row">{t('surveys.csat', { score: d.score })}</Table.Th>
                  <Table.Td>{d.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
