import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weeklyHoursSchema } from '../../../../src/modules/sla/sla.contract.ts';
import { TimeField } from '../../ui/date-fields.tsx';
import type { CalendarInput, Period, Weekday } from './sla.api.ts';

const WEEKDAYS = weeklyHoursSchema.keyof().options;

/** The hours of each weekday: up to six periods a day, none for a day off. */
export function WeeklyHoursEditor({
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
        {WEEKDAYS.map((day) => {
          const periods: Period[] = value[day];
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
                  <TimeField
                    size="xs"
                    label={t('calendars.periodFrom', { day: dayName, n: index + 1 })}
                    value={period[0]}
                    onChange={(time) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? [time, p[1]] : p)),
                      )
                    }
                    testId={`period-from-${day}-${index}`}
                  />
                  <Text size="sm" aria-hidden>
                    –
                  </Text>
                  <TimeField
                    size="xs"
                    label={t('calendars.periodTo', { day: dayName, n: index + 1 })}
                    value={period[1]}
                    onChange={(time) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? [p[0], time] : p)),
                      )
                    }
                    testId={`period-to-${day}-${index}`}
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
