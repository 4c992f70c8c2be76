import { Button, FileInput, Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useImportIcs } from './sla.api.ts';

/** Imports holidays from an .ics file into the calendar (its own form, beside the editor). */
export function IcsImport({ calendarId }: { calendarId: string }) {
  const { t } = useTranslation();
  const importIcs = useImportIcs(calendarId);
  const thisYear = new Date().getFullYear();
  const [file, setFile] = useState<File | null>(null);
  const [fromYear, setFromYear] = useState<number | string>(thisYear);
  const [toYear, setToYear] = useState<number | string>(thisYear + 1);
  const [readError, setReadError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setReadError(null);
    let ics: string;
    try {
      ics = await file.text();
    } catch {
      setReadError(t('calendars.icsReadError'));
      return;
    }
    importIcs.mutate(
      { ics, fromYear: Number(fromYear), toYear: Number(toYear) },
      {
        onSuccess: (result) =>
          notifications.show({
            color: 'teal',
            message: t('calendars.icsImported', { count: result.imported }),
          }),
      },
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="ics-import">
      <Fieldset legend={t('calendars.icsTitle')} mt="md">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('calendars.icsHelp')}
          </Text>
          <ErrorAlert error={readError ?? importIcs.error} />
          <Group align="flex-end" gap="xs" wrap="wrap">
            <FileInput
              label={t('calendars.icsFile')}
              placeholder={t('calendars.icsPick')}
              accept=".ics,text/calendar"
              value={file}
              onChange={setFile}
              clearable
              w={260}
              data-testid="ics-file"
            />
            <NumberInput
              label={t('calendars.fromYear')}
              value={fromYear}
              onChange={setFromYear}
              min={1900}
              max={2199}
              allowDecimal={false}
              w={120}
            />
            <NumberInput
              label={t('calendars.toYear')}
              value={toYear}
              onChange={setToYear}
              min={1900}
              max={2199}
              allowDecimal={false}
              w={120}
            />
            <Button
              type="submit"
              disabled={!file}
              loading={importIcs.isPending}
              data-testid="ics-submit"
            >
              {t('calendars.icsImport')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
