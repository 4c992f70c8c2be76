import type { TFunction } from 'i18next';

export type LoopNavItem = {
  to: string;
  label: string;
  testId: string;
  match: (path: string) => boolean;
};

/** Navigation to the clock, commitment and report screens, by permission. */
export function loopNavItems(
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
  if (has('deadline:answer') || has('commitment:make')) {
    main.push(item('/deadline-requests', t('loopNav.deadlineRequests'), 'nav-deadline-requests'));
  }
  if (has('followup:record')) {
    main.push(item('/follow-ups', t('followUps.title'), 'nav-follow-ups'));
  }
  if (has('report:read')) {
    main.push(item('/reports/promises', t('loopNav.promiseReport'), 'nav-report-promises'));
    main.push(item('/reports/follow-ups', t('followUps.report.title'), 'nav-report-follow-ups'));
    main.push(item('/reports/analytics', t('analytics.title'), 'nav-report-analytics'));
    main.push(item('/reports/cohorts', t('cohorts.nav'), 'nav-report-cohorts'));
  }
  if (has('winback:work')) {
    main.push(item('/win-back', t('winBack.nav'), 'nav-win-back'));
  }
  if (has('survey:read') && has('report:read')) {
    main.push(item('/reports/surveys', t('surveys.report.title'), 'nav-report-surveys'));
  }
  const admin: LoopNavItem[] = [];
  if (has('sla:admin')) {
    admin.push(item('/admin/calendars', t('loopNav.calendars'), 'nav-admin-calendars'));
    admin.push(item('/admin/sla-policies', t('loopNav.policies'), 'nav-admin-sla-policies'));
  }
  if (has('sla:admin')) {
    admin.push(item('/admin/follow-ups', t('followUps.settings.title'), 'nav-admin-follow-ups'));
  }
  if (has('survey:admin')) {
    admin.push(item('/admin/surveys', t('surveys.settings.title'), 'nav-admin-surveys'));
  }
  if (has('tasktype:admin')) {
    admin.push(item('/admin/task-types', t('loopNav.taskTypes'), 'nav-admin-task-types'));
  }
  return { main, admin };
}
