import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComplaintDetail,
  FactVersionView,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { DateTimeField } from '../../ui/date-fields.tsx';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { ReferenceInputs } from './classification-inputs.tsx';
import { useRecordFacts } from './complaints.api.ts';
import { ASK_CURRENCIES } from './currencies.ts';

const FACT_FIELDS = [
  'whatHappened',
  'occurredAt',
  'productRef',
  'orderRef',
  'askText',
  'askAmount',
  'askCurrency',
] as const;

type Intake = Pick<
  ComplaintDetail['complaint'],
  'description' | 'productRef' | 'orderRef' | 'askText' | 'askAmount' | 'askCurrency'
>;

/**
 * Records the facts as a new version, starting from the current one; the first version starts
 * from what came in with the complaint (its description, order, product and ask), so the agent
 * corrects rather than retypes.
 */
export function FactsForm({
  complaintId,
  base,
  intake,
  onDone,
  onCancel,
}: {
  complaintId: string;
  base: FactVersionView | null;
  intake: Intake;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const record = useRecordFacts(complaintId);
  const start = base ?? { ...intake, whatHappened: intake.description, occurredAt: null };
  const isPrefilled = !base && Boolean(intake.description || intake.askText || intake.orderRef);
  const [whatHappened, setWhatHappened] = useState(start.whatHappened);
  const [occurredAt, setOccurredAt] = useState<string | null>(start.occurredAt);
  const [productRef, setProductRef] = useState(start.productRef ?? '');
  const [orderRef, setOrderRef] = useState(start.orderRef ?? '');
  const [askText, setAskText] = useState(start.askText ?? '');
  const [askAmount, setAskAmount] = useState<number | string>(start.askAmount ?? '');
  const [askCurrency, setAskCurrency] = useState(start.askCurrency ?? 'VND');
  const errors = splitApiError(record.error, FACT_FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = typeof askAmount === 'number' ? askAmount : undefined;
    record.mutate(
      {
        whatHappened,
        occurredAt: occurredAt ?? undefined,
        productRef: optionalText(productRef),
        orderRef: optionalText(orderRef),
        askText,
        askAmount: amount,
        askCurrency: amount !== undefined ? askCurrency : undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('facts.recorded') });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="facts-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        {isPrefilled && (
          <Text size="sm" data-testid="facts-prefilled">
            {t('forms.prefilledFromIntake')}
          </Text>
        )}
        <Textarea
          label={t('facts.whatHappened')}
          required
          autosize
          minRows={3}
          value={whatHappened}
          onChange={(e) => setWhatHappened(e.currentTarget.value)}
          error={errors.field.whatHappened}
          data-testid="facts-what-happened"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateTimeField
            label={t('facts.occurredAt')}
            value={occurredAt}
            onChange={setOccurredAt}
            timeZone={timeZone}
            clearable
            error={errors.field.occurredAt}
            testId="facts-occurred-at"
          />
          <ReferenceInputs
            productRef={{
              value: productRef,
              onChange: setProductRef,
              error: errors.field.productRef,
            }}
            orderRef={{ value: orderRef, onChange: setOrderRef, error: errors.field.orderRef }}
            testIdPrefix="facts"
          />
        </SimpleGrid>
        <Textarea
          label={t('facts.askText')}
          required
          autosize
          minRows={2}
          value={askText}
          onChange={(e) => setAskText(e.currentTarget.value)}
          error={errors.field.askText}
          data-testid="facts-ask-text"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('ask.amount')}
            value={askAmount}
            onChange={setAskAmount}
            min={0}
            allowNegative={false}
            thousandSeparator=","
            error={errors.field.askAmount}
            data-testid="facts-ask-amount"
          />
          <Select
            label={t('ask.currency')}
            value={askCurrency}
            onChange={(value) => value && setAskCurrency(value)}
            data={[...ASK_CURRENCIES]}
            allowDeselect={false}
            error={errors.field.askCurrency}
            data-testid="facts-ask-currency"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={record.isPending} data-testid="facts-submit">
            {t('facts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
