import {
  Group,
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
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useEffectiveness, type Effectiveness } from './problems.api.ts';

// Before and after in colours that differ in lightness too (not only in hue), and the pivot in black.
const BEFORE = 'var(--mantine-color-orange-8)';
const AFTER = 'var(--mantine-color-teal-9)';
const PIVOT = 'var(--mantine-color-dark-7)';

const W = 640;
const H = 200;
const PAD = { top: 16, right: 8, bottom: 28, left: 32 };

function Bars({ data, labelledBy }: { data: Effectiveness; labelledBy: string }) {
  const { t } = useTranslation();
  const weeks = data.weeks;
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const bar = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const hasPivot = data.pivotAt !== null;
  const pivotIndex = weeks.findIndex((w) => w.offset === 0);
  const average = (v: number | null, color: string, testId: string) =>
    v === null ? null : (
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={y(v)}
        y2={y(v)}
        stroke={color}
        strokeDasharray="2 3"
        data-testid={testId}
      />
    );
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-labelledby={labelledBy}
      style={{ maxWidth: W, display: 'block' }}
      data-testid="effectiveness-svg"
    >
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={y(0)}
        y2={y(0)}
        stroke="var(--mantine-color-gray-6)"
      />
      <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize={11} fill="currentColor">
        {max}
      </text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize={11} fill="currentColor">
        0
      </text>
      {weeks.map((w, i) => {
        const after = hasPivot && w.offset >= 0;
        const x = PAD.left + i * slot + (slot - bar) / 2;
        return (
          <g
            key={w.weekStart}
            data-testid="effectiveness-bar"
            data-offset={w.offset}
            data-count={w.count}
          >
            <rect
              x={x}
              y={y(w.count)}
              width={bar}
              height={y(0) - y(w.count)}
              fill={after ? AFTER : BEFORE}
            />
            {weeks.length <= 16 && (
              <text
                x={x + bar / 2}
                y={H - 10}
                textAnchor="middle"
                fontSize={10}
                fill="currentColor"
              >
                {w.offset > 0 ? `+${w.offset}` : w.offset}
              </text>
            )}
          </g>
        );
      })}
      {hasPivot && pivotIndex >= 0 && (
        <g data-testid="effectiveness-pivot">
          <line
            x1={PAD.left + pivotIndex * slot}
            x2={PAD.left + pivotIndex * slot}
            y1={PAD.top - 8}
            y2={y(0)}
            stroke={PIVOT}
            strokeWidth={2}
            strokeDasharray="4 3"
          />
          <text
            x={PAD.left + pivotIndex * slot + 4}
            y={PAD.top - 2}
            fontSize={11}
            fill="currentColor"
          >
            {t('problems.effect.pivot')}
          </text>
        </g>
      )}
      {average(data.beforeAverage, BEFORE, 'effectiveness-before-line')}
      {average(data.afterAverage, AFTER, 'effectiveness-after-line')}
    </svg>
  );
}

/** Complaints per week before and after the first corrective action was done, with its definition. */
export function EffectivenessChart({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [weeks, setWeeks] = useState(8);
  const effect = useEffectiveness(problemId, weeks);
  const data = effect.data;
  const avg = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="effect-title"
      data-testid="effectiveness"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="effect-title">
            {t('problems.effect.title')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('problems.effect.weeks')}
            value={String(weeks)}
            onChange={(v) => setWeeks(Number(v))}
            data={['8', '12', '26'].map((n) => ({
              value: n,
              label: t('problems.effect.weeksN', { n }),
            }))}
          />
        </Group>
        <ErrorAlert error={effect.error} />
        {effect.isPending && <PageLoader />}
        {data && (
          <>
            <Text size="xs" c="dimmed" data-testid="effectiveness-definition">
              {data.definition}
            </Text>
            {data.basis === 'none' ? (
              <Text size="sm">{t('problems.effect.noBasis')}</Text>
            ) : (
              <>
                <Text id="effect-summary" size="sm">
                  {data.pivotAt
                    ? t('problems.effect.summary', {
                        at: format.date(data.pivotAt),
                        before: avg(data.beforeAverage),
                        after: avg(data.afterAverage),
                      })
                    : t('problems.effect.noPivot')}
                </Text>
                <Group gap="md" data-testid="effectiveness-averages">
                  <Group gap={4}>
                    <span
                      aria-hidden
                      style={{ width: 12, height: 12, background: BEFORE, display: 'inline-block' }}
                    />
                    <Text size="xs">
                      {t('problems.effect.before', { avg: avg(data.beforeAverage) })}
                    </Text>
                  </Group>
                  <Group gap={4}>
                    <span
                      aria-hidden
                      style={{ width: 12, height: 12, background: AFTER, display: 'inline-block' }}
                    />
                    <Text size="xs">
                      {t('problems.effect.after', { avg: avg(data.afterAverage) })}
                    </Text>
                  </Group>
                </Group>
                <Bars data={data} labelledBy="effect-title effect-summary" />
                <VisuallyHidden>
                  <Table data-testid="effectiveness-table">
                    <caption>{t('problems.effect.tableCaption')}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('problems.effect.week')}</Table.Th>
                        <Table.Th scope="col">{t('problems.effect.offset')}</Table.Th>
                        <Table.Th scope="col">{t('problems.effect.count')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.weeks.map((w) => (
                        <Table.Tr key={w.weekStart}>
                          <Table.Td>{format.date(w.weekStart)}</Table.Td>
                          <Table.Td>{w.offset}</Table.Td>
                          <Table.Td>{w.count}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </VisuallyHidden>
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
