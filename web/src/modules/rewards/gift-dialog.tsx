import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { useMoney } from './money.ts';
import { useGrantGift, type CaseRewards } from './rewards.api.ts';

/** Step 7: a thank-you gift from the catalogue, with the team's budget left shown live. */
export function GiftDialog({
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
  const grant = useGrantGift(complaintId);
  const [giftId, setGiftId] = useState<string | null>(rewards.gifts[0]?.id ?? null);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const budget = rewards.giftBudget;
  const errors = splitApiError(grant.error, ['giftId', 'reference', 'note']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!giftId) return;
    grant.mutate(
      { giftId, reference: code.trim() ? code : null, note: note.trim() ? note : null },
      {
        onSuccess: (outcome) => {
          notifications.show({
            color: 'teal',
            message:
              outcome.status === 'granted' ? t('rewards.gift.sent') : t('rewards.comp.pending'),
          });
          setCode('');
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
      title={t('rewards.gift.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="md"
    >
      <form onSubmit={submit} data-testid="gift-dialog" noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('rewards.gift.help')}
          </Text>
          {budget ? (
            <Alert
              color="blue"
              data-testid="gift-budget-left"
              data-remaining={budget.remainingMinor}
            >
              {t('rewards.gift.budgetLeft', {
                team: budget.departmentName,
                period: t(`rewards.period.${budget.period}`),
                amount: money(budget.remainingMinor, budget.currency),
              })}
            </Alert>
          ) : (
            <Alert color="yellow">{t('rewards.gift.noBudget')}</Alert>
          )}
          <Select
            label={t('rewards.gift.choose')}
            required
            allowDeselect={false}
            value={giftId}
            onChange={setGiftId}
            error={errors.field.giftId}
            data={rewards.gifts.map((g) => ({
              value: g.id,
              label: `${g.name} · ${money(g.valueMinor, g.currency)}`,
            }))}
            data-testid="gift-select"
          />
          <TextInput
            label={t('rewards.gift.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.field.reference}
            data-testid="gift-code"
          />
          <Textarea
            label={t('rewards.gift.note')}
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
              disabled={!giftId}
              data-testid="gift-submit"
            >
              {t('rewards.gift.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
