import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReasonView } from '../../../src/modules/reasons/reasons.contract.ts';
import type { LanguageCode } from '../../../src/platform/contract/fields.ts';
import { api } from './client.ts';

export const catalogKeys = {
  reasons: ['reasons'] as const,
  users: ['users'] as const,
  departments: ['departments'] as const,
  templates: ['templates'] as const,
};

export function useReasons() {
  return useQuery({
    queryKey: catalogKeys.reasons,
    queryFn: async ({ signal }) => (await api.call('listReasons', { signal })).items,
    staleTime: 60_000,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.users,
    queryFn: async ({ signal }) => (await api.call('listUsers', { signal })).items,
    staleTime: 60_000,
    enabled,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: catalogKeys.departments,
    queryFn: async ({ signal }) => (await api.call('listDepartments', { signal })).items,
    staleTime: 60_000,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: catalogKeys.templates,
    queryFn: async ({ signal }) => (await api.call('listTemplates', { signal })).items,
  });
}

type Named = Pick<ReasonView, 'names' | 'code'>;

export function reasonName(reason: Named, language: string): string {
  const names = reason.names;
  return names[language as LanguageCode] || names.vi || names.en || names.zh || reason.code;
}

export function useReasonName() {
  const { i18n } = useTranslation();
  return (reason: Named) => reasonName(reason, i18n.language);
}

export type TreeRow<T> = { item: T; depth: number };

/** Depth-first order of a parent/child list; orphans (missing parent) are shown as roots. */
export function treeRows<T extends { id: string; parentId: string | null }>(
  items: T[],
  compare: (a: T, b: T) => number,
): TreeRow<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  const rows: TreeRow<T>[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const item of [...(children.get(parent) ?? [])].sort(compare)) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      rows.push({ item, depth });
      visit(item.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** Ids of an item and everything below it, so a parent cannot be moved under its own child. */
export function descendantIds<T extends { id: string; parentId: string | null }>(
  items: T[],
  rootId: string,
): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && result.has(item.parentId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Select options in tree order, each indented by depth; `excludeBelow` leaves out a record and its subtree. */
export function treeOptions<T extends { id: string; parentId: string | null }>(
  items: T[],
  compare: (a: T, b: T) => number,
  label: (item: T) => string,
  excludeBelow?: string,
): { value: string; label: string }[] {
  const excluded = excludeBelow ? descendantIds(items, excludeBelow) : new Set<string>();
  return treeRows(
    items.filter((item) => !excluded.has(item.id)),
    compare,
  ).map(({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${label(item)}` }));
}

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
