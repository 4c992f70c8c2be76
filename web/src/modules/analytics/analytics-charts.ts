import type { AnalyticsReport } from './analytics.api.ts';
import type { ChartOption } from './echart.tsx';

// Sequential blues for counts and a purple–orange scale for scores: both read for the common
// colour-vision deficiencies, and each step differs in lightness, not only in hue.
const COUNT_COLOURS = ['#eff6ff', '#6baed6', '#08306b'];
const SCORE_COLOURS = ['#b35806', '#f1a340', '#f7f7f7', '#998ec3', '#542788'];
const FIRST = '#1b7837';
const MORE = '#74add1';
const UNRESOLVED = '#d73027';
const RATE = '#222222';

const hours = Array.from({ length: 24 }, (_, h) => String(h));

/** Short weekday names, Monday first, in the reader's language. */
export function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2026, 2, 2 + i))));
}

function heatmap(
  data: [number, number, number][],
  weekdays: string[],
  range: { min: number; max: number; colours: string[] },
  tooltip: (hour: number, weekday: number, value: number) => string,
): ChartOption {
  return {
    grid: { top: 8, left: 48, right: 8, bottom: 64, containLabel: false },
    tooltip: {
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number] }).value;
        return tooltip(v[0], v[1], v[2]);
      },
    },
    xAxis: { type: 'category', data: hours, splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min: range.min,
      max: range.max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: range.colours },
    },
    series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#000' } } }],
  };
}

export function volumeHeatmap(
  report: AnalyticsReport,
  weekdays: string[],
  tip: (h: number, d: number, v: number) => string,
): ChartOption {
  const data = report.heatmap.map(
    (c) => [c.hour, c.weekday - 1, c.complaints] as [number, number, number],
  );
  const max = Math.max(1, ...report.heatmap.map((c) => c.complaints));
  return heatmap(data, weekdays, { min: 0, max, colours: COUNT_COLOURS }, tip);
}

/** Only the cells with answers get a colour: a cell without an answer stays empty. */
export function csatHeatmap(
  report: AnalyticsReport,
  weekdays: string[],
  tip: (h: number, d: number, v: number) => string,
): ChartOption | null {
  const data = report.heatmap
    .filter((c) => c.csatMean !== null)
    .map(
      (c) =>
        [c.hour, c.weekday - 1, Math.round(c.csatMean! * 100) / 100] as [number, number, number],
    );
  if (data.length === 0) return null;
  return heatmap(data, weekdays, { min: 1, max: 5, colours: SCORE_COLOURS }, tip);
}

export function csatBars(
  groups: AnalyticsReport['csatBy']['agent'],
  labelOf: (g: AnalyticsReport['csatBy']['agent'][number]) => string,
): ChartOption | null {
  if (groups.length === 0) return null;
  const shown = [...groups].reverse();
  return {
    grid: { top: 8, left: 8, right: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 5 },
    yAxis: {
      type: 'category',
      data: shown.map(labelOf),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((g) => Math.round(g.csatMean * 100) / 100),
        itemStyle: { color: '#3f51b5' },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export function firstContactChart(
  report: AnalyticsReport,
  names: { firstContact: string; moreContacts: string; unresolved: string; rate: string },
  weekLabel: (week: string) => string,
): ChartOption | null {
  const weeks = report.firstContact.weeks;
  if (report.firstContact.total.complaints === 0) return null;
  const bar = (name: string, pick: (w: (typeof weeks)[number]) => number, color: string) => ({
    type: 'bar' as const,
    name,
    stack: 'outcome',
    data: weeks.map(pick),
    itemStyle: { color },
  });
  return {
    grid: { top: 40, left: 8, right: 8, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    ],
    series: [
      bar(names.firstContact, (w) => w.firstContact, FIRST),
      bar(names.moreContacts, (w) => w.moreContacts, MORE),
      bar(names.unresolved, (w) => w.unresolved, UNRESOLVED),
      {
        type: 'line',
        name: names.rate,
        yAxisIndex: 1,
        data: weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 1000) / 10)),
        itemStyle: { color: RATE },
        lineStyle: { color: RATE, type: 'dashed' },
        connectNulls: false,
      },
    ],
  };
}

