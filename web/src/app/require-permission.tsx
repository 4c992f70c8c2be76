import type { ReactNode } from 'react';
import { ForbiddenPage } from './not-found-page.tsx';
import { useSession } from './session.ts';

/** Shows the page only to someone holding one of these permissions. */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const session = useSession();
  const held: readonly string[] = session.data?.user.permissions ?? [];
  if (!anyOf.some((permission) => held.includes(permission))) return <ForbiddenPage />;
  return <>{children}</>;
}

export function useHasPermission() {
  const session = useSession();
  const held: readonly string[] = session.data?.user.permissions ?? [];
  return (permission: string) => held.includes(permission);
}
