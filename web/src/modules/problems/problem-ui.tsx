import { Badge, Select, type MantineColor } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/catalog.ts';
import { useCurrentUser } from '../../app/session.ts';
import type { ProblemStatus } from './problem-words.ts';
import { useProblems } from './problems.api.ts';

// Shades chosen for at least 4.5:1 contrast with the badge text (white, or black with autoContrast).
const STATUS_COLORS: Record<ProblemStatus, MantineColor> = {
  open: 'blue.9',
  analysing: 'violet.8',
  action: 'orange.9',
  monitoring: 'yellow.4',
  closed: 'teal.9',
  rejected: 'gray.7',
};

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      autoContrast
      variant="filled"
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
      data-testid="problem-status"
      data-status={status}
    >
      {t(`problems.status.${status}`)}
    </Badge>
  );
}

/** People who may own a problem or an action: me first, then every active user by name. */
export function useUserOptions() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers(me.permissions.includes('user:read'));
  return useMemo(() => {
    const others = (users.data ?? [])
      .filter((u) => u.active && u.id !== me.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((u) => ({ value: u.id, label: u.name }));
    return [{ value: me.id, label: t('problems.me', { name: me.name }) }, ...others];
  }, [users.data, me.id, me.name, t]);
}

/** A choice among the active problems (not closed or rejected), searched by reference or title. */
export function ProblemPicker({
  value,
  onChange,
  testId,
  label,
  autoFocus,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  testId: string;
  label?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const list = useProblems({ status: 'active', pageSize: 100 });
  const options = (list.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.reference} · ${p.title}`,
  }));
  return (
    <Select
      label={label ?? t('problems.picker.label')}
      placeholder={t('problems.picker.placeholder')}
      nothingFoundMessage={list.isPending ? t('common.loading') : t('problems.picker.none')}
      searchable
      data={options}
      value={value}
      onChange={onChange}
      data-testid={testId}
      data-autofocus={autoFocus ? true : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
