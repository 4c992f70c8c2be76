import { Route, Routes } from 'react-router';
import { DepartmentsPage } from '../modules/admin/departments-page.tsx';
import { ReasonsPage } from '../modules/admin/reasons-page.tsx';
import { TemplatesPage } from '../modules/admin/templates-page.tsx';
import { UsersPage } from '../modules/admin/users-page.tsx';
import { LoginPage } from '../modules/auth/login-page.tsx';
import { ComplaintDetailPage } from '../modules/complaints/complaint-detail-page.tsx';
import { ComplaintNewPage } from '../modules/complaints/complaint-new-page.tsx';
import { ComplaintQueuePage } from '../modules/complaints/complaint-queue-page.tsx';
import { DeadlineRequestsPage } from '../modules/commitments/deadline-requests-page.tsx';
import { PromiseReportPage } from '../modules/commitments/promise-report-page.tsx';
import { TaskTypesPage } from '../modules/commitments/task-types-page.tsx';
import { MailboxPage } from '../modules/mailbox/mailbox-page.tsx';
import { PortalPage } from '../modules/portal/portal-page.tsx';
import { PublicFormPage } from '../modules/public-form/public-form-page.tsx';
import { CalendarsPage } from '../modules/sla/calendars-page.tsx';
import { SlaPoliciesPage } from '../modules/sla/sla-policies-page.tsx';
import { AppShellLayout } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth, RequireRole } from './require-auth.tsx';
import { RequirePermission } from './require-permission.tsx';

export function AppRouter() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/complain/:orgSlug" element={<PublicFormPage />} />
      <Route path="/track/:token" element={<PortalPage />} />
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
          path="admin/task-types"
          element={
            <RequirePermission anyOf={['tasktype:admin']}>
              <TaskTypesPage />
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
        <Route path="dev/mailbox" element={<MailboxPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
