import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth, RequireRole } from './require-auth.tsx';
import { RequirePermission } from './require-permission.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

// Every screen but the sign-in page loads when it is first opened, the shell and the queue too:
// the sign-in page (the console's first route for a new visitor) starts with less. The public form (/complain/<org>) and the portal (/track/<token>) are pages
// of their own (web/public-form.html, web/portal.html), not screens of the console.
const AppShellLayout = lazy(() =>
  import('./app-shell.tsx').then((m) => ({ default: m.AppShellLayout })),
);
const ComplaintQueuePage = lazy(() =>
  import('../modules/complaints/complaint-queue-page.tsx').then((m) => ({
    default: m.ComplaintQueuePage,
  })),
);
const DepartmentsPage = lazy(() =>
  import('../modules/admin/departments-page.tsx').then((m) => ({ default: m.DepartmentsPage })),
);
const ReasonsPage = lazy(() =>
  import('../modules/admin/reasons-page.tsx').then((m) => ({ default: m.ReasonsPage })),
);
const TemplatesPage = lazy(() =>
  import('../modules/admin/templates-page.tsx').then((m) => ({ default: m.TemplatesPage })),
);
const MailSettingsPage = lazy(() =>
  import('../modules/mailbox/mail-settings-page.tsx').then((m) => ({
    default: m.MailSettingsPage,
  })),
);
const UsersPage = lazy(() =>
  import('../modules/admin/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
const ComplaintDetailPage = lazy(() =>
  import('../modules/complaints/complaint-detail-page.tsx').then((m) => ({
    default: m.ComplaintDetailPage,
  })),
);
const ComplaintNewPage = lazy(() =>
  import('../modules/complaints/complaint-new-page.tsx').then((m) => ({
    default: m.ComplaintNewPage,
  })),
);
const DeadlineRequestsPage = lazy(() =>
  import('../modules/commitments/deadline-requests-page.tsx').then((m) => ({
    default: m.DeadlineRequestsPage,
  })),
);
const PromiseReportPage = lazy(() =>
  import('../modules/commitments/promise-report-page.tsx').then((m) => ({
    default: m.PromiseReportPage,
  })),
);
const TaskTypesPage = lazy(() =>
  import('../modules/commitments/task-types-page.tsx').then((m) => ({ default: m.TaskTypesPage })),
);
const MailboxPage = lazy(() =>
  import('../modules/mailbox/mailbox-page.tsx').then((m) => ({ default: m.MailboxPage })),
);
const CalendarsPage = lazy(() =>
  import('../modules/sla/calendars-page.tsx').then((m) => ({ default: m.CalendarsPage })),
);
const FollowUpsPage = lazy(() =>
  import('../modules/follow-ups/follow-ups-page.tsx').then((m) => ({ default: m.FollowUpsPage })),
);
const FollowUpReportPage = lazy(() =>
  import('../modules/follow-ups/follow-up-report-page.tsx').then((m) => ({
    default: m.FollowUpReportPage,
  })),
);
const FollowUpSettingsPage = lazy(() =>
  import('../modules/follow-ups/follow-up-settings-page.tsx').then((m) => ({
    default: m.FollowUpSettingsPage,
  })),
);
const WebhooksPage = lazy(() =>
  import('../modules/webhooks/webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })),
);
const ImportPage = lazy(() =>
  import('../modules/imports/import-page.tsx').then((m) => ({ default: m.ImportPage })),
);
const SurveyReportPage = lazy(() =>
  import('../modules/surveys/survey-report-page.tsx').then((m) => ({
    default: m.SurveyReportPage,
  })),
);
const AnalyticsPage = lazy(() =>
  import('../modules/analytics/analytics-page.tsx').then((m) => ({ default: m.AnalyticsPage })),
);
const CohortsReportPage = lazy(() =>
  import('../modules/commerce/cohorts-report-page.tsx').then((m) => ({
    default: m.CohortsReportPage,
  })),
);
const WinBackPage = lazy(() =>
  import('../modules/commerce/win-back-page.tsx').then((m) => ({ default: m.WinBackPage })),
);
const SurveySettingsPage = lazy(() =>
  import('../modules/surveys/survey-settings-page.tsx').then((m) => ({
    default: m.SurveySettingsPage,
  })),
);
const SlaPoliciesPage = lazy(() =>
  import('../modules/sla/sla-policies-page.tsx').then((m) => ({ default: m.SlaPoliciesPage })),
);

const ApprovalsPage = lazy(() =>
  import('../modules/rewards/approvals-page.tsx').then((m) => ({ default: m.ApprovalsPage })),
);
const RewardsReportPage = lazy(() =>
  import('../modules/rewards/rewards-report-page.tsx').then((m) => ({
    default: m.RewardsReportPage,
  })),
);
const GiftCataloguePage = lazy(() =>
  import('../modules/rewards/gift-catalogue-page.tsx').then((m) => ({
    default: m.GiftCataloguePage,
  })),
);
const BudgetsPage = lazy(() =>
  import('../modules/rewards/budgets-page.tsx').then((m) => ({ default: m.BudgetsPage })),
);
const AuthorityRulesPage = lazy(() =>
  import('../modules/rewards/authority-rules-page.tsx').then((m) => ({
    default: m.AuthorityRulesPage,
  })),
);

const ProblemsPage = lazy(() =>
  import('../modules/problems/problems-page.tsx').then((m) => ({ default: m.ProblemsPage })),
);
const ProblemDetailPage = lazy(() =>
  import('../modules/problems/problem-detail-page.tsx').then((m) => ({
    default: m.ProblemDetailPage,
  })),
);
const QualityHomePage = lazy(() =>
  import('../modules/problems/quality-home-page.tsx').then((m) => ({
    default: m.QualityHomePage,
  })),
);
const ProblemReportPage = lazy(() =>
  import('../modules/problems/problem-report-page.tsx').then((m) => ({
    default: m.ProblemReportPage,
  })),
);

export function AppRouter() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppShellLayout />
            </RequireAuth>
          }
        >
          <Route index element={<ComplaintQueuePage />} />
          <Route path="complaints/new" element={<ComplaintNewPage />} />
          <Route path="complaints/:id" element={<ComplaintDetailPage />} />
          <Route
            path="admin/users"
            element={
              <RequireRole roles={['admin']}>
                <UsersPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/departments"
            element={
              <RequireRole roles={['admin']}>
                <DepartmentsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/reasons"
            element={
              <RequireRole roles={['admin']}>
                <ReasonsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/templates"
            element={
              <RequireRole roles={['admin']}>
                <TemplatesPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/mail"
            element={
              <RequireRole roles={['admin']}>
                <MailSettingsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/calendars"
            element={
              <RequirePermission anyOf={['sla:admin']}>
                <CalendarsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/sla-policies"
            element={
              <RequirePermission anyOf={['sla:admin']}>
                <SlaPoliciesPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/webhooks"
            element={
              <RequirePermission anyOf={['webhook:admin']}>
                <WebhooksPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/import"
            element={
              <RequirePermission anyOf={['commerce:import']}>
                <ImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/task-types"
            element={
              <RequirePermission anyOf={['tasktype:admin']}>
                <TaskTypesPage />
              </RequirePermission>
            }
          />
          <Route
            path="approvals"
            element={
              <RequirePermission anyOf={['reward:approve']}>
                <ApprovalsPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/rewards"
            element={
              <RequirePermission anyOf={['report:read']}>
                <RewardsReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/gifts"
            element={
              <RequirePermission anyOf={['reward:admin']}>
                <GiftCataloguePage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/budgets"
            element={
              <RequirePermission anyOf={['reward:admin']}>
                <BudgetsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/authority-rules"
            element={
              <RequirePermission anyOf={['reward:admin']}>
                <AuthorityRulesPage />
              </RequirePermission>
            }
          />
          <Route
            path="deadline-requests"
            element={
              <RequirePermission anyOf={['deadline:answer', 'commitment:make']}>
                <DeadlineRequestsPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/promises"
            element={
              <RequirePermission anyOf={['report:read']}>
                <PromiseReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="follow-ups"
            element={
              <RequirePermission anyOf={['followup:record']}>
                <FollowUpsPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/follow-ups"
            element={
              <RequirePermission anyOf={['report:read']}>
                <FollowUpReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/analytics"
            element={
              <RequirePermission anyOf={['report:read']}>
                <AnalyticsPage />
              </RequirePermission>
            }
          />
          <Route
            path="win-back"
            element={
              <RequirePermission anyOf={['winback:work']}>
                <WinBackPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/cohorts"
            element={
              <RequirePermission anyOf={['report:read']}>
                <CohortsReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/surveys"
            element={
              <RequirePermission anyOf={['survey:read']}>
                <SurveyReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/surveys"
            element={
              <RequirePermission anyOf={['survey:admin']}>
                <SurveySettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/follow-ups"
            element={
              <RequirePermission anyOf={['sla:admin']}>
                <FollowUpSettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="problems"
            element={
              <RequirePermission anyOf={['problem:read']}>
                <ProblemsPage />
              </RequirePermission>
            }
          />
          <Route
            path="problems/:id"
            element={
              <RequirePermission anyOf={['problem:read']}>
                <ProblemDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="quality"
            element={
              <RequirePermission anyOf={['problem:write']}>
                <QualityHomePage />
              </RequirePermission>
            }
          />
          <Route
            path="reports/problems"
            element={
              <RequirePermission anyOf={['report:read']}>
                <ProblemReportPage />
              </RequirePermission>
            }
          />
          <Route path="dev/mailbox" element={<MailboxPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
