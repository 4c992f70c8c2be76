import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compensationTypeSchema } from '../../../../src/modules/rewards/rewards.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { ASK_CURRENCIES } from '../complaints/currencies.ts';
import { toMinorUnits, useMoney } from './money.ts';
import { useAuthority, useGrantCompensation, type CaseRewards } from './rewards.api.ts';

type CompensationType = (typeof compensationTypeSchema.options)[number];

/**
 * Compensation with the authority decision shown before submitting: within the agent's limit it
 * is recorded at once; above it, the request goes to the approver named here.
 */
export function CompensationDialog({
  complaintId,
  rewards,
  opened,
  onClose,
}: {
  complaintId: string;
  rewards: CaseRewards;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const grant = useGrantCompensation(complaintId);
  const [type, setType] = useState<CompensationType>('voucher');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState(rewards.askCurrency ?? 'VND');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const minor = typeof amount === 'number' ? toMinorUnits(amount, currency) : 0;
  const authority = useAuthority(complaintId, type, minor, currency);
  const errors = splitApiError(grant.error, [
    'type',
    'amountMinor',
    'currency',
    'reference',
    'note',
  ]);
  const decision = authority.data;

  const decisionText = () => {
    if (!decision) return null;
    const limit = decision.limitMinor === null ? null : money(decision.limitMinor, currency);
    switch (decision.decision) {
      case 'allowed':
        return limit
          ? t('rewards.comp.within', { amount: limit })
          : t('rewards.comp.withinNoLimit');
      case 'needs_approval':
        return decision.approverName
          ? t('rewards.comp.needs', { name: decision.approverName, amount: limit ?? '' })
          : t('rewards.comp.noApprover');
      case 'refused':
        return t('rewards.comp.refused', { reason: decision.reason ?? '' });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate(
      {
        type,
        amountMinor: minor,
        currency,
        reference: reference.trim() ? reference : null,
        note: note.trim() ? note : null,
      },
      {
        onSuccess: (outcome) => {
          notifications.show({
            color: 'teal',
            message:
              outcome.status === 'granted' ? t('rewards.comp.granted') : t('rewards.comp.pending'),
          });
          setAmount('');
          setReference('');
          setNote('');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('rewards.comp.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="md"
    >
      <form onSubmit={submit} data-testid="compensation-dialog" noValidate>
        <Stack gap="sm">
          {rewards.askMinor !== null && rewards.askCurrency && (
            <Text size="sm" c="dimmed">
              {t('rewards.comp.ask', { amount: money(rewards.askMinor, rewards.askCurrency) })}
            </Text>
          )}
          <Select
            label={t('rewards.comp.type')}
            required
            allowDeselect={false}
            value={type}
            onChange={(v) => {
              const picked = compensationTypeSchema.options.find((o) => o === v);
              if (picked) setType(picked);
            }}
            error={errors.field.type}
            data={compensationTypeSchema.options.map((o) => ({
              value: o,
              label: t(`rewards.type.${o}`),
            }))}
            data-testid="compensation-type"
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('rewards.comp.amount')}
              required
              min={0}
              value={amount}
              onChange={setAmount}
              error={errors.field.amountMinor}
              data-testid="compensation-amount"
            />
            <Select
              label={t('rewards.comp.currency')}
              allowDeselect={false}
              value={currency}
              onChange={(v) => v && setCurrency(v)}
              error={errors.field.currency}
              data={[...ASK_CURRENCIES]}
              data-testid="compensation-currency"
            />
          </Group>
          {decision && (
            <Alert
              color={
                decision.decision === 'allowed'
                  ? 'teal'
                  : decision.decision === 'refused'
                    ? 'red'
                    : 'yellow'
              }
              data-testid="compensation-authority"
              data-decision={decision.decision}
            >
              {decisionText()}
            </Alert>
          )}
          <TextInput
            label={t('rewards.comp.reference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={errors.field.reference}
            data-testid="compensation-reference"
          />
          <Textarea
            label={t('rewards.comp.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.field.note}
            autosize
            minRows={2}
          />
          {errors.general && <ErrorAlert error={errors.general} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={grant.isPending}
              disabled={minor <= 0 || decision?.decision === 'refused'}
              data-testid="compensation-submit"
            >
              {decision?.decision === 'needs_approval'
                ? t('rewards.comp.submitApproval')
                : t('rewards.comp.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
