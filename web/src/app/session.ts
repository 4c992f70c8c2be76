import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../src/modules/auth/auth.contract.ts';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { isUiLanguage, setUiLanguage } from '../i18n/i18n.ts';

export const SESSION_KEY = ['session'] as const;

let appliedUserLanguage = false;

async function fetchSession(): Promise<MeResponse | null> {
  try {
    const session = await api.call('me');
    acceptSession(session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Keeps the CSRF token and, once per sign-in, follows the user's saved language. */
export function acceptSession(session: MeResponse): void {
  setCsrfToken(session.csrfToken);
  if (!appliedUserLanguage && isUiLanguage(session.user.locale)) {
    appliedUserLanguage = true;
    void setUiLanguage(session.user.locale);
  }
}

export function forgetSession(): void {
  setCsrfToken(null);
  appliedUserLanguage = false;
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
}

/** The signed-in user; only call below `RequireAuth`. */
export function useCurrentUser() {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data.user;
}

export function useSignOutLocally() {
  const queryClient = useQueryClient();
  return () => {
    forgetSession();
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  };
}
