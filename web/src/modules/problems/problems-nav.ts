import type { TFunction } from 'i18next';
import type { LoopNavItem } from '../notices/loop-nav.ts';

/** Navigation to step 8: the problems, the quality home and the report, by permission. */
export function problemNavItems(permissions: readonly string[], t: TFunction): LoopNavItem[] {
  const has = (p: string) => permissions.includes(p);
  const items: LoopNavItem[] = [];
  // The quality home is for those who run problems: quality, managers and admins.
  if (has('problem:write'))
    items.push({
      to: '/quality',
      label: t('problems.nav.home'),
      testId: 'nav-quality',
      match: (path) => path === '/quality',
    });
  if (has('problem:read'))
    items.push({
      to: '/problems',
      label: t('problems.nav.problems'),
      testId: 'nav-problems',
      match: (path) => path === '/problems' || path.startsWith('/problems/'),
    });
  if (has('report:read'))
    items.push({
      to: '/reports/problems',
      label: t('problems.nav.report'),
      testId: 'nav-report-problems',
      match: (path) => path === '/reports/problems',
    });
  return items;
}
