import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { dayCountSchema } from '../../../../src/modules/sla/overlays.contract.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import {
  useCalendars,
  useOverlays,
  usePresets,
  useSetOverlay,
  type Overlay,
  type Preset,
} from './sla.api.ts';

type DayCount = (typeof dayCountSchema.options)[number];
type Editing = { preset: Preset; overlay: Overlay | undefined };

/**
 * Regulatory presets as overlays: switching one on adds its legal clocks on top of every policy,
 * for every severity. The dialog shows what it adds, and asks before it does.
 */
export function PresetsSection({ defaultCalendar }: { defaultCalendar: string }) {
  const { t } = useTranslation();
  const presets = usePresets();
  const overlays = useOverlays();
  const setOverlay = useSetOverlay();
  const can = useHasPermission();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [switchingOff, setSwitchingOff] = useState<Editing | null>(null);
  const overlayOf = (code: string) => (overlays.data ?? []).find((o) => o.preset === code);

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
        <ErrorAlert error={presets.error ?? overlays.error} />
        {presets.isPending || overlays.isPending ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            {(presets.data ?? []).map((preset) => {
              const overlay = overlayOf(preset.code);
              const isOn = overlay?.active ?? false;
              return (
                <Paper
                  key={preset.code}
                  withBorder
                  p="sm"
                  radius="sm"
                  data-testid="preset-row"
                  data-code={preset.code}
                  data-active={isOn}
                >
                  <Group justify="space-between" align="flex-start" wrap="wrap">
                    <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
                      <Group gap="xs">
                        <Text fw={700}>{preset.name}</Text>
                        <Badge
                          color={isOn ? 'teal.9' : 'gray.7'}
                          variant={isOn ? 'filled' : 'outline'}
                          data-testid="preset-state"
                        >
                          {isOn ? t('presets.on') : t('presets.off')}
                        </Badge>
                      </Group>
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
                      <ClockList
                        items={(overlay ?? preset).targetsText}
                        citation={preset.citation}
                      />
                    </Stack>
                    {can('sla:admin') && (
                      <Group gap="xs">
                        {isOn && (
                          <Button
                            variant="default"
                            onClick={() => setSwitchingOff({ preset, overlay })}
                            aria-label={t('presets.switchOffNamed', { name: preset.name })}
                            data-testid="preset-switch-off"
                          >
                            {t('presets.switchOff')}
                          </Button>
                        )}
                        <Button
                          variant={isOn ? 'default' : 'filled'}
                          onClick={() => setEditing({ preset, overlay })}
                          aria-label={t(isOn ? 'presets.changeNamed' : 'presets.enableNamed', {
                            name: preset.name,
                          })}
                          data-testid={isOn ? 'preset-change' : 'preset-enable'}
                        >
                          {isOn ? t('presets.change') : t('presets.enable')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Stack>
      {editing && (
        <SwitchOnDialog
          key={editing.preset.code}
          editing={editing}
          defaultCalendar={defaultCalendar}
          loading={setOverlay.isPending}
          error={setOverlay.error}
          onCancel={() => {
            setOverlay.reset();
            setEditing(null);
          }}
          onConfirm={(calendarId, dayCount) =>
            setOverlay.mutate(
              {
                preset: editing.preset.code,
                body: { calendarId, active: true, ...(dayCount ? { dayCount } : {}) },
              },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: t('presets.enabled', { name: editing.preset.name }),
                  });
                  setEditing(null);
                },
              },
            )
          }
        />
      )}
      <Modal
        opened={switchingOff !== null}
        onClose={() => setSwitchingOff(null)}
        title={t('presets.offTitle', { name: switchingOff?.preset.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('presets.offText')}</Text>
          <ErrorAlert error={setOverlay.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSwitchingOff(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={setOverlay.isPending}
              data-testid="preset-confirm-off"
              onClick={() => {
                const off = switchingOff;
                if (!off?.overlay) return;
                setOverlay.mutate(
                  {
                    preset: off.preset.code,
                    body: { calendarId: off.overlay.calendarId, active: false },
                  },
                  {
                    onSuccess: () => {
                      notifications.show({
                        color: 'teal',
                        message: t('presets.disabled', { name: off.preset.name }),
                      });
                      setSwitchingOff(null);
                    },
                  },
                );
              }}
            >
              {t('presets.switchOff')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** The legal clocks a preset adds, each with the source it is labelled with. */
function ClockList({
  items,
  citation,
}: {
  items: { clock: string; text: string }[];
  citation: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap={0} m={0} pl="md" data-testid="preset-clocks">
      {items.map((target) => (
        <Text component="li" size="sm" key={target.clock}>
          {t(`clockKind.${target.clock}`)}: {target.text} · {citation}
        </Text>
      ))}
    </Stack>
  );
}

/** Asks before a preset's clocks are added, showing them with the calendar and reading chosen. */
function SwitchOnDialog({
  editing,
  defaultCalendar,
  loading,
  error,
  onCancel,
  onConfirm,
}: {
  editing: Editing;
  defaultCalendar: string;
  loading: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (calendarId: string, dayCount: DayCount | undefined) => void;
}) {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const { preset, overlay } = editing;
  const [calendarId, setCalendarId] = useState(overlay?.calendarId ?? defaultCalendar);
  const [dayCount, setDayCount] = useState<DayCount | undefined>(
    overlay?.dayCount ?? preset.dayCount?.default,
  );
  const shown =
    preset.dayCount?.choices.find((c) => c.value === dayCount)?.targetsText ?? preset.targetsText;
  const isOn = overlay?.active ?? false;
  return (
    <Modal
      opened
      onClose={onCancel}
      size="lg"
      title={t(isOn ? 'presets.changeTitle' : 'presets.confirmTitle', { name: preset.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="preset-dialog">
        <Text size="sm">{t('presets.adds')}</Text>
        <ClockList items={shown} citation={preset.citation} />
        <Text size="sm" c="dimmed">
          {t('presets.addsHelp')}
        </Text>
        <Select
          label={t('presets.calendar')}
          allowDeselect={false}
          value={calendarId || null}
          onChange={(value) => value && setCalendarId(value)}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="preset-calendar"
        />
        {preset.dayCount && (
          <Radio.Group
            label={t('presets.dayCount')}
            description={preset.dayCount.reading}
            value={dayCount ?? preset.dayCount.default}
            onChange={(value) => setDayCount(dayCountSchema.options.find((v) => v === value))}
            data-testid="preset-day-count"
          >
            <Stack gap={6} mt="xs">
              {preset.dayCount.choices.map((choice) => (
                <Radio key={choice.value} value={choice.value} label={choice.label} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={loading}
            disabled={!calendarId}
            onClick={() => onConfirm(calendarId, preset.dayCount ? dayCount : undefined)}
            data-testid="preset-confirm"
          >
            {isOn ? t('common.save') : t('presets.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
