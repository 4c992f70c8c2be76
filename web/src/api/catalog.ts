import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from './client.ts';
import type { Department, Locale, Reason, Template, User } from './types.ts';

export const catalogKeys = {
  reasons: ['reasons'] as const,
  users: ['users'] as const,
  departments: ['departments'] as const,
  templates: ['templates'] as const,
};

type Items<T> = { items: T[] };

/** Lists may come as `{ items }` or as a bare array; accept both. */
function itemsOf<T>(payload: Items<T> | T[]): T[] {
  return Array.isArray(payload) ? payload : payload.items;
}

export function useReasons() {
  return useQuery({
    queryKey: catalogKeys.reasons,
    queryFn: async () => itemsOf(await apiFetch<Items<Reason> | Reason[]>('/api/reasons')),
    staleTime: 60_000,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.users,
    queryFn: async () => itemsOf(await apiFetch<Items<User> | User[]>('/api/users')),
    staleTime: 60_000,
    enabled,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: catalogKeys.departments,
    queryFn: async () =>
      itemsOf(await apiFetch<Items<Department> | Department[]>('/api/departments')),
    staleTime: 60_000,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: catalogKeys.templates,
    queryFn: async () => itemsOf(await apiFetch<Items<Template> | Template[]>('/api/templates')),
  });
}

export function reasonName(reason: Pick<Reason, 'names' | 'code'>, language: string): string {
  const names = reason.names;
  return names[language as Locale] || names.vi || names.en || names.zh || reason.code;
}

export function useReasonName() {
  const { i18n } = useTranslation();
  return (reason: Pick<Reason, 'names' | 'code'>) => reasonName(reason, i18n.language);
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
