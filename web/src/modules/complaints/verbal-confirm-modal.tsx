import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verbalConfirmationRequest } from '../../../../src/modules/complaints/complaints.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { useConfirmVerbally } from './complaints.api.ts';

const VERBAL_FIELDS = ['confirmedBy', 'method', 'note'] as const;
const VERBAL_METHODS = verbalConfirmationRequest.shape.method.options;
type VerbalMethod = (typeof VERBAL_METHODS)[number];

/** Marks a version as confirmed by the customer over the phone, in person or in a chat. */
export function VerbalConfirmModal({
  complaintId,
  version,
  opened,
  onClose,
  defaultName,
}: {
  complaintId: string;
  version: number;
  opened: boolean;
  onClose: () => void;
  defaultName: string;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmVerbally(complaintId);
  const [confirmedBy, setConfirmedBy] = useState(defaultName);
  const [method, setMethod] = useState<VerbalMethod>('phone');
  const [note, setNote] = useState('');
  const errors = splitApiError(confirm.error, VERBAL_FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(
      { version, confirmedBy, method, note: optionalText(note) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('verbal.done') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('verbal.title', { version })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="verbal-form">
        <Stack gap="sm">
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('verbal.confirmedBy')}
            required
            value={confirmedBy}
            onChange={(e) => setConfirmedBy(e.currentTarget.value)}
            error={errors.field.confirmedBy}
            data-testid="verbal-confirmed-by"
          />
          <Select
            label={t('verbal.methodLabel')}
            value={method}
            onChange={(value) => {
              const picked = VERBAL_METHODS.find((m) => m === value);
              if (picked) setMethod(picked);
            }}
            data={VERBAL_METHODS.map((m) => ({ value: m, label: t(`verbal.method.${m}`) }))}
            allowDeselect={false}
            error={errors.field.method}
            data-testid="verbal-method"
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('verbal.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.field.note}
            data-testid="verbal-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={confirm.isPending} data-testid="verbal-submit">
              {t('verbal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
