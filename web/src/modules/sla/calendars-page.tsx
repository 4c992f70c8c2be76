import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import { calendarInput } from '../../../../src/modules/sla/sla.contract.ts';
import { defineResourceForm } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import type { Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { CalendarFields, countryLabel } from './calendar-fields.tsx';
import { IcsImport } from './ics-import.tsx';
import {
  slaKeys,
  useCalendars,
  useSlaDefaults,
  type Calendar,
  type CalendarInput,
} from './sla.api.ts';

const calendarForm = defineResourceForm({
  schema: calendarInput,
  // A new calendar starts from the server's default calendar, without its names; the form edits
  // the names per language and does not send back `name` (the reader's).
  initial: (calendar: Calendar | null, start: CalendarInput | undefined): CalendarInput =>
    calendar ? { ...calendar, name: undefined } : { ...start!, name: undefined, names: {} },
  Fields: CalendarFields,
  save: (request, calendar) =>
    calendar
      ? api.call('updateCalendar', { params: { id: calendar.id }, body: request })
      : api.call('createCalendar', { body: request }),
});

/** Admin: business calendars, with weekly hours, Vietnamese holidays and per-year overrides. */
export function CalendarsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendars.title'));
  const calendars = useCalendars();
  const defaults = useSlaDefaults();
  const canEdit = useHasPermission()('sla:admin');
  const columns: Column<Calendar>[] = [
    {
      key: 'name',
      header: t('calendars.name'),
      cell: (c) => (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          {c.isDefault && (
            <Badge color="blue.8" variant="filled" size="sm">
              {t('calendars.default')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'timeZone', header: t('calendars.timeZone'), cell: (c) => c.timeZone },
    {
      key: 'country',
      header: t('calendars.country'),
      cell: (c) => countryLabel(c.holidayCountry, t),
    },
  ];
  return (
    <ResourcePage<Calendar, CalendarInput>
      testId="calendar"
      listTestId="calendars-table"
      title={t('calendars.title')}
      help={t('calendars.help')}
      newLabel={t('calendars.new')}
      editTitle={(c) => t('calendars.editNamed', { name: c.name })}
      query={calendars}
      queryKey={slaKeys.calendars}
      columns={columns}
      tableMinWidth={600}
      itemName={(c) => c.name}
      form={calendarForm}
      newPreset={defaults.data?.calendar}
      canCreate={defaults.isSuccess}
      canEdit={canEdit}
      error={defaults.error}
      editor={{
        kind: 'panel',
        // A saved calendar comes back with a new version; the form then shows what was stored.
        key: (c) => `${c.id}-${c.version}`,
        saveHint: (c) => (c ? t('calendars.saveHint') : undefined),
        after: (c) => c && canEdit && <IcsImport calendarId={c.id} />,
      }}
    />
  );
}
