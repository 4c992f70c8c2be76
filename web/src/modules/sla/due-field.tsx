import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import 'dayjs/locale/zh-cn';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
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
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALE[i18n.language] ?? 'vi', firstDayOfWeek: 1 }}>
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
          data-testid={testId}
          data-iso={value ?? ''}
        />
      </div>
    </DatesProvider>
  );
}