type PromiseWeek = AnalyticsReport['promises']['weeks'][number];
const PROMISE_SERIES: { key: keyof PromiseWeek; color: string }[] = [
  { key: 'kept', color: FIRST },
  { key: 'recommitted', color: '#fdae61' },
  { key: 'reopened', color: '#8073ac' },
  { key: 'broken', color: UNRESOLVED },
  { key: 'open', color: '#bdbdbd' },
];

export function promiseChart(
  report: AnalyticsReport,
  nameOf: (key: string) => string,
  rateName: string,
  weekLabel: (week: string) => string,
): ChartOption | null {
  const weeks = report.promises.weeks;
  if (report.promises.total.made === 0) return null;
  return {
    grid: { top: 40, left: 8, right: 8, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    ],
    series: [
      ...PROMISE_SERIES.map((s) => ({
        type: 'bar' as const,
        name: nameOf(s.key),
        stack: 'promise',
        data: weeks.map((w) => w[s.key] as number),
        itemStyle: { color: s.color },
      })),
      {
        type: 'line',
        name: rateName,
        yAxisIndex: 1,
        data: weeks.map((w) => (w.keptRate === null ? null : Math.round(w.keptRate * 1000) / 10)),
        itemStyle: { color: RATE },
        lineStyle: { color: RATE, type: 'dashed' },
      },
    ],
  };
}

type TimedClock = 'acknowledge' | 'first_response' | 'fix';

/** Median and 90th percentile of one clock per week, in business minutes. */
export function timeChart(
  report: AnalyticsReport,
  clock: TimedClock,
  names: { median: string; p90: string },
  weekLabel: (week: string) => string,
): ChartOption | null {
  const weeks = report.times.weeks;
  if (report.times.total[clock].measured === 0) return null;
  const line = (
    name: string,
    pick: (w: (typeof weeks)[number]) => number | null,
    color: string,
    dashed: boolean,
  ) => ({
    type: 'line' as const,
    name,
    data: weeks.map(pick),
    itemStyle: { color },
    lineStyle: { color, type: dashed ? ('dashed' as const) : ('solid' as const) },
    connectNulls: false,
  });
  return {
    grid: { top: 40, left: 8, right: 8, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: { type: 'value', min: 0 },
    series: [
      line(names.median, (w) => w[clock].medianBusinessMinutes, '#08519c', false),
      line(names.p90, (w) => w[clock].p90BusinessMinutes, '#a63603', true),
    ],
  };
}

/** Manager-update on-time rate and verification rate per week, in per cent. */
export function followUpChart(
  report: AnalyticsReport,
  names: { update: string; verification: string },
  weekLabel: (week: string) => string,
): ChartOption | null {
  const weeks = report.followUps.weeks;
  const total = report.followUps.total;
  if (total.updates === 0 && total.callBacks === 0) return null;
  const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    grid: { top: 40, left: 8, right: 8, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        name: names.update,
        data: weeks.map((w) => percent(w.updateComplianceRate)),
        itemStyle: { color: '#2166ac' },
      },
      {
        type: 'bar',
        name: names.verification,
        data: weeks.map((w) => percent(w.verificationRate)),
        itemStyle: { color: '#b2182b' },
      },
    ],
  };
}

type Budget = AnalyticsReport['rewards']['giftBudgets'][number];

/** Each budget's spent and remaining amounts, stacked to its total. */
export function budgetChart(
  budgets: readonly (Budget & { purposeLabel: string })[],
  names: { spent: string; remaining: string },
): ChartOption | null {
  if (budgets.length === 0) return null;
  const label = (b: Budget & { purposeLabel: string }) =>
    `${b.purposeLabel} · ${b.departmentName} · ${b.periodStart} (${b.currency})`;
  return {
    grid: { top: 40, left: 8, right: 24, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0 },
    yAxis: {
      type: 'category',
      data: budgets.map(label),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: names.spent,
        stack: 'budget',
        data: budgets.map((b) => b.spentMinor),
        itemStyle: { color: '#b2182b' },
      },
      {
        type: 'bar',
        name: names.remaining,
        stack: 'budget',
        data: budgets.map((b) => Math.max(0, b.remainingMinor)),
        itemStyle: { color: '#92c5de' },
      },
    ],
  };
}
