import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments, useReasonName, useReasons } from '../../api/catalog.ts';
import type { AnalyticsQuery } from './analytics.api.ts';

const channels = ['web', 'email', 'phone', 'chat', 'walk_in', 'social', 'api'] as const;

/** The page's filters: first-contact days (the server's default range shown), reason, channel, department. */
export function AnalyticsFilters(props: {
  query: AnalyticsQuery;
  onChange: (query: AnalyticsQuery) => void;
  shownFrom: string | undefined;
  shownTo: string | undefined;
}) {
  const { t } = useTranslation();
  const { query } = props;
  const reasons = useReasons();
  const departments = useDepartments();
  const reasonName = useReasonName();
  const set = (patch: Partial<AnalyticsQuery>) => {
    const next: AnalyticsQuery = { ...query };
    for (const [k, v] of Object.entries(patch) as [keyof AnalyticsQuery, string | undefined][])
      if (v) (next as Record<string, string>)[k] = v;
      else delete next[k];
    props.onChange(next);
  };
  return (
    <Group wrap="wrap" align="flex-end">
      <TextInput
        type="date"
        label={t('analytics.from')}
        value={query.from ?? props.shownFrom ?? ''}
        onChange={(e) => set({ from: e.currentTarget.value })}
        data-testid="analytics-from"
      />
      <TextInput
        type="date"
        label={t('analytics.to')}
        value={query.to ?? props.shownTo ?? ''}
        onChange={(e) => set({ to: e.currentTarget.value })}
        data-testid="analytics-to"
      />
      <Select
        label={t('analytics.reason')}
        placeholder={t('analytics.all')}
        clearable
        data={(reasons.data ?? []).map((r) => ({ value: r.id, label: reasonName(r) }))}
        value={query.reasonId ?? null}
        onChange={(v) => set({ reasonId: v ?? undefined })}
      />
      <Select
        label={t('analytics.channel')}
        placeholder={t('analytics.all')}
        clearable
        data={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={query.channel ?? null}
        onChange={(v) => set({ channel: (v ?? undefined) as AnalyticsQuery['channel'] })}
      />
      <Select
        label={t('analytics.department')}
        placeholder={t('analytics.all')}
        clearable
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={query.departmentId ?? null}
        onChange={(v) => set({ departmentId: v ?? undefined })}
      />
    </Group>
  );
}
