import {
  Badge,
  Button,
  Checkbox,
  FileInput,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import {
  useCalendars,
  useHolidayYear,
  useImportIcs,
  useSaveCalendar,
  type Calendar,
  type CalendarInput,
  type CustomHoliday,
  type HolidayYear,
  type Period,
  type Weekday,
  type YearOverrides,
} from './sla.api.ts';
import { useOrgTimeZone } from './time.ts';
import { weeklyHoursSchema } from '../../../../src/modules/sla/sla.contract.ts';

const WORKDAY: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

function blankCalendar(timeZone: string): CalendarInput {
  return {
    name: '',
    timeZone,
    weeklyHours: {
      mon: WORKDAY,
      tue: WORKDAY,
      wed: WORKDAY,
      thu: WORKDAY,
      fri: WORKDAY,
      sat: [],
      sun: [],
    },
    dateHours: {},
    holidays: [],
    holidayCountry: 'VN',
    holidayOverrides: [],
    customHolidays: [],
    isDefault: false,
  };
}

function toInput(calendar: Calendar): CalendarInput {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    dateHours: calendar.dateHours ?? {},
    holidays: calendar.holidays ?? [],
    holidayCountry: calendar.holidayCountry ?? null,
    holidayOverrides: calendar.holidayOverrides ?? [],
    customHolidays: calendar.customHolidays ?? [],
    isDefault: calendar.isDefault,
  };
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

/** Admin: business calendars, with weekly hours, Vietnamese holidays and per-year overrides. */
export function CalendarsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendars.title'));
  const calendars = useCalendars();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const current =
    selected && selected !== 'new' ? (calendars.data ?? []).find((c) => c.id === selected) : null;
  const editing = selected === 'new' ? 'new' : (current ?? null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('calendars.title')}</Title>
        <Button onClick={() => setSelected('new')} data-testid="calendar-new">
          {t('calendars.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('calendars.help')}
      </Text>
      <ErrorAlert error={calendars.error} />
      {calendars.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={600} type="native">
          <Table data-testid="calendars-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendars.name')}</Table.Th>
                <Table.Th>{t('calendars.timeZone')}</Table.Th>
                <Table.Th>{t('calendars.country')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(calendars.data ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('common.empty')}</Table.Td>
                </Table.Tr>
              )}
              {(calendars.data ?? []).map((c) => (
                <Table.Tr key={c.id} data-testid="calendar-row" aria-selected={c.id === selected}>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>{c.timeZone}</Table.Td>
                  <Table.Td>{c.holidayCountry ? t('calendars.vietnam') : '—'}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setSelected(c.id)}
                        aria-label={t('common.editNamed', { name: c.name })}
                        data-testid="calendar-edit"
                      >
                        {t('common.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CalendarEditor
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          calendar={editing === 'new' ? null : editing}
          onSaved={(id) => setSelected(id)}
        />
      )}
    </Stack>
  );
}

function CalendarEditor({
  calendar,
  onSaved,
}: {
  calendar: Calendar | null;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const can = useHasPermission();
  const canEdit = can('sla:admin');
  const orgZone = useOrgTimeZone();
  const save = useSaveCalendar();
  const [form, setForm] = useState<CalendarInput>(() =>
    calendar ? toInput(calendar) : blankCalendar(orgZone),
  );
  const [year, setYear] = useState(() => new Date().getFullYear());
  const zones = useMemo(() => timeZones(form.timeZone), [form.timeZone]);
  const errors = splitApiError(save.error, ['name', 'timeZone', 'weeklyHours']);
  const patch = (changes: Partial<CalendarInput>) => setForm((f) => ({ ...f, ...changes }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: calendar?.id ?? null, input: form },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onSaved(saved.id);
        },
      },
    );
  };

  const overrides: YearOverrides = form.holidayOverrides.find((o) => o.year === year) ?? { year };
  const setOverrides = (next: YearOverrides) =>
    patch({
      holidayOverrides: [...form.holidayOverrides.filter((o) => o.year !== year), next].sort(
        (a, b) => a.year - b.year,
      ),
    });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="calendar-editor-title"
      data-testid="calendar-editor"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="calendar-editor-title">
            {calendar ? t('calendars.editNamed', { name: calendar.name }) : t('calendars.new')}
          </Title>
          <ErrorAlert error={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label={t('calendars.name')}
              required
              value={form.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
              error={errors.field.name}
              data-testid="calendar-name"
            />
            <Select
              label={t('calendars.timeZone')}
              searchable
              allowDeselect={false}
              value={form.timeZone}
              onChange={(value) => value && patch({ timeZone: value })}
              data={zones}
              limit={50}
              error={errors.field.timeZone}
              data-testid="calendar-timezone"
            />
            <Select
              label={t('calendars.country')}
              allowDeselect={false}
              value={form.holidayCountry ?? 'none'}
              onChange={(value) => patch({ holidayCountry: value === 'VN' ? 'VN' : null })}
              data={[
                { value: 'VN', label: t('calendars.vietnam') },
                { value: 'none', label: t('calendars.noCountry') },
              ]}
              data-testid="calendar-country"
            />
            <Switch
              label={t('calendars.isDefault')}
              checked={form.isDefault}
              onChange={(e) => patch({ isDefault: e.currentTarget.checked })}
              mt={{ lg: 28 }}
              data-testid="calendar-default"
            />
          </SimpleGrid>

          <WeeklyHoursEditor
            value={form.weeklyHours}
            onChange={(weeklyHours) => patch({ weeklyHours })}
            error={errors.field.weeklyHours}
          />

          <CustomHolidaysEditor
            value={form.customHolidays}
            onChange={(customHolidays) => patch({ customHolidays })}
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
              {calendar ? (
                <HolidayYearView calendarId={calendar.id} year={year} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('calendars.saveFirst')}
                </Text>
              )}
              <OverridesEditor year={year} value={overrides} onChange={setOverrides} />
              {form.holidays.length > 0 && (
                <Text size="sm" data-testid="calendar-imported-count">
                  {t('calendars.importedCount', { count: form.holidays.length })}
                </Text>
              )}
            </Stack>
          </Fieldset>

          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="calendar-save">
                {t('common.save')}
              </Button>
              {calendar && (
                <Text size="sm" c="dimmed">
                  {t('calendars.saveHint')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {calendar && canEdit && <IcsImport calendarId={calendar.id} />}
    </Paper>
  );
}

function WeeklyHoursEditor({
  value,
  onChange,
  error,
}: {
  value: CalendarInput['weeklyHours'];
  onChange: (next: CalendarInput['weeklyHours']) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, periods: Period[]) => onChange({ ...value, [day]: periods });
  return (
    <Fieldset legend={t('calendars.weeklyHours')} data-testid="calendar-weekly">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('calendars.weeklyHelp')}
        </Text>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        {weeklyHoursSchema.keyof().options.map((day) => {
          const periods = value[day] as Period[];
          const dayName = t(`weekday.${day}`);
          return (
            <Group key={day} gap="sm" align="center" wrap="wrap" data-testid={`weekday-${day}`}>
              <Text size="sm" fw={600} w={90}>
                {dayName}
              </Text>
              {periods.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('calendars.dayOff')}
                </Text>
              )}
              {periods.map((period, index) => (
                <Group key={index} gap={4} wrap="nowrap">
                  <TextInput
                    type="time"
                    size="xs"
                    aria-label={t('calendars.periodFrom', { day: dayName, n: index + 1 })}
                    value={period[0]}
                    onChange={(e) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? [e.currentTarget.value, p[1]] : p)),
                      )
                    }
                    data-testid={`period-from-${day}-${index}`}
                  />
                  <Text size="sm" aria-hidden>
                    –
                  </Text>
                  <TextInput
                    type="time"
                    size="xs"
                    aria-label={t('calendars.periodTo', { day: dayName, n: index + 1 })}
                    value={period[1]}
                    onChange={(e) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? [p[0], e.currentTarget.value] : p)),
                      )
                    }
                    data-testid={`period-to-${day}-${index}`}
                  />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red.9"
                    onClick={() =>
                      setDay(
                        day,
                        periods.filter((_, i) => i !== index),
                      )
                    }
                    aria-label={t('calendars.removePeriod', { day: dayName, n: index + 1 })}
                  >
                    ✕
                  </Button>
                </Group>
              ))}
              <Button
                size="compact-xs"
                variant="default"
                disabled={periods.length >= 6}
                onClick={() => {
                  const last = periods[periods.length - 1];
                  setDay(day, [
                    ...periods,
                    last ? [last[1], last[1] < '17:00' ? '17:00' : '23:59'] : ['08:00', '17:00'],
                  ]);
                }}
                aria-label={t('calendars.addPeriodFor', { day: dayName })}
                data-testid={`period-add-${day}`}
              >
                + {t('calendars.addPeriod')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}

const KIND_COLORS: Record<HolidayYear['effective'][number]['kind'], MantineColor> = {
  statutory: 'red.9',
  compensatory: 'pink.9',
  override: 'violet.8',
  custom: 'blue.8',
  imported: 'teal.9',
};

function HolidayList({
  title,
  items,
  testId,
}: {
  title: string;
  items: HolidayYear['effective'];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calendars.noHolidays')}
        </Text>
      ) : (
        <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((h) => (
            <li
              key={`${h.date}-${h.name}`}
              data-testid="holiday-item"
              data-date={h.date}
              data-kind={h.kind}
            >
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" ff="monospace">
                  {h.date}
                </Text>
                <Text size="sm">{h.name}</Text>
                <Badge size="xs" color={KIND_COLORS[h.kind]} variant="filled" autoContrast>
                  {t(`calendars.kind.${h.kind}`)}
                </Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function HolidayYearView({ calendarId, year }: { calendarId: string; year: number }) {
  const { t } = useTranslation();
  const view = useHolidayYear(calendarId, year);
  if (view.isPending) return <PageLoader />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  return (
    <Stack gap="sm">
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HolidayList
            title={t('calendars.generated', { year })}
            items={view.data.generated}
            testId="holidays-generated"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HolidayList
            title={t('calendars.effective', { year })}
            items={view.data.effective}
            testId="holidays-effective"
          />
        </Grid.Col>
      </Grid>
      {view.data.workdays.length > 0 && (
        <Text size="sm" data-testid="holiday-workdays">
          {t('calendars.workdays')}:{' '}
          {view.data.workdays
            .map((w) => `${w.date} (${w.hours.map((h) => `${h[0]}–${h[1]}`).join(', ')})`)
            .join('; ')}
        </Text>
      )}
    </Stack>
  );
}

function OverridesEditor({
  year,
  value,
  onChange,
}: {
  year: number;
  value: YearOverrides;
  onChange: (next: YearOverrides) => void;
}) {
  const { t } = useTranslation();
  const [addDate, setAddDate] = useState('');
  const [addName, setAddName] = useState('');
  const [removeDate, setRemoveDate] = useState('');
  const [dayOff, setDayOff] = useState('');
  const [workday, setWorkday] = useState('');
  const add = value.add ?? [];
  const remove = value.remove ?? [];
  const swaps = value.swaps ?? [];
  const inYear = (date: string) => date.startsWith(`${year}-`);

  return (
    <Fieldset legend={t('calendars.overrides', { year })} data-testid="holiday-overrides">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('calendars.overridesHelp')}
        </Text>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('calendars.addDays')}
          </Text>
          {add.map((h, i) => (
            <Group key={`${h.date}-${i}`} gap="xs" data-testid="override-add-row">
              <Text size="sm" ff="monospace">
                {h.date}
              </Text>
              <Text size="sm">{h.name}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, add: add.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', { name: `${h.date} ${h.name}` })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              label={t('calendars.date')}
              value={addDate}
              onChange={(e) => setAddDate(e.currentTarget.value)}
              data-testid="override-add-date"
            />
            <TextInput
              label={t('calendars.holidayName')}
              value={addName}
              onChange={(e) => setAddName(e.currentTarget.value)}
              data-testid="override-add-name"
            />
            <Button
              variant="default"
              disabled={!addDate || !inYear(addDate) || !addName.trim()}
              onClick={() => {
                onChange({ ...value, add: [...add, { date: addDate, name: addName }] });
                setAddDate('');
                setAddName('');
              }}
              data-testid="override-add-submit"
            >
              {t('calendars.addDay')}
            </Button>
          </Group>
        </Stack>

        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('calendars.removeDays')}
          </Text>
          {remove.map((date, i) => (
            <Group key={`${date}-${i}`} gap="xs" data-testid="override-remove-row">
              <Text size="sm" ff="monospace">
                {date}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, remove: remove.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', { name: date })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              label={t('calendars.date')}
              value={removeDate}
              onChange={(e) => setRemoveDate(e.currentTarget.value)}
              data-testid="override-remove-date"
            />
            <Button
              variant="default"
              disabled={!removeDate || !inYear(removeDate)}
              onClick={() => {
                onChange({ ...value, remove: [...remove, removeDate] });
                setRemoveDate('');
              }}
              data-testid="override-remove-submit"
            >
              {t('calendars.removeDay')}
            </Button>
          </Group>
        </Stack>

        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('calendars.swaps')}
          </Text>
          {swaps.map((s, i) => (
            <Group key={`${s.dayOff}-${i}`} gap="xs" data-testid="override-swap-row">
              <Text size="sm">
                {t('calendars.swapText', { dayOff: s.dayOff, workday: s.workday })}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, swaps: swaps.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', {
                  name: t('calendars.swapText', { dayOff: s.dayOff, workday: s.workday }),
                })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              label={t('calendars.dayOff')}
              value={dayOff}
              onChange={(e) => setDayOff(e.currentTarget.value)}
              data-testid="override-swap-dayoff"
            />
            <TextInput
              type="date"
              label={t('calendars.workday')}
              value={workday}
              onChange={(e) => setWorkday(e.currentTarget.value)}
              data-testid="override-swap-workday"
            />
            <Button
              variant="default"
              disabled={!dayOff || !workday}
              onClick={() => {
                onChange({ ...value, swaps: [...swaps, { dayOff, workday }] });
                setDayOff('');
                setWorkday('');
              }}
              data-testid="override-swap-submit"
            >
              {t('calendars.addSwap')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Fieldset>
  );
}

function CustomHolidaysEditor({
  value,
  onChange,
}: {
  value: CustomHoliday[];
  onChange: (next: CustomHoliday[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, changes: Partial<CustomHoliday>) =>
    onChange(value.map((h, i) => (i === index ? { ...h, ...changes } : h)));
  return (
    <Fieldset legend={t('calendars.custom')} data-testid="custom-holidays">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('calendars.customHelp')}
        </Text>
        {value.map((h, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="wrap" data-testid="custom-holiday-row">
            <TextInput
              label={t('calendars.holidayName')}
              required
              value={h.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
            />
            <Select
              label={t('calendars.calendarKind')}
              allowDeselect={false}
              value={h.calendar}
              onChange={(v) => v && set(index, { calendar: v as 'solar' | 'lunar' })}
              data={[
                { value: 'solar', label: t('calendars.solar') },
                { value: 'lunar', label: t('calendars.lunar') },
              ]}
              w={150}
            />
            <NumberInput
              label={t('calendars.month')}
              min={1}
              max={12}
              allowDecimal={false}
              value={h.month}
              onChange={(v) => set(index, { month: Number(v) || 1 })}
              w={90}
            />
            <NumberInput
              label={t('calendars.day')}
              min={1}
              max={31}
              allowDecimal={false}
              value={h.day}
              onChange={(v) => set(index, { day: Number(v) || 1 })}
              w={90}
            />
            <NumberInput
              label={t('calendars.onlyYear')}
              min={1900}
              max={2199}
              allowDecimal={false}
              value={h.year ?? ''}
              onChange={(v) => {
                const year = Number(v);
                const next = { ...h };
                if (v === '' || !Number.isInteger(year)) delete next.year;
                else next.year = year;
                onChange(value.map((item, i) => (i === index ? next : item)));
              }}
              w={120}
            />
            {h.calendar === 'lunar' && (
              <Checkbox
                label={t('calendars.leap')}
                checked={h.leap ?? false}
                onChange={(e) => set(index, { leap: e.currentTarget.checked })}
                mb={8}
              />
            )}
            <Button
              variant="subtle"
              color="red.9"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('common.deleteNamed', { name: h.name || String(index + 1) })}
            >
              ✕
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => onChange([...value, { name: '', calendar: 'solar', month: 1, day: 1 }])}
            data-testid="custom-holiday-add"
          >
            + {t('calendars.addCustom')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function IcsImport({ calendarId }: { calendarId: string }) {
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
