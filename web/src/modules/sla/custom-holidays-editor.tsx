import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { customHolidaySchema } from '../../../../src/modules/sla/sla.contract.ts';
import type { CustomHoliday } from './sla.api.ts';

const KINDS = customHolidaySchema.shape.calendar.options;

/** The org's own yearly holidays, on the solar or the lunar calendar. */
export function CustomHolidaysEditor({
  value,
  onChange,
  errorOf,
}: {
  value: CustomHoliday[];
  onChange: (next: CustomHoliday[]) => void;
  /** The form's error for a path below the list ("" for the list itself, "0.name" for a row). */
  errorOf: (path: string) => string | undefined;
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
        {errorOf('') && (
          <Text size="sm" c="red.9" role="alert">
            {errorOf('')}
          </Text>
        )}
        {value.map((h, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="wrap" data-testid="custom-holiday-row">
            <TextInput
              label={t('calendars.holidayName')}
              required
              value={h.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
              error={errorOf(`${index}.name`)}
            />
            <Select
              label={t('calendars.calendarKind')}
              allowDeselect={false}
              value={h.calendar}
              onChange={(v) => {
                const kind = KINDS.find((k) => k === v);
                if (kind) set(index, { calendar: kind });
              }}
              data={KINDS.map((kind) => ({ value: kind, label: t(`calendars.${kind}`) }))}
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
