import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_MAX_CONSECUTIVE_FAILURES,
  webhookEventTypes,
} from '../../../../src/modules/webhooks/webhooks.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { useCreateWebhook } from './webhooks.api.ts';

/** The i18n key of an event type (`complaint.created` → `webhooks.event.complaint_created`). */
export const eventKey = (type: string) => `webhooks.event.${type.replace(/\./g, '_')}`;

/** A new endpoint: its URL, the events it hears, and whether it may be on a private network. */
export function WebhookForm({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>(['complaint.created']);
  const [allowPrivate, setAllowPrivate] = useState(false);
  const [maxFailures, setMaxFailures] = useState<number>(DEFAULT_MAX_CONSECUTIVE_FAILURES);
  const errors = splitApiError(create.error, [
    'url',
    'events',
    'description',
    'maxConsecutiveFailures',
  ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        url: url.trim(),
        description,
        events: events as (typeof webhookEventTypes)[number][],
        allowPrivate,
        maxConsecutiveFailures: maxFailures,
      },
      {
        onSuccess: (created) => {
          setUrl('');
          setDescription('');
          create.reset();
          onCreated(created.secret);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('webhooks.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="webhook-form">
        <Stack gap="sm">
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHelp')}
            placeholder="https://example.com/ombud-hooks"
            required
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.field.url}
            data-testid="webhook-url"
          />
          <Textarea
            label={t('webhooks.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.field.description}
            autosize
            minRows={1}
            data-testid="webhook-description"
          />
          <Checkbox.Group
            label={t('webhooks.events')}
            value={events}
            onChange={setEvents}
            error={errors.field.events}
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {webhookEventTypes.map((type) => (
                <Checkbox
                  key={type}
                  value={type}
                  label={`${t(eventKey(type))} (${type})`}
                  data-testid={`webhook-event-${type}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <NumberInput
            label={t('webhooks.maxFailures')}
            min={1}
            max={1000}
            value={maxFailures}
            onChange={(v) => setMaxFailures(typeof v === 'number' ? v : 1)}
            error={errors.field.maxConsecutiveFailures}
          />
          <Checkbox
            label={t('webhooks.allowPrivate')}
            description={t('webhooks.allowPrivateHelp')}
            checked={allowPrivate}
            onChange={(e) => setAllowPrivate(e.currentTarget.checked)}
            data-testid="webhook-allow-private"
          />
          {errors.general && <ErrorAlert error={errors.general} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={events.length === 0}
              data-testid="webhook-submit"
            >
              {t('webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The signing secret, shown once after a create or a rotation, with a copy button. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={t('webhooks.secretTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('webhooks.secret')}
          description={t('webhooks.secretOnce')}
          value={secret ?? ''}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          data-testid="webhook-secret"
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group justify="flex-end">
          <CopySecret value={secret ?? ''} />
          <Button onClick={onClose} data-testid="webhook-secret-done">
            {t('webhooks.secretDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CopySecret({ value }: { value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="default"
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => setCopied(true));
      }}
      data-testid="webhook-secret-copy"
    >
      {copied ? t('webhooks.copied') : t('webhooks.copy')}
    </Button>
  );
}
