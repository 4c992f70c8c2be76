import { Badge, Grid, Group, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useHolidayYear, type HolidayYear } from './sla.api.ts';

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
  const format = useFormat();
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
                <Text size="sm">{format.date(h.date)}</Text>
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

/** A year's generated holidays beside the effective list, as the server computes them. */
export function HolidayYearView({ calendarId, year }: { calendarId: string; year: number }) {
  const { t } = useTranslation();
  const format = useFormat();
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
            .map(
              (w) => `${format.date(w.date)} (${w.hours.map((h) => `${h[0]}–${h[1]}`).join(', ')})`,
            )
            .join('; ')}
        </Text>
      )}
    </Stack>
  );
}
