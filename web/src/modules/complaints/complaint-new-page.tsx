import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RequestOf } from '../../api/client.ts';
import {
  channelSchema,
  type ChannelCode,
  type CreateComplaintRequest,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { languageSchema, type LanguageCode } from '../../../../src/platform/contract/fields.ts';
import { ASK_CURRENCIES } from './currencies.ts';
import { DateField } from '../../ui/date-fields.tsx';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useCreateComplaint } from './complaints.api.ts';
import { ReferenceInputs, SeveritySelect } from './classification-inputs.tsx';
import { ReasonSelect } from './reason-select.tsx';
import { DraftSuggestionsPanel } from '../suggestions/suggestions-panel.tsx';
import { optionalText } from '../../ui/form-values.ts';

const FIELDS = [
  'customer.name',
  'customer.phone',
  'customer.email',
  'customer.externalId',
  'customer.preferredLanguage',
  'customer.tier',
  'customer.customerSince',
  'channel',
  'reasonId',
  'severity',
  'productRef',
  'orderRef',
  'description',
  'ask.text',
  'ask.amount',
  'ask.currency',
] as const;

export function ComplaintNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('newComplaint.title'));
  const navigate = useNavigate();
  const create = useCreateComplaint();

  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [externalId, setExternalId] = useState('');
  const [preferredLanguage, setPreferredLanguage] = useState<LanguageCode>('vi');
  const [tier, setTier] = useState('');
  const [customerSince, setCustomerSince] = useState('');
  const [channel, setChannel] = useState<ChannelCode>('phone');
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<CreateComplaintRequest['severity']>('medium');
  const [productRef, setProductRef] = useState('');
  const [orderRef, setOrderRef] = useState('');
  const [description, setDescription] = useState('');
  const [askText, setAskText] = useState('');
  const [askAmount, setAskAmount] = useState<number | string>('');
  const [askCurrency, setAskCurrency] = useState<string>('VND');

  const errors = splitApiError(create.error, FIELDS);
  const err = (field: (typeof FIELDS)[number]) => errors.field[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = typeof askAmount === 'number' ? askAmount : undefined;
    const ask =
      optionalText(askText) || amount !== undefined
        ? {
            text: optionalText(askText),
            amount,
            currency: amount !== undefined ? askCurrency : undefined,
          }
        : undefined;
    const input: RequestOf<'createComplaint'>['body'] = {
      customer: {
        name,
        phone: optionalText(phone),
        email: optionalText(email.trim()),
        externalId: optionalText(externalId),
        preferredLanguage,
        tier: optionalText(tier),
        customerSince: optionalText(customerSince),
      },
      channel,
      reasonId: reasonId ?? undefined,
      severity,
      productRef: optionalText(productRef),
      orderRef: optionalText(orderRef),
      description,
      ask,
    };
    create.mutate(input, {
      onSuccess: (detail) => {
        notifications.show({
          color: 'teal',
          message: t('newComplaint.created', { reference: detail.complaint.reference }),
        });
        // A complaint taken on the phone opens with its call to log.
        void navigate(
          `/complaints/${detail.complaint.id}${channel === 'phone' ? '?logCall=1' : ''}`,
        );
      },
    });
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('newComplaint.title')}</Title>
      <form onSubmit={submit} noValidate data-testid="new-complaint-form">
        <Stack gap="lg">
          <ErrorAlert error={errors.general} />
          <Fieldset legend={t('newComplaint.customer')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('customer.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={err('customer.name')}
                data-testid="customer-name"
                autoFocus
              />
              <TextInput
                label={t('customer.phone')}
                type="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={err('customer.phone')}
                data-testid="customer-phone"
              />
              <TextInput
                label={t('customer.email')}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={err('customer.email')}
                data-testid="customer-email"
              />
              <Select
                label={t('customer.preferredLanguage')}
                value={preferredLanguage}
                onChange={(value) => value && setPreferredLanguage(languageSchema.parse(value))}
                data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                allowDeselect={false}
                error={err('customer.preferredLanguage')}
                data-testid="customer-language"
              />
              <TextInput
                label={t('customer.externalId')}
                value={externalId}
                onChange={(e) => setExternalId(e.currentTarget.value)}
                error={err('customer.externalId')}
                data-testid="customer-external-id"
              />
              <TextInput
                label={t('customer.tier')}
                value={tier}
                onChange={(e) => setTier(e.currentTarget.value)}
                error={err('customer.tier')}
                data-testid="customer-tier"
              />
              <DateField
                label={t('customer.customerSince')}
                value={customerSince || null}
                onChange={(date) => setCustomerSince(date ?? '')}
                error={err('customer.customerSince')}
                testId="customer-since"
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('newComplaint.complaint')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('complaint.channel')}
                  value={channel}
                  onChange={(value) => value && setChannel(channelSchema.parse(value))}
                  data={channelSchema.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  allowDeselect={false}
                  error={err('channel')}
                  data-testid="complaint-channel"
                />
                <ReasonSelect
                  label={t('complaint.reason')}
                  value={reasonId}
                  onChange={setReasonId}
                  error={err('reasonId')}
                  data-testid="complaint-reason"
                />
                <SeveritySelect
                  value={severity}
                  onChange={setSeverity}
                  error={err('severity')}
                  testId="complaint-severity"
                />
                <ReferenceInputs
                  productRef={{
                    value: productRef,
                    onChange: setProductRef,
                    error: err('productRef'),
                  }}
                  orderRef={{ value: orderRef, onChange: setOrderRef, error: err('orderRef') }}
                  testIdPrefix="complaint"
                />
              </SimpleGrid>
              <Textarea
                label={t('complaint.description')}
                description={t('newComplaint.descriptionHelp')}
                required
                autosize
                minRows={4}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={err('description')}
                data-testid="complaint-description"
              />
            </Stack>
          </Fieldset>

          <DraftSuggestionsPanel
            draft={{
              phone: phone || null,
              email: email || null,
              reasonId,
              productRef: productRef || null,
              orderRef: orderRef || null,
              description,
            }}
          />

          <Fieldset legend={t('complaint.ask')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('ask.text')}
                value={askText}
                onChange={(e) => setAskText(e.currentTarget.value)}
                error={err('ask.text')}
                data-testid="ask-text"
              />
              <NumberInput
                label={t('ask.amount')}
                value={askAmount}
                onChange={setAskAmount}
                min={0}
                allowNegative={false}
                thousandSeparator=","
                error={err('ask.amount')}
                data-testid="ask-amount"
              />
              <Select
                label={t('ask.currency')}
                value={askCurrency}
                onChange={(value) => value && setAskCurrency(value)}
                data={[...ASK_CURRENCIES]}
                allowDeselect={false}
                error={err('ask.currency')}
                data-testid="ask-currency"
              />
            </SimpleGrid>
          </Fieldset>

          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-complaint-submit">
              {t('newComplaint.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
