import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import 'dayjs/locale/zh-cn';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToWall, wallToIso } from './time.ts';

const DAYJS_LOCALE: Record<string, string> = { vi: 'vi', en: 'en', zh: 'zh-cn' };

/**
 * A due date and time, picked as a wall time in the org's time zone and handed on as an ISO
 * instant, whatever zone the browser is in.
 */
export function DueField({
  label,
  value,
  onChange,
  timeZone,
  testId,
  error,
  required,
  description,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  timeZone: string;
  testId: string;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  const { t, i18n } = useTranslation();
  // The popover names its dialog after its target's id; the picker button must carry that same id,
  // or the dialog is left without a name.
  const base = `due-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    // No red weekend days: Mantine's red is 3.3:1 on white, below the contrast minimum.
    <DatesProvider
      settings={{ locale: DAYJS_LOCALE[i18n.language] ?? 'vi', firstDayOfWeek: 1, weekendDays: [] }}
    >
      <div data-testid={`${testId}-field`} data-iso={value ?? ''}>
        <DateTimePicker
          label={label}
          description={description ?? t('sla.timeZoneHint', { zone: timeZone })}
          value={isoToWall(value, timeZone)}
          onChange={(wall) => onChange(wallToIso(wall, timeZone) ?? null)}
          valueFormat="DD/MM/YYYY HH:mm"
          placeholder={t('sla.pickDateTime')}
          required={required}
          error={error}
          clearable={false}
          submitButtonProps={{ 'aria-label': t('sla.applyDateTime') }}
          timePickerProps={{ 'aria-label': t('sla.time') }}
          id={base}
          popoverProps={{ id: base }}
          previousLabel={t('sla.previousMonth')}
          nextLabel={t('sla.nextMonth')}
          hideOutsideDates
          data-testid={testId}
          data-iso={value ?? ''}
        />
      </div>
    </DatesProvider>
  );
}
