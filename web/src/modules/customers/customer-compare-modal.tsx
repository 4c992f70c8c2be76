import { Alert, Badge, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../src/modules/customers/customers.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useCustomer, useMergeCustomer } from './customers.api.ts';

type Side = 'current' | 'other';

/**
 * Two customer records side by side, for an agent to judge whether they are one person, and the
 * merge: the agent picks the record that stays, then confirms with both names spelled out.
 */
export function CustomerCompareModal({
  currentId,
  other,
  canMerge,
  onClose,
}: {
  /** The customer of the case on screen. */
  currentId: string;
  other: CustomerView;
  canMerge: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const current = useCustomer(currentId);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('customerDuplicates.compareTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {current.isPending ? (
        <PageLoader />
      ) : current.isError ? (
        <ErrorAlert error={current.error} />
      ) : (
        <Comparison current={current.data} other={other} canMerge={canMerge} onDone={onClose} />
      )}
    </Modal>
  );
}

function Comparison({
  current,
  other,
  canMerge,
  onDone,
}: {
  current: CustomerView;
  other: CustomerView;
  canMerge: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const merge = useMergeCustomer();
  // The record the other one copies is the first guess for the one that stays.
  const [keep, setKeep] = useState<Side>(
    current.possibleDuplicateOf === other.id ? 'other' : 'current',
  );
  const [confirming, setConfirming] = useState(false);
  const records: Record<Side, CustomerView> = { current, other };
  const into = records[keep];
  const from = records[keep === 'current' ? 'other' : 'current'];

  const rows: { key: string; label: string; value: (c: CustomerView) => string }[] = [
    { key: 'name', label: t('customer.name'), value: (c) => c.name },
    { key: 'phone', label: t('customer.phone'), value: (c) => format.phone(c.phone) },
    { key: 'email', label: t('customer.email'), value: (c) => c.email ?? '' },
    { key: 'externalId', label: t('customer.externalId'), value: (c) => c.externalId ?? '' },
    { key: 'tier', label: t('customer.tier'), value: (c) => c.tier ?? '' },
    {
      key: 'customerSince',
      label: t('customer.customerSince'),
      value: (c) => format.date(c.customerSince),
    },
    {
      key: 'preferredLanguage',
      label: t('customer.preferredLanguage'),
      value: (c) => LANGUAGE_NAMES[c.preferredLanguage],
    },
    {
      key: 'createdAt',
      label: t('customerDuplicates.recordCreated'),
      value: (c) => format.dateTime(c.createdAt),
    },
  ];

  const heading = (side: Side) => {
    const c = records[side];
    return (
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {t(side === 'current' ? 'customerDuplicates.thisCase' : 'customerDuplicates.otherRecord')}
        </Text>
        {c.possibleDuplicateOf && (
          <Badge color="orange" variant="light" size="sm">
            {t('customerDuplicates.badge')}
          </Badge>
        )}
      </Stack>
    );
  };

  const submit = () =>
    merge.mutate(
      { fromId: from.id, intoId: into.id },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: t('customerDuplicates.merged', {
              name: result.customer.name,
              count: result.movedComplaints,
            }),
          });
          onDone();
        },
      },
    );

  return (
    <Stack gap="md" data-testid="customer-compare">
      <Text size="sm">{t('customerDuplicates.compareHelp')}</Text>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table withTableBorder withColumnBorders data-testid="customer-compare-table">
          <Table.Caption>{t('customerDuplicates.compareCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('customerDuplicates.field')}</Table.Th>
              <Table.Th scope="col">{heading('current')}</Table.Th>
              <Table.Th scope="col">{heading('other')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const a = row.value(current);
              const b = row.value(other);
              // The record's own creation time always differs; it is context, not a conflict.
              const differs = row.key !== 'createdAt' && a !== b;
              return (
                <Table.Tr
                  key={row.key}
                  data-testid={`compare-row-${row.key}`}
                  data-differs={differs}
                >
                  <Table.Th scope="row">
                    <Group gap={6}>
                      <span>{row.label}</span>
                      {differs && (
                        <Badge color="orange.9" variant="outline" size="xs">
                          {t('customerDuplicates.differs')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td data-testid="compare-current">{a || '—'}</Table.Td>
                  <Table.Td data-testid="compare-other">{b || '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {canMerge && !confirming && (
        <Stack gap="sm">
          <Radio.Group
            label={t('customerDuplicates.keepLabel')}
            description={t('customerDuplicates.keepHelp')}
            value={keep}
            onChange={(value) => setKeep(value === 'other' ? 'other' : 'current')}
            data-testid="merge-keep"
          >
            <Stack gap={6} mt="xs">
              <Radio
                value="current"
                label={t('customerDuplicates.keepCurrent', { name: current.name })}
                data-testid="merge-keep-current"
              />
              <Radio
                value="other"
                label={t('customerDuplicates.keepOther', { name: other.name })}
                data-testid="merge-keep-other"
              />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => setConfirming(true)} data-testid="merge-start">
              {t('customerDuplicates.merge')}
            </Button>
          </Group>
        </Stack>
      )}

      {canMerge && confirming && (
        <Alert
          color="orange"
          variant="light"
          title={t('customerDuplicates.confirmTitle')}
          data-testid="merge-confirm"
        >
          <Stack gap="sm">
            <Text size="sm" data-testid="merge-confirm-text">
              {t('customerDuplicates.confirmBody', { into: into.name, from: from.name })}
            </Text>
            <ErrorAlert error={merge.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('customerDuplicates.back')}
              </Button>
              <Button
                color="orange.9"
                onClick={submit}
                loading={merge.isPending}
                data-testid="merge-confirm-submit"
              >
                {t('customerDuplicates.confirmMerge', { name: into.name })}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
