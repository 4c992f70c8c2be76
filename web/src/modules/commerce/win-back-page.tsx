import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { winBackOutcomes } from '../../../../src/modules/commerce/win-back.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import {
  useRecordWinBackAttempt,
  useUpdateWinBack,
  useWinBackOffer,
  useWinBackQueue,
  useWinBackReport,
  type WinBackEntry,
  type WinBackStatus,
} from './win-back.api.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
type Outcome = (typeof winBackOutcomes)[number];

/** A call to a customer: its note and, when it settles the matter, the outcome. */
function CallModal(props: { entry: WinBackEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordWinBackAttempt();
  const [note, setNote] = useState(props.entry.note ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Modal
      opened
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('winBack.call.title', { name: props.entry.customerName })}
    >
      <Stack>
        <SuggestedOffer id={props.entry.id} />
        <Textarea
          label={t('winBack.call.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Select
          label={t('winBack.call.outcome')}
          placeholder={t('winBack.call.noOutcome')}
          clearable
          clearButtonProps={{ 'aria-label': t('winBack.call.noOutcome') }}
          data={winBackOutcomes.map((o) => ({ value: o, label: t(`winBack.outcome.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome((v as Outcome | null) ?? null)}
          data-testid="win-back-call-outcome"
        />
        {record.isError && <ErrorAlert error={record.error} />}
        <Group justify="flex-end">
          <Button
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                {
                  id: props.entry.id,
                  body: { note: note.trim() === '' ? null : note, ...(outcome ? { outcome } : {}) },
                },
                { onSuccess: props.onClose },
              )
            }
          >
            {t('winBack.call.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What to offer on the call: a voucher by the documented rule, within one's own authority. */
function SuggestedOffer({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const offer = useWinBackOffer(id);
  if (offer.isPending) return <Loader size="sm" />;
  if (offer.isError) return <ErrorAlert error={offer.error} />;
  const o = offer.data;
  return (
    <Alert color="blue" title={t('winBack.offer.title')} data-testid="win-back-offer">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {o.amountMinor !== null
            ? t('winBack.offer.allowed', { amount: format.money(o.amountMinor, o.currency) })
            : o.decision === 'needs_approval'
              ? t('winBack.offer.needsApproval', {
                  amount: format.money(o.wantedMinor, o.currency),
                  approver: o.approverName ?? t('winBack.offer.yourManager'),
                })
              : t('winBack.offer.refused')}
        </Text>
        <Text size="xs">{o.rule}</Text>
      </Stack>
    </Alert>
  );
}

/** The win-back rate and revenue won back over the entries closed in a period. */
function WinBackFigures() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 89 * DAY)));
  const [to, setTo] = useState(isoDay(new Date(Date.now() + DAY)));
  const report = useWinBackReport(from, to);
  const data = report.data;
  return (
    <Stack gap="xs">
      <Group>
        <TextInput
          type="date"
          label={t('winBack.report.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('winBack.report.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {report.isError && <ErrorAlert error={report.error} />}
      {data && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p="md" data-testid="win-back-rate">
            <Text size="sm" fw={600}>
              {t('winBack.report.rate')}
            </Text>
            <Text size="xl" fw={700}>
              {data.winBackRate === null
                ? '–'
                : new Intl.NumberFormat(i18n.language, {
                    style: 'percent',
                    maximumFractionDigits: 1,
                  }).format(data.winBackRate)}
            </Text>
            <Text size="xs" c="dimmed">
              {data.definitions.winBackRate}
            </Text>
          </Paper>
          <Paper withBorder p="md" data-testid="win-back-revenue">
            <Text size="sm" fw={600}>
              {t('winBack.report.revenue')}
            </Text>
            <Text size="xl" fw={700}>
              {format.money(data.revenueWonBackMinor, data.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {data.definitions.revenueWonBack}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" fw={600}>
              {t('winBack.report.closed', { count: data.closed })}
            </Text>
            {winBackOutcomes.map((o) => (
              <Text
                size="sm"
                key={o}
              >{`${t(`winBack.outcome.${o}`)}: ${data.byOutcome[o] ?? 0}`}</Text>
            ))}
            <Text size="xs" c="dimmed">
              {data.definitions.queue}
            </Text>
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** Customers who left after a complaint, to call back, with what they spent and what came of it. */
export function WinBackPage() {
  const { t } = useTranslation();
  usePageTitle(t('winBack.title'));
  const me = useCurrentUser();
  const format = useFormat();
  const [status, setStatus] = useState<WinBackStatus>('open');
  const queue = useWinBackQueue(status);
  const update = useUpdateWinBack();
  const [calling, setCalling] = useState<WinBackEntry | null>(null);
  const currency = queue.data?.currency ?? 'VND';
  return (
    <Stack gap="md" data-testid="win-back">
      <Title order={1}>{t('winBack.title')}</Title>
      <WinBackFigures />
      <SegmentedControl
        aria-label={t('winBack.status.label')}
        value={status}
        onChange={(v) => setStatus(v as WinBackStatus)}
        data={(['open', 'closed', 'all'] as const).map((s) => ({
          value: s,
          label: t(`winBack.status.${s}`),
        }))}
      />
      {queue.isPending && <PageLoader />}
      {queue.isError && <ErrorAlert error={queue.error} />}
      {update.isError && <ErrorAlert error={update.error} />}
      {queue.data && queue.data.items.length === 0 && <Text c="dimmed">{t('winBack.empty')}</Text>}
      {queue.data && queue.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder striped data-testid="win-back-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('winBack.column.customer')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.why')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.complaints')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.spendBefore')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.spendAfter')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.owner')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.due')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.attempts')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.outcome')}</Table.Th>
                <Table.Th scope="col">{t('winBack.column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row">
                    {e.customerName}
                    {e.note && (
                      <Text size="xs" c="dimmed">
                        {e.note}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{`${t(`winBack.trigger.${e.trigger}`)} · ${format.date(e.triggeredAt)}`}</Table.Td>
                  <Table.Td>
                    {e.complaints.map((c) => (
                      <Text
                        size="xs"
                        key={c.id}
                      >{`${format.date(c.firstContactAt)}: ${t(`winBack.complaintOutcome.${c.outcome}`)}`}</Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{format.money(e.spendBeforeMinor, currency)}</Table.Td>
                  <Table.Td>{format.money(e.spendAfterMinor, currency)}</Table.Td>
                  <Table.Td>{e.ownerName ?? t('winBack.noOwner')}</Table.Td>
                  <Table.Td>{format.date(e.dueAt)}</Table.Td>
                  <Table.Td>{e.attempts}</Table.Td>
                  <Table.Td>
                    {e.outcome ? (
                      <Badge variant="filled" color="blue.8">
                        {t(`winBack.outcome.${e.outcome}`)}
                      </Badge>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {e.ownerId !== me.id && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => update.mutate({ id: e.id, body: { ownerId: me.id } })}
                        >
                          {t('winBack.take')}
                        </Button>
                      )}
                      <Button size="xs" onClick={() => setCalling(e)}>
                        {t('winBack.call.open')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {calling && <CallModal entry={calling} onClose={() => setCalling(null)} />}
    </Stack>
  );
}
