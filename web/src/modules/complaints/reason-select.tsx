import { Select, type ComboboxData, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonName, treeRows, useReasons } from '../../api/catalog.ts';
import type { ReasonView } from '../../../../src/modules/reasons/reasons.contract.ts';

/** Reason tree as grouped options: each top-level reason is a group holding itself and its children. */
export function useReasonOptions(includeInactiveId?: string | null): {
  data: ComboboxData;
  isLoading: boolean;
} {
  const { i18n, t } = useTranslation();
  const reasons = useReasons();
  const data = useMemo<ComboboxData>(() => {
    const items = (reasons.data ?? []).filter((r) => r.active || r.id === includeInactiveId);
    const name = (r: ReasonView) => reasonName(r, i18n.language);
    const rows = treeRows(items, (a, b) => name(a).localeCompare(name(b), i18n.language));
    const groups: { group: string; items: { value: string; label: string }[] }[] = [];
    const path: string[] = [];
    for (const { item, depth } of rows) {
      path.length = depth;
      path.push(name(item));
      if (depth === 0) {
        groups.push({
          group: name(item),
          items: [{ value: item.id, label: `${name(item)} (${t('reasons.general')})` }],
        });
      } else {
        groups[groups.length - 1]?.items.push({ value: item.id, label: path.slice(1).join(' › ') });
      }
    }
    return groups;
  }, [reasons.data, i18n.language, t, includeInactiveId]);
  return { data, isLoading: reasons.isLoading };
}

type Props = Omit<SelectProps, 'data'>;

export function ReasonSelect(props: Props) {
  const { data } = useReasonOptions(props.value);
  return <Select searchable clearable nothingFoundMessage="—" {...props} data={data} />;
}
