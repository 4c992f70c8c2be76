import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { DateField } from '../../ui/date-fields.tsx';
import type { YearOverrides } from './sla.api.ts';

/** One year's changes to the holidays: days added, days removed, day-off/workday swaps. */
export function OverridesEditor({
  year,
  value,
  onChange,
  error,
}: {
  year: number;
  value: YearOverrides;
  onChange: (next: YearOverrides) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [addDate, setAddDate] = useState('');
  const [addName, setAddName] = useState('');
  const [removeDate, setRemoveDate] = useState('');
  const [dayOff, setDayOff] = useState('');
  const [workday, setWorkday] = useState('');
  const add = value.add ?? [];
  const remove = value.remove ?? [];
  const swaps = value.swaps ?? [];
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const range = { minDate: `${year}-01-01`, maxDate: `${year}-12-31` };
  const swapText = (s: { dayOff: string; workday: string }) =>
    t('calendars.swapText', { dayOff: format.date(s.dayOff), workday: format.date(s.workday) });

  return (
    <Fieldset legend={t('calendars.overrides', { year })} data-testid="holiday-overrides">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('calendars.overridesHelp')}
        </Text>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('calendars.addDays')}
          </Text>
          {add.map((h, i) => (
            <Group key={`${h.date}-${i}`} gap="xs" data-testid="override-add-row">
              <Text size="sm">{format.date(h.date)}</Text>
              <Text size="sm">{h.name}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, add: add.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', { name: `${format.date(h.date)} ${h.name}` })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <DateField
              label={t('calendars.date')}
              value={addDate || null}
              onChange={(date) => setAddDate(date ?? '')}
              {...range}
              testId="override-add-date"
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
              <Text size="sm">{format.date(date)}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, remove: remove.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', { name: format.date(date) })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <DateField
              label={t('calendars.date')}
              value={removeDate || null}
              onChange={(date) => setRemoveDate(date ?? '')}
              {...range}
              testId="override-remove-date"
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
              <Text size="sm">{swapText(s)}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => onChange({ ...value, swaps: swaps.filter((_, j) => j !== i) })}
                aria-label={t('common.deleteNamed', { name: swapText(s) })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group align="flex-end" gap="xs">
            <DateField
              label={t('calendars.dayOff')}
              value={dayOff || null}
              onChange={(date) => setDayOff(date ?? '')}
              {...range}
              testId="override-swap-dayoff"
            />
            <DateField
              label={t('calendars.workday')}
              value={workday || null}
              onChange={(date) => setWorkday(date ?? '')}
              {...range}
              testId="override-swap-workday"
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
