import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import 'dayjs/locale/zh-cn';
import { DatePickerInput, DatesProvider, DateTimePicker, TimePicker } from '@mantine/dates';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lunarDateAroundTet } from '../../../src/modules/sla/sla.contract.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { isoToWall, wallToIso } from '../modules/sla/time.ts';

const DAYJS_LOCALE: Record<string, string> = { vi: 'vi', en: 'en', zh: 'zh-cn' };

/** A day of the calendar, with its lunar day and month under it around Tết. */
function dayWithLunar(date: string): ReactNode {
  const day = Number(date.slice(8, 10));
  const lunar = lunarDateAroundTet(date.slice(0, 10));
  if (!lunar) return day;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.05 }}>
      <span>{day}</span>
      <span style={{ fontSize: '0.62em' }} data-testid="lunar-day">
        {lunar.day}/{lunar.month}
      </span>
    </span>
  );
}

/** The calendar's words and week: the UI's language, Monday first, no red weekends. */
function Dates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    // Mantine's red is 3.3:1 on white, below the contrast minimum, so weekends stay plain.
    <DatesProvider
      settings={{ locale: DAYJS_LOCALE[i18n.language] ?? 'vi', firstDayOfWeek: 1, weekendDays: [] }}
    >
      {children}
    </DatesProvider>
  );
}

type DateTimeFieldProps = {
  label: string;
  /** An ISO instant. */
  value: string | null;
  onChange: (iso: string | null) => void;
  timeZone: string;
  testId: string;
  error?: string;
  required?: boolean;
  description?: string;
  clearable?: boolean;
};

/**
 * A date and time, picked as a wall time in the org's time zone (whatever zone the browser is
 * in) and handed on as an ISO instant. It shows the choice in the house style of the language,
 * with the lunar date around Tết.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  timeZone,
  testId,
  error,
  required,
  description,
  clearable = false,
}: DateTimeFieldProps) {
  const { t, i18n } = useTranslation();
  // The popover names its dialog after its target's id; the picker button must carry that same id,
  // or the dialog is left without a name.
  const base = `dt-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <Dates>
      <div data-testid={`${testId}-field`} data-iso={value ?? ''}>
        <DateTimePicker
          label={label}
          description={description ?? t('sla.timeZoneHint', { zone: timeZone })}
          value={isoToWall(value, timeZone)}
          onChange={(wall) => onChange(wallToIso(wall, timeZone) ?? null)}
          valueFormat={(wall) => formatDateTime(wallToIso(wall, timeZone), i18n.language, timeZone)}
          renderDay={dayWithLunar}
          placeholder={t('sla.pickDateTime')}
          required={required}
          error={error}
          clearable={clearable}
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
    </Dates>
  );
}

/** A calendar day (`YYYY-MM-DD`, no time, no zone), shown in the house style of the language. */
export function DateField({
  label,
  value,
  onChange,
  testId,
  error,
  description,
  minDate,
  maxDate,
}: {
  label: string;
  value: string | null;
  onChange: (date: string | null) => void;
  testId: string;
  error?: string;
  description?: string;
  /** The first and last days that may be picked (`YYYY-MM-DD`). */
  minDate?: string;
  maxDate?: string;
}) {
  const { t, i18n } = useTranslation();
  const base = `d-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <Dates>
      <div data-testid={`${testId}-field`} data-date={value ?? ''}>
        <DatePickerInput
          label={label}
          description={description}
          value={value}
          onChange={(date) => onChange(date ? String(date).slice(0, 10) : null)}
          valueFormatter={({ date }) =>
            typeof date === 'string' ? formatDate(date.slice(0, 10), i18n.language) : ''
          }
          renderDay={dayWithLunar}
          placeholder={t('forms.pickDate')}
          minDate={minDate}
          maxDate={maxDate}
          error={error}
          clearable
          clearButtonProps={{ 'aria-label': t('forms.clearDate') }}
          id={base}
          popoverProps={{ id: base }}
          previousLabel={t('sla.previousMonth')}
          nextLabel={t('sla.nextMonth')}
          data-testid={testId}
        />
      </div>
    </Dates>
  );
}

/**
 * A time of day (`HH:mm`, 24-hour in every language), typed or stepped in the app's own fields
 * rather than the browser's, which would show AM/PM to an English reader.
 */
export function TimeField({
  label,
  value,
  onChange,
  testId,
  size,
}: {
  /** What a screen reader says for the field; its hours and minutes are named after it. */
  label: string;
  value: string;
  onChange: (time: string) => void;
  testId: string;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} data-value={value}>
      <TimePicker
        size={size}
        format="24h"
        value={value}
        onChange={(time) => onChange(time.slice(0, 5))}
        hoursInputLabel={t('forms.hoursOf', { field: label })}
        minutesInputLabel={t('forms.minutesOf', { field: label })}
        aria-label={label}
      />
    </div>
  );
}
