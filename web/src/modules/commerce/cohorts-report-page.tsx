import { Group, List, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useMoney } from '../rewards/money.ts';
import { CohortsChart } from './cohorts-chart.tsx';
import { useCohortReport, type CohortReport } from './cohorts.api.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
type Figures = CohortReport['cohorts'][number];
type DefinitionKey = keyof CohortReport['definitions'];

const cohortLabelKey = {
  no_complaint: 'cohorts.cohort.noComplaint',
  first_contact: 'cohorts.cohort.firstContact',
  more_contacts: 'cohorts.cohort.moreContacts',
  unresolved: 'cohorts.cohort.unresolved',
} as const;

/**
 * Spend and retention after a complaint, by how it ended, beside customers with no complaint:
 * bars of the mean spend after with the ratio to the baseline, and a table with every figure
 * and its definition. By default the period is one whose 90-day windows are over.
 */
export function CohortsReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('cohorts.title'));
  const money = useMoney();
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 183 * DAY)));
  const [to, setTo] = useState(isoDay(new Date(Date.now() - 90 * DAY)));
  const [days, setDays] = useState(90);
  const [currency, setCurrency] = useState('');
  const validCurrency = /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  const report = useCohortReport({
    from,
    to,
    days,
    ...(validCurrency ? { currency: validCurrency } : {}),
  });
  const data = report.data;
  const number = (v: number, digits = 2) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  const pct = (v: number | null) =>
    v === null
      ? t('cohorts.noData')
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
          v,
        );
  const reportCurrency = data?.currency ?? 'VND';
  const amount = useCallback(
    (v: number | null) => (v === null ? t('cohorts.noData') : money(Math.round(v), reportCurrency)),
    [money, reportCurrency, t],
  );
  const ratio = (v: number | null) => (v === null ? t('cohorts.noData') : `×${number(v)}`);

  const bars = useMemo(
    () =>
      (data?.cohorts ?? []).map((c) => ({
        label: t(cohortLabelKey[c.cohort]),
        value: c.spendAfter.mean,
        caption:
          c.spendAfter.mean === null
            ? t('cohorts.noData')
            : c.ratioToBaseline === null
              ? amount(c.spendAfter.mean)
              : `${amount(c.spendAfter.mean)} · ×${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(c.ratioToBaseline)}`,
      })),
    [data, t, amount, i18n.language],
  );
  const description = bars.map((b) => `${b.label}: ${b.caption}`).join('; ');
  const chartFormat = useCallback(
    (v: number) => money(Math.round(v), reportCurrency),
    [money, reportCurrency],
  );

  const rows: { label: string; definition: DefinitionKey; cell: (c: Figures) => string }[] = [
    {
      label: t('cohorts.figure.customers'),
      definition: 'customers',
      cell: (c) => number(c.customers, 0),
    },
    {
      label: t('cohorts.figure.incomplete'),
      definition: 'incomplete',
      cell: (c) => number(c.incompleteCustomers, 0),
    },
    {
      label: t('cohorts.figure.spendAfterMean', { days }),
      definition: 'mean',
      cell: (c) => amount(c.spendAfter.mean),
    },
    {
      label: t('cohorts.figure.spendAfterMedian', { days }),
      definition: 'median',
      cell: (c) => amount(c.spendAfter.median),
    },
    {
      label: t('cohorts.figure.spendAfterTotal', { days }),
      definition: 'spendAfter',
      cell: (c) => amount(c.spendAfter.total),
    },
    {
      label: t('cohorts.figure.ratio'),
      definition: 'ratioToBaseline',
      cell: (c) => ratio(c.ratioToBaseline),
    },
    {
      label: t('cohorts.figure.spendBeforeMean', { days }),
      definition: 'mean',
      cell: (c) => amount(c.spendBefore.mean),
    },
    {
      label: t('cohorts.figure.spendBeforeMedian', { days }),
      definition: 'median',
      cell: (c) => amount(c.spendBefore.median),
    },
    {
      label: t('cohorts.figure.spendBeforeTotal', { days }),
      definition: 'spendBefore',
      cell: (c) => amount(c.spendBefore.total),
    },
    {
      label: t('cohorts.figure.otherCurrency'),
      definition: 'currency',
      cell: (c) => number(c.otherCurrencyOrders, 0),
    },
    {
      label: t('cohorts.figure.subscribedAtReference'),
      definition: 'stillSubscribed',
      cell: (c) => number(c.subscribedAtReference, 0),
    },
    {
      label: t('cohorts.figure.stillSubscribed', { days }),
      definition: 'stillSubscribed',
      cell: (c) => pct(c.stillSubscribedShare),
    },
    {
      label: t('cohorts.figure.boughtAgain', { days }),
      definition: 'boughtAgain',
      cell: (c) => pct(c.boughtAgainShare),
    },
    {
      label: t('cohorts.figure.referred', { days }),
      definition: 'referred',
      cell: (c) => pct(c.referredShare),
    },
  ];
  const cohortDefinitions: DefinitionKey[] = [
    'cohorts',
    'noComplaint',
    'firstContact',
    'moreContacts',
    'unresolved',
    'referenceDate',
  ];

  return (
    <Stack gap="md" data-testid="cohorts-report">
      <Title order={1}>{t('cohorts.title')}</Title>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('cohorts.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('cohorts.to')}
          description={t('cohorts.toHint')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <NumberInput
          label={t('cohorts.days')}
          min={1}
          max={730}
          value={days}
          onChange={(v) => {
            const n = typeof v === 'number' ? v : Number(v);
            if (Number.isInteger(n) && n >= 1 && n <= 730) setDays(n);
          }}
        />
        <TextInput
          label={t('cohorts.currency')}
          description={t('cohorts.currencyHint')}
          value={currency}
          maxLength={3}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
        />
      </Group>
      {report.isPending && <PageLoader />}
      {report.isError && <ErrorAlert error={report.error} />}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('cohorts.summary', { currency: data.currency, days: data.days })}
          </Text>
          <CohortsChart
            title={t('cohorts.chartTitle', { days: data.days, currency: data.currency })}
            description={description}
            bars={bars}
            format={chartFormat}
          />
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder striped data-testid="cohorts-table">
              <Table.Caption>{t('cohorts.tableCaption', { days: data.days })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cohorts.figure.name')}</Table.Th>
                  {data.cohorts.map((c) => (
                    <Table.Th scope="col" key={c.cohort}>
                      {t(cohortLabelKey[c.cohort])}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('cohorts.figure.definition')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    {data.cohorts.map((c) => (
                      <Table.Td key={c.cohort} data-testid={`cohort-${c.cohort}`}>
                        {row.cell(c)}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {data.definitions[row.definition]}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Title order={2} size="h4">
            {t('cohorts.definitionsTitle')}
          </Title>
          <List size="sm" spacing="xs">
            {cohortDefinitions.map((k) => (
              <List.Item key={k}>{data.definitions[k]}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
