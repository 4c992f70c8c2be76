import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { UserView } from '../../../src/modules/org/org.contract.ts';
import { ErrorAlert } from '../ui/api-error.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useSession } from './session.ts';
import { ForbiddenPage } from './not-found-page.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <main>
        <ErrorAlert error={session.error} />
      </main>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({
  roles,
  children,
}: {
  roles: UserView['role'][];
  children: ReactNode;
}) {
  const session = useSession();
  if (!session.data || !roles.includes(session.data.user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}
