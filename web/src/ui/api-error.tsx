import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';

/** Splits an API error into the message for a named form field and a message for the whole form. */
export function splitApiError(
  error: unknown,
  fields: readonly string[],
): { field: Record<string, string>; general: string | null } {
  if (!error) return { field: {}, general: null };
  if (error instanceof ApiError && error.field && fields.includes(error.field)) {
    return { field: { [error.field]: error.message }, general: null };
  }
  return { field: {}, general: errorMessage(error) };
}

export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = typeof error === 'string' ? error : errorMessage(error);
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid={testId ?? 'error-alert'}>
      {message}
    </Alert>
  );
}
