import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarInput } from '../../../../src/modules/sla/sla.contract.ts';
import type { FieldsProps } from '../../ui/resource-form.tsx';
import { CustomHolidaysEditor } from './custom-holidays-editor.tsx';
import { OverridesEditor } from './holiday-overrides-editor.tsx';
import { HolidayYearView } from './holiday-year-view.tsx';
import { NamesFields } from './names-fields.tsx';
import type { Calendar, CalendarInput, YearOverrides } from './sla.api.ts';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';

const COUNTRIES = calendarInput.shape.holidayCountry.unwrap().unwrap().options;
type Country = (typeof COUNTRIES)[number];
const COUNTRY_LABELS: Record<Country, string> = { VN: 'calendars.vietnam' };
const NO_COUNTRY = 'none';

export function countryLabel(country: Country | null, t: (key: string) => string): string {
  return country ? t(COUNTRY_LABELS[country]) : '—';
}

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  for (const zone of ['Asia/Ho_Chi_Minh', 'UTC', current])
    if (!zones.includes(zone)) zones.push(zone);
  return zones;
}

/** A business calendar's fields: zone, country, weekly hours, custom holidays, per-year overrides. */
export function CalendarFields({ form, item }: FieldsProps<Calendar, CalendarInput>) {
  const { t } = useTranslation();
  const { values } = form;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);

  const overrides: YearOverrides = values.holidayOverrides.find((o) => o.year === year) ?? {
    year,
  };
  const setOverrides = (next: YearOverrides) =>
    form.set(
      'holidayOverrides',
      [...values.holidayOverrides.filter((o) => o.year !== year), next].sort(
        (a, b) => a.year - b.year,
      ),
    );

  return (
    <>
      <NamesFields
        value={values.names}
        onChange={(names) => form.set('names', names)}
        errorOf={form.errorOf}
        testId="calendar-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Select
          label={t('calendars.timeZone')}
          searchable
          allowDeselect={false}
          {...form.select('timeZone')}
          data={zones}
          limit={50}
          data-testid="calendar-timezone"
        />
        <Select
          label={t('calendars.country')}
          allowDeselect={false}
          value={values.holidayCountry ?? NO_COUNTRY}
          onChange={(value) =>
            form.set('holidayCountry', COUNTRIES.find((c) => c === value) ?? null)
          }
          data={[
            ...COUNTRIES.map((c) => ({ value: c, label: countryLabel(c, t) })),
            { value: NO_COUNTRY, label: t('calendars.noCountry') },
          ]}
          error={form.errorOf('holidayCountry')}
          data-testid="calendar-country"
        />
        <Switch
          label={t('calendars.isDefault')}
          {...form.checkbox('isDefault')}
          mt={{ lg: 28 }}
          data-testid="calendar-default"
        />
      </SimpleGrid>

      <WeeklyHoursEditor
        value={values.weeklyHours}
        onChange={(weeklyHours) => form.set('weeklyHours', weeklyHours)}
        error={form.errorOf('weeklyHours')}
      />

      <CustomHolidaysEditor
        value={values.customHolidays}
        onChange={(customHolidays) => form.set('customHolidays', customHolidays)}
        errorOf={(path) => form.errorOf(path ? `customHolidays.${path}` : 'customHolidays')}
      />

      <Fieldset legend={t('calendars.yearTitle')}>
        <Stack gap="sm">
          <NumberInput
            label={t('calendars.year')}
            value={year}
            min={1900}
            max={2199}
            allowDecimal={false}
            onChange={(value) => {
              const next = Number(value);
              if (Number.isInteger(next) && next >= 1900 && next <= 2199) setYear(next);
            }}
            w={160}
            data-testid="holiday-year"
          />
          {item ? (
            <HolidayYearView calendarId={item.id} year={year} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('calendars.saveFirst')}
            </Text>
          )}
          <OverridesEditor
            year={year}
            value={overrides}
            onChange={setOverrides}
            error={form.errorOf('holidayOverrides')}
          />
          {values.holidays.length > 0 && (
            <Text size="sm" data-testid="calendar-imported-count">
              {t('calendars.importedCount', { count: values.holidays.length })}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </>
  );
}
