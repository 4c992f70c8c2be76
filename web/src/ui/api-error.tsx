import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';

/**
 * Splits an API error into a message for each named form field it refused (all of them at
 * once) and a message for the whole form: what no shown field can display.
 */
export function splitApiError(
  error: unknown,
  fields: readonly string[],
): { field: Record<string, string>; general: string | null } {
  if (!error) return { field: {}, general: null };
  if (error instanceof ApiError && error.errors.length > 0) {
    const field: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const e of error.errors) {
      if (fields.includes(e.field)) field[e.field] ??= e.message;
      else elsewhere.push(e.message);
    }
    return { field, general: elsewhere.length > 0 ? elsewhere.join(' ') : null };
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
