import {
  Accordion,
  Badge,
  Blockquote,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  verbalConfirmationRequest,
  type ComplaintDetail,
  type FactVersionView,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { isoToLocalInput, localInputToIso, useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { ASK_CURRENCIES } from './currencies.ts';
import { useConfirmVerbally, useRecordFacts, useSendReadBack } from './complaints.api.ts';
import { optionalText } from '../../ui/form-values.ts';

const FACT_FIELDS = [
  'whatHappened',
  'occurredAt',
  'productRef',
  'orderRef',
  'askText',
  'askAmount',
  'askCurrency',
] as const;

const VERBAL_FIELDS = ['confirmedBy', 'method', 'note'] as const;
const VERBAL_METHODS = verbalConfirmationRequest.shape.method.options;
type VerbalMethod = (typeof VERBAL_METHODS)[number];

/** Step 2: record the facts as a new version, read them back, and keep the confirmed version. */
export function FactsPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = detail.complaint.id;
  const { current, confirmed, versions } = detail.facts;
  const [editing, setEditing] = useState(current === null);
  const [verbalOpen, setVerbalOpen] = useState(false);
  const sendReadBack = useSendReadBack(id);

  const isCurrentConfirmed = Boolean(current && confirmed && current.version === confirmed.version);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="facts-title">
            {t('facts.title')}
          </Title>
          {current && !editing && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="facts-edit">
              {t('facts.newVersion')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('facts.help')}
        </Text>

        {current && (
          <Stack gap="xs" data-testid="facts-current" data-version={current.version}>
            <Group gap="xs">
              <Text fw={600}>{t('facts.version', { version: current.version })}</Text>
              {isCurrentConfirmed ? (
                <Badge color="teal.9" data-testid="facts-confirmed-badge">
                  {t('facts.confirmed')}
                </Badge>
              ) : current.sentAt ? (
                <Badge color="yellow.4" autoContrast data-testid="facts-sent-badge">
                  {t('facts.awaiting')}
                </Badge>
              ) : (
                <Badge color="gray.7">{t('facts.notSent')}</Badge>
              )}
            </Group>
            <Blockquote
              color="blue"
              p="sm"
              className="preserve-lines"
              data-testid="readback-text"
              lang={detail.complaint.language}
            >
              {current.readBack}
            </Blockquote>
            {current.sentAt && (
              <Text size="sm">{t('facts.sentAt', { at: format.dateTime(current.sentAt) })}</Text>
            )}
            {!isCurrentConfirmed && (
              <>
                <ErrorAlert error={sendReadBack.error} />
                <Group gap="xs">
                  <Button
                    onClick={() =>
                      sendReadBack.mutate(current.version, {
                        onSuccess: () =>
                          notifications.show({ color: 'teal', message: t('facts.readBackSent') }),
                      })
                    }
                    loading={sendReadBack.isPending}
                    data-testid="send-readback"
                  >
                    {current.sentAt ? t('facts.resendReadBack') : t('facts.sendReadBack')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => setVerbalOpen(true)}
                    data-testid="verbal-confirm"
                  >
                    {t('facts.markVerbal')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}

        {confirmed && !isCurrentConfirmed && (
          <Text size="sm" data-testid="facts-confirmed-version">
            {t('facts.confirmedEarlier', { version: confirmed.version })}
          </Text>
        )}

        {editing && (
          <FactsForm
            complaintId={id}
            base={current}
            onDone={() => setEditing(false)}
            onCancel={current ? () => setEditing(false) : undefined}
          />
        )}

        {versions.length > 0 && (
          <Accordion variant="separated" data-testid="facts-versions">
            {[...versions]
              .sort((a, b) => b.version - a.version)
              .map((version) => (
                <Accordion.Item key={version.version} value={String(version.version)}>
                  <Accordion.Control data-testid="facts-version">
                    {t('facts.version', { version: version.version })}
                    {' · '}
                    {format.dateTime(version.createdAt)}
                    {confirmed?.version === version.version ? ` · ${t('facts.confirmed')}` : ''}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <VersionDetails version={version} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
          </Accordion>
        )}
      </Stack>
      {current && (
        <VerbalConfirmModal
          complaintId={id}
          version={current.version}
          opened={verbalOpen}
          onClose={() => setVerbalOpen(false)}
          defaultName={detail.customer.name}
        />
      )}
    </Paper>
  );
}

function VersionDetails({ version }: { version: FactVersionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('facts.whatHappened'), version.whatHappened],
    [t('facts.occurredAt'), format.dateTime(version.occurredAt)],
    [t('complaint.productRef'), version.productRef ?? ''],
    [t('complaint.orderRef'), version.orderRef ?? ''],
    [t('ask.text'), version.askText ?? ''],
    [t('ask.amount'), format.money(version.askAmount, version.askCurrency)],
    [t('facts.recordedBy'), version.createdByName ?? ''],
    [t('facts.sent'), format.dateTime(version.sentAt)],
    [t('facts.confirmedAtLabel'), format.dateTime(version.confirmedAt)],
  ];
  if (version.confirmation) {
    const c = version.confirmation;
    rows.push([
      t('facts.confirmation'),
      [
        t(`facts.via.${c.via}`),
        c.by ?? '',
        c.method ? t(`verbal.method.${c.method}`, { defaultValue: c.method }) : '',
        c.note ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  return (
    <Stack gap={4}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Text size="sm" key={label} className="preserve-lines">
            <Text span fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
    </Stack>
  );
}

function FactsForm({
  complaintId,
  base,
  onDone,
  onCancel,
}: {
  complaintId: string;
  base: FactVersionView | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordFacts(complaintId);
  const [whatHappened, setWhatHappened] = useState(base?.whatHappened ?? '');
  const [occurredAt, setOccurredAt] = useState(isoToLocalInput(base?.occurredAt));
  const [productRef, setProductRef] = useState(base?.productRef ?? '');
  const [orderRef, setOrderRef] = useState(base?.orderRef ?? '');
  const [askText, setAskText] = useState(base?.askText ?? '');
  const [askAmount, setAskAmount] = useState<number | string>(base?.askAmount ?? '');
  const [askCurrency, setAskCurrency] = useState(base?.askCurrency ?? 'VND');
  const errors = splitApiError(record.error, FACT_FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = typeof askAmount === 'number' ? askAmount : undefined;
    record.mutate(
      {
        whatHappened,
        occurredAt: localInputToIso(occurredAt),
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
          <TextInput
            label={t('facts.occurredAt')}
            description={t('facts.timeZoneHint')}
            type="datetime-local"
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.currentTarget.value)}
            error={errors.field.occurredAt}
            data-testid="facts-occurred-at"
          />
          <TextInput
            label={t('complaint.productRef')}
            value={productRef}
            onChange={(e) => setProductRef(e.currentTarget.value)}
            error={errors.field.productRef}
            data-testid="facts-product-ref"
          />
          <TextInput
            label={t('complaint.orderRef')}
            value={orderRef}
            onChange={(e) => setOrderRef(e.currentTarget.value)}
            error={errors.field.orderRef}
            data-testid="facts-order-ref"
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

function VerbalConfirmModal({
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
            onChange={(value) => value && setMethod(value as VerbalMethod)}
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
