import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useCalendars, useEnablePreset, usePresets } from './sla.api.ts';

/** Regulatory presets: each becomes a policy on the chosen calendar with one click. */
export function PresetsSection({ defaultCalendar }: { defaultCalendar: string }) {
  const { t } = useTranslation();
  const presets = usePresets();
  const calendars = useCalendars();
  const enable = useEnablePreset();
  const can = useHasPermission();
  const [calendarId, setCalendarId] = useState<string | null>(null);
  const chosen = calendarId ?? defaultCalendar;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="presets-title"
      data-testid="presets"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="presets-title">
          {t('presets.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('presets.help')}
        </Text>
        <Select
          label={t('presets.calendar')}
          allowDeselect={false}
          value={chosen || null}
          onChange={setCalendarId}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          w={300}
          data-testid="preset-calendar"
        />
        <ErrorAlert error={presets.error ?? enable.error} />
        {presets.isPending ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            {(presets.data ?? []).map((preset) => (
              <Paper
                key={preset.code}
                withBorder
                p="sm"
                radius="sm"
                data-testid="preset-row"
                data-code={preset.code}
              >
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
                    <Text fw={700}>{preset.name}</Text>
                    <Text size="sm">
                      {t('presets.source')}:{' '}
                      <Anchor href={preset.sourceUrl} target="_blank" rel="noreferrer">
                        {preset.source}
                      </Anchor>
                    </Text>
                    {preset.notes && (
                      <Text size="sm" c="dimmed">
                        {preset.notes}
                      </Text>
                    )}
                    <Stack component="ul" gap={0} m={0} pl="md">
                      {preset.targetsText.map((target) => (
                        <Text component="li" size="sm" key={target.clock}>
                          {t(`clockKind.${target.clock}`)}: {target.text}
                        </Text>
                      ))}
                    </Stack>
                  </Stack>
                  {can('sla:admin') && (
                    <Button
                      disabled={!chosen}
                      loading={enable.isPending && enable.variables?.code === preset.code}
                      onClick={() =>
                        enable.mutate(
                          { code: preset.code, calendarId: chosen, priority: 50 },
                          {
                            onSuccess: () =>
                              notifications.show({
                                color: 'teal',
                                message: t('presets.enabled', { name: preset.name }),
                              }),
                          },
                        )
                      }
                      aria-label={t('presets.enableNamed', { name: preset.name })}
                      data-testid="preset-enable"
                    >
                      {t('presets.enable')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
