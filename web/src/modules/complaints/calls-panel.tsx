import {
  Badge,
  Button,
  FileButton,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  callDirections,
  callOutcomes,
  type CallView,
} from '../../../../src/modules/complaints/calls.contract.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { DateTimeField } from '../../ui/date-fields.tsx';
import { useAttachRecording, useCalls, useLogCall } from './calls.api.ts';

type Direction = (typeof callDirections)[number];
type Outcome = (typeof callOutcomes)[number];

const CALL_FIELDS = [
  'direction',
  'phone',
  'startedAt',
  'durationSeconds',
  'outcome',
  'notes',
  'file',
] as const;
/** What the recording picker offers; the server judges the bytes whatever the name says. */
const RECORDING_TYPES = 'audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,audio/wav,.mp3,.m4a,.ogg,.wav';

// The darkest shades: white words on them keep the 4.5:1 contrast.
const outcomeColor: Record<Outcome, string> = {
  reached: 'teal.9',
  no_answer: 'gray.8',
  voicemail: 'blue.9',
  busy: 'orange.9',
  wrong_number: 'red.9',
};

/** 245 → 4:05 */
const minutesAndSeconds = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function LogCallModal({
  complaintId,
  customerPhone,
  opened,
  onClose,
}: {
  complaintId: string;
  customerPhone: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const logCall = useLogCall(complaintId);
  const attach = useAttachRecording(complaintId);
  const [direction, setDirection] = useState<Direction>('inbound');
  // Untouched, it shows the customer's number as the org writes it (the formatter loads lazily).
  const [typedPhone, setPhone] = useState<string | null>(null);
  const phone = typedPhone ?? format.phone(customerPhone);
  const [startedAt, setStartedAt] = useState<string | null>(() => new Date().toISOString());
  const [minutes, setMinutes] = useState<number | string>(0);
  const [seconds, setSeconds] = useState<number | string>(0);
  const [outcome, setOutcome] = useState<Outcome>('reached');
  const [notes, setNotes] = useState('');
  const [recording, setRecording] = useState<File | null>(null);
  const errors = splitApiError(logCall.error ?? attach.error, CALL_FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const durationSeconds = Number(minutes || 0) * 60 + Number(seconds || 0);
    logCall.mutate(
      {
        direction,
        phone,
        startedAt: startedAt ?? '',
        durationSeconds,
        outcome,
        notes,
      },
      {
        onSuccess: (call) => {
          const done = () => {
            notifications.show({ color: 'teal', message: t('calls.logged') });
            onClose();
          };
          if (!recording) return done();
          // The call is kept even when its recording is refused: the list offers to attach again.
          attach.mutate({ callId: call.id, file: recording }, { onSuccess: done });
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('calls.logTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="call-form">
        <Stack gap="sm">
          <ErrorAlert error={errors.general} />
          <Group grow align="flex-start">
            <Select
              label={t('calls.direction')}
              value={direction}
              onChange={(value) => {
                const picked = callDirections.find((d) => d === value);
                if (picked) setDirection(picked);
              }}
              data={callDirections.map((d) => ({ value: d, label: t(`calls.directions.${d}`) }))}
              allowDeselect={false}
              error={errors.field.direction}
              data-testid="call-direction"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('calls.phone')}
              required
              type="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={errors.field.phone}
              data-testid="call-phone"
            />
          </Group>
          <DateTimeField
            label={t('calls.startedAt')}
            value={startedAt}
            onChange={setStartedAt}
            timeZone={format.timeZone}
            required
            error={errors.field.startedAt}
            testId="call-started-at"
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('calls.minutes')}
              min={0}
              max={1440}
              allowDecimal={false}
              value={minutes}
              onChange={setMinutes}
              error={errors.field.durationSeconds}
              data-testid="call-minutes"
            />
            <NumberInput
              label={t('calls.seconds')}
              min={0}
              max={59}
              allowDecimal={false}
              value={seconds}
              onChange={setSeconds}
              data-testid="call-seconds"
            />
            <Select
              label={t('calls.outcome')}
              value={outcome}
              onChange={(value) => {
                const picked = callOutcomes.find((o) => o === value);
                if (picked) setOutcome(picked);
              }}
              data={callOutcomes.map((o) => ({ value: o, label: t(`calls.outcomes.${o}`) }))}
              allowDeselect={false}
              error={errors.field.outcome}
              data-testid="call-outcome"
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Textarea
            label={t('calls.notes')}
            autosize
            minRows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.field.notes}
            data-testid="call-notes"
          />
          <FileInput
            label={t('calls.recording')}
            description={t('calls.recordingHelp')}
            placeholder={t('calls.recordingPick')}
            accept={RECORDING_TYPES}
            clearable
            value={recording}
            onChange={setRecording}
            error={errors.field.file}
            data-testid="call-recording"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={logCall.isPending || attach.isPending}
              data-testid="call-submit"
            >
              {t('calls.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CallItem({
  call,
  complaintId,
  canLog,
}: {
  call: CallView;
  complaintId: string;
  canLog: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const attach = useAttachRecording(complaintId);
  const resetFile = useRef<() => void>(null);
  const errors = splitApiError(attach.error, ['file']);
  const when = format.dateTime(call.startedAt);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="li"
      data-testid="call-item"
      data-call-id={call.id}
      data-recording-id={call.recording?.id ?? ''}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color="indigo.9" variant="filled" autoContrast>
            {t(`calls.directions.${call.direction}`)}
          </Badge>
          <Badge color={outcomeColor[call.outcome]} variant="filled" autoContrast>
            {t(`calls.outcomes.${call.outcome}`)}
          </Badge>
          <Text span size="sm" fw={500}>
            {format.phone(call.phone)}
          </Text>
          <Text span size="sm" c="dimmed">
            {[when, minutesAndSeconds(call.durationSeconds), call.loggedBy.name ?? '']
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        {call.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="call-notes-text">
            {call.notes}
          </Text>
        )}
        {call.recording ? (
          <audio
            controls
            preload="metadata"
            src={api.url('attachment', { params: { id: call.recording.id } })}
            aria-label={t('calls.player', { when })}
            data-testid="call-player"
            style={{ width: '100%' }}
          />
        ) : (
          canLog && (
            <Group gap="xs">
              <FileButton
                accept={RECORDING_TYPES}
                resetRef={resetFile}
                onChange={(file) => {
                  resetFile.current?.();
                  if (file) attach.mutate({ callId: call.id, file });
                }}
              >
                {(props) => (
                  <Button
                    {...props}
                    size="xs"
                    variant="default"
                    loading={attach.isPending}
                    data-testid="call-attach-recording"
                  >
                    {t('calls.attachRecording')}
                  </Button>
                )}
              </FileButton>
              {errors.field.file && (
                <Text size="xs" c="red.8" role="alert">
                  {errors.field.file}
                </Text>
              )}
              <ErrorAlert error={errors.general} />
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The case's phone calls: each with its outcome and notes and, when recorded, a player whose seek
 * bar works (the recording is served in byte ranges). Logging a call joins it to the case.
 */
export function CallsPanel({
  complaintId,
  customerPhone,
}: {
  complaintId: string;
  customerPhone: string | null;
}) {
  const { t } = useTranslation();
  const calls = useCalls(complaintId);
  const canLog = useCurrentUser().permissions.includes('call:log');
  const [params, setParams] = useSearchParams();
  const [opened, setOpened] = useState(false);

  // A phone complaint just taken opens here with its call to log (`?logCall=1`).
  useEffect(() => {
    if (params.get('logCall') !== '1') return;
    if (canLog) setOpened(true);
    const next = new URLSearchParams(params);
    next.delete('logCall');
    setParams(next, { replace: true });
  }, [params, setParams, canLog]);

  const items = calls.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="calls-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="calls-title">
            {t('calls.title')}
          </Title>
          {canLog && (
            <Button variant="default" onClick={() => setOpened(true)} data-testid="call-log-open">
              {t('calls.log')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={calls.error} />
        {calls.isSuccess && items.length === 0 && <Text size="sm">{t('calls.none')}</Text>}
        {items.length > 0 && (
          <Stack
            component="ul"
            gap="xs"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            data-testid="call-list"
          >
            {items.map((call) => (
              <CallItem key={call.id} call={call} complaintId={complaintId} canLog={canLog} />
            ))}
          </Stack>
        )}
      </Stack>
      {opened && (
        <LogCallModal
          complaintId={complaintId}
          customerPhone={customerPhone}
          opened={opened}
          onClose={() => setOpened(false)}
        />
      )}
    </Paper>
  );
}
