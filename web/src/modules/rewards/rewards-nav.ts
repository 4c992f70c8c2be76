import type { TFunction } from 'i18next';
import type { LoopNavItem } from '../notices/loop-nav.ts';

/** Navigation to the approvals, the report and the admin pages of step 7, by permission. */
export function rewardNavItems(
  permissions: readonly string[],
  t: TFunction,
): { main: LoopNavItem[]; admin: LoopNavItem[] } {
  const has = (p: string) => permissions.includes(p);
  const item = (to: string, label: string, testId: string): LoopNavItem => ({
    to,
    label,
    testId,
    match: (path) => path === to,
  });
  const main: LoopNavItem[] = [];
  if (has('reward:approve'))
    main.push(item('/approvals', t('rewards.nav.approvals'), 'nav-approvals'));
  if (has('report:read'))
    main.push(item('/reports/rewards', t('rewards.nav.report'), 'nav-report-rewards'));
  const admin: LoopNavItem[] = [];
  if (has('reward:admin')) {
    admin.push(item('/admin/gifts', t('rewards.nav.gifts'), 'nav-admin-gifts'));
    admin.push(item('/admin/budgets', t('rewards.nav.budgets'), 'nav-admin-budgets'));
    admin.push(item('/admin/authority-rules', t('rewards.nav.rules'), 'nav-admin-rules'));
  }
  return { main, admin };
}
