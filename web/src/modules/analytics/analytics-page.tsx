import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import {
  budgetChart,
  csatBars,
  csatHeatmap,
  firstContactChart,
  followUpChart,
  promiseChart,
  timeChart,
  volumeHeatmap,
  weekdayNames,
} from './analytics-charts.ts';
import {
  exportUrl,
  useAnalytics,
  type AnalyticsChart,
  type AnalyticsQuery,
  type AnalyticsReport,
} from './analytics.api.ts';
import { useMoney } from '../rewards/money.ts';
import { AnalyticsFilters } from './analytics-filters.tsx';
import { ChartCard } from './chart-card.tsx';

type Dimension = keyof AnalyticsReport['csatBy'];
const dimensions: Dimension[] = ['reason', 'channel', 'agent', 'department'];

/** Issue 12: the charts of the loop, each with its definition, table and downloads. */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('analytics.title'));
  const money = useMoney();
  const [query, setQuery] = useState<AnalyticsQuery>({});
  const [clock, setClock] = useState<'acknowledge' | 'first_response' | 'fix'>('fix');
  const report = useAnalytics(query);
  const lang = i18n.language;
  const number = (v: number, digits = 2) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  const pct = (v: number | null) =>
    v === null
      ? '–'
      : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const weekdays = useMemo(() => weekdayNames(lang), [lang]);
  const downloads = (chart: AnalyticsChart) => ({
    csv: exportUrl(chart, query, 'csv'),
    xlsx: exportUrl(chart, query, 'xlsx'),
  });
  const data = report.data;
  const budgets = data
    ? [
        ...data.rewards.giftBudgets.map((b) => ({
          ...b,
          purposeLabel: t('analytics.budget.gift'),
        })),
        ...data.rewards.compensationBudgets.map((b) => ({
          ...b,
          purposeLabel: t('analytics.budget.compensation'),
        })),
      ]
    : [];

  const weekLabel = (week: string) =>
    new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${week}T00:00:00Z`),
    );

  return (
    <Stack gap="md" data-testid="analytics-page">
      <Title order={1}>{t('analytics.title')}</Title>
      <AnalyticsFilters
        query={query}
        onChange={setQuery}
        shownFrom={data?.from}
        shownTo={data?.to}
      />
      {data && (
        <Text size="sm" c="dimmed" data-testid="analytics-range-definition">
          {data.definitions.range} ({data.timeZone})
        </Text>
      )}
      {report.isPending && <PageLoader />}
      {report.isError && <ErrorAlert error={report.error} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard
              chart="volume_heatmap"
              title={t('analytics.volumeHeatmap')}
              definition={data.definitions.volumeHeatmap}
              option={volumeHeatmap(data, weekdays, (h, d, v) =>
                t('analytics.cellVolume', { day: weekdays[d], hour: h, count: v }),
              )}
              height={320}
              columns={[
                { label: t('analytics.weekday') },
                { label: t('analytics.hour'), align: 'right' },
                { label: t('analytics.complaints'), align: 'right' },
              ]}
              rows={data.heatmap
                .filter((c) => c.complaints > 0)
                .map((c) => [weekdays[c.weekday - 1]!, c.hour, c.complaints])}
              downloads={downloads('volume_heatmap')}
            />
            <ChartCard
              chart="csat_heatmap"
              title={t('analytics.csatHeatmap')}
              definition={data.definitions.csatHeatmap}
              option={csatHeatmap(data, weekdays, (h, d, v) => {
                const cell = data.heatmap.find((c) => c.weekday === d + 1 && c.hour === h);
                return t('analytics.cellCsat', {
                  day: weekdays[d],
                  hour: h,
                  mean: number(v),
                  count: cell?.answers ?? 0,
                });
              })}
              height={320}
              columns={[
                { label: t('analytics.weekday') },
                { label: t('analytics.hour'), align: 'right' },
                { label: t('analytics.answers'), align: 'right' },
                { label: t('analytics.csatMean'), align: 'right' },
              ]}
              rows={data.heatmap
                .filter((c) => c.csatMean !== null)
                .map((c) => [weekdays[c.weekday - 1]!, c.hour, c.answers, number(c.csatMean!)])}
              downloads={downloads('csat_heatmap')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {dimensions.map((dim) => {
              const groups = data.csatBy[dim];
              return (
                <ChartCard
                  key={dim}
                  chart={`csat_by_${dim}`}
                  title={t(`analytics.csatBy.${dim}`)}
                  definition={data.definitions.csatBy}
                  option={csatBars(groups, (g) => `${g.name} (${g.answers})`)}
                  height={Math.max(160, 40 + groups.length * 32)}
                  columns={[
                    { label: t(`analytics.dimension.${dim}`) },
                    { label: t('analytics.answers'), align: 'right' },
                    { label: t('analytics.csatMean'), align: 'right' },
                    { label: t('analytics.satisfiedShare'), align: 'right' },
                  ]}
                  rows={groups.map((g) => [
                    g.name,
                    g.answers,
                    number(g.csatMean),
                    pct(g.satisfiedShare),
                  ])}
                  downloads={downloads(`csat_by_${dim}`)}
                />
              );
            })}
          </SimpleGrid>
          <ChartCard
            chart="first_contact"
            title={t('analytics.firstContact')}
            definition={
              <>
                {data.definitions.fcrRate}{' '}
                {t('analytics.fcrTotal', {
                  rate: pct(data.firstContact.total.rate),
                  first: data.firstContact.total.firstContact,
                  all: data.firstContact.total.complaints,
                })}
                <br />
                {data.definitions.firstContact} {data.definitions.moreContacts}{' '}
                {data.definitions.unresolved}
                <br />
                {data.definitions.contact}
              </>
            }
            option={firstContactChart(
              data,
              {
                firstContact: t('analytics.outcome.firstContact'),
                moreContacts: t('analytics.outcome.moreContacts'),
                unresolved: t('analytics.outcome.unresolved'),
                rate: t('analytics.fcrRate'),
              },
              weekLabel,
            )}
            columns={[
              { label: t('analytics.week') },
              { label: t('analytics.complaints'), align: 'right' },
              { label: t('analytics.outcome.firstContact'), align: 'right' },
              { label: t('analytics.outcome.moreContacts'), align: 'right' },
              { label: t('analytics.outcome.unresolved'), align: 'right' },
              { label: t('analytics.fcrRate'), align: 'right' },
            ]}
            rows={data.firstContact.weeks.map((w) => [
              w.week,
              w.complaints,
              w.firstContact,
              w.moreContacts,
              w.unresolved,
              pct(w.rate),
            ])}
            downloads={downloads('first_contact')}
          />
          <ChartCard
            chart="promises"
            title={t('analytics.promises')}
            definition={
              <>
                {data.definitions.promises}{' '}
                {t('analytics.promiseTotal', {
                  rate: pct(data.promises.total.keptRate),
                  kept: data.promises.total.kept,
                  made: data.promises.total.made,
                })}
                {data.definitions.promiseTerms.map((d) => (
                  <span key={d.term}>
                    <br />
                    <strong>{d.term}</strong>: {d.text}
                  </span>
                ))}
              </>
            }
            option={promiseChart(
              data,
              (key) => t(`analytics.promise.${key}`),
              t('analytics.promise.keptRate'),
              weekLabel,
            )}
            columns={[
              { label: t('analytics.week') },
              ...(
                ['made', 'kept', 'recommitted', 'reopened', 'broken', 'open', 'keptRate'] as const
              ).map((k) => ({ label: t(`analytics.promise.${k}`), align: 'right' as const })),
            ]}
            rows={data.promises.weeks.map((w) => [
              w.week,
              w.made,
              w.kept,
              w.recommitted,
              w.reopened,
              w.broken,
              w.open,
              pct(w.keptRate),
            ])}
            downloads={downloads('promises')}
          />
          <ChartCard
            chart="times"
            title={t('analytics.times')}
            definition={
              <>
                <SegmentedControl
                  size="xs"
                  mb="xs"
                  value={clock}
                  onChange={(v) => setClock(v as typeof clock)}
                  aria-label={t('analytics.clock.label')}
                  data={(['acknowledge', 'first_response', 'fix'] as const).map((k) => ({
                    value: k,
                    label: t(`analytics.clock.${k}`),
                  }))}
                />
                <br />
                {data.definitions.times}
              </>
            }
            option={timeChart(
              data,
              clock,
              { median: t('analytics.median'), p90: t('analytics.p90') },
              weekLabel,
            )}
            columns={[
              { label: t('analytics.week') },
              { label: t('analytics.median'), align: 'right' },
              { label: t('analytics.p90'), align: 'right' },
              { label: t('analytics.measured'), align: 'right' },
              { label: t('analytics.notStopped'), align: 'right' },
            ]}
            rows={data.times.weeks.map((w) => [
              w.week,
              w[clock].medianBusinessMinutes === null
                ? '–'
                : number(w[clock].medianBusinessMinutes!, 1),
              w[clock].p90BusinessMinutes === null ? '–' : number(w[clock].p90BusinessMinutes!, 1),
              w[clock].measured,
              w[clock].notStopped,
            ])}
            downloads={downloads('times')}
          />
          <ChartCard
            chart="follow_ups"
            title={t('analytics.followUps')}
            definition={
              <>
                {data.definitions.followUps}
                {data.definitions.followUpTerms.map((d) => (
                  <span key={d.term}>
                    <br />
                    <strong>{d.term}</strong>: {d.text}
                  </span>
                ))}
              </>
            }
            option={followUpChart(
              data,
              {
                update: t('analytics.followUp.updateRate'),
                verification: t('analytics.followUp.verificationRate'),
              },
              weekLabel,
            )}
            columns={[
              { label: t('analytics.week') },
              { label: t('analytics.followUp.updates'), align: 'right' },
              { label: t('analytics.followUp.updateRate'), align: 'right' },
              { label: t('analytics.followUp.callBacksEnded'), align: 'right' },
              { label: t('analytics.followUp.verificationRate'), align: 'right' },
            ]}
            rows={data.followUps.weeks.map((w) => [
              w.week,
              w.updates,
              pct(w.updateComplianceRate),
              w.callBacksEnded,
              pct(w.verificationRate),
            ])}
            downloads={downloads('follow_ups')}
          />
          <ChartCard
            chart="budgets"
            title={t('analytics.budgets')}
            definition={data.definitions.rewards}
            option={budgetChart(budgets, {
              spent: t('analytics.budget.spent'),
              remaining: t('analytics.budget.remaining'),
            })}
            height={Math.max(160, 60 + budgets.length * 36)}
            columns={[
              { label: t('analytics.budget.purpose') },
              { label: t('analytics.budget.team') },
              { label: t('analytics.budget.periodStart') },
              { label: t('analytics.budget.amount'), align: 'right' },
              { label: t('analytics.budget.spent'), align: 'right' },
              { label: t('analytics.budget.remaining'), align: 'right' },
            ]}
            rows={budgets.map((b) => [
              b.purposeLabel,
              b.departmentName,
              b.periodStart,
              money(b.amountMinor, b.currency),
              money(b.spentMinor, b.currency),
              money(b.remainingMinor, b.currency),
            ])}
            downloads={downloads('budgets')}
          />
          <Paper withBorder p="md" radius="md" data-testid="analytics-customer-effort">
            <Title order={2} size="h4">
              {t('analytics.customerEffort')}
            </Title>
            <Text size="sm" mt={4}>
              {data.definitions.customerEffort}
            </Text>
          </Paper>
        </>
      )}
    </Stack>
  );
}
