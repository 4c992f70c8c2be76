import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import type { CustomerView } from '../../../../src/modules/customers/customers.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { CustomerCompareModal } from './customer-compare-modal.tsx';
import { useCustomerDuplicates } from './customers.api.ts';

type CaseCustomer = ComplaintDetail['customer'];

/**
 * The other records that may be this customer. Intake never overwrites a customer: details that
 * conflict with a known one make a record of their own, marked as a possible duplicate.
 */
export function usePossibleDuplicates(customer: CaseCustomer) {
  const canRead = useCurrentUser().permissions.includes('customer:read');
  const duplicates = useCustomerDuplicates(customer.id, canRead);
  const items = duplicates.data ?? [];
  return {
    items,
    error: duplicates.error,
    isDuplicate: customer.possibleDuplicateOf !== null || items.length > 0,
  };
}

export function PossibleDuplicateBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" data-testid="customer-duplicate-badge">
      {t('customerDuplicates.badge')}
    </Badge>
  );
}

/** Shown on the case when its customer may be the same person as another record. */
export function CustomerDuplicatesAlert({ customer }: { customer: CaseCustomer }) {
  const { t } = useTranslation();
  const canMerge = useCurrentUser().permissions.includes('customer:update');
  const { items, error, isDuplicate } = usePossibleDuplicates(customer);
  const [comparing, setComparing] = useState<CustomerView | null>(null);
  const format = useFormat();
  if (!isDuplicate) return null;

  return (
    <Alert
      color="orange"
      variant="light"
      title={t('customerDuplicates.title')}
      data-testid="customer-duplicate-alert"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(
            customer.possibleDuplicateOf
              ? 'customerDuplicates.isCopy'
              : 'customerDuplicates.hasCopies',
            { name: customer.name },
          )}
        </Text>
        <ErrorAlert error={error} />
        <List spacing="xs" size="sm" listStyleType="none" data-testid="customer-duplicate-list">
          {items.map((other) => (
            <List.Item key={other.id} data-testid="customer-duplicate-item">
              <Group gap="sm" wrap="wrap">
                <Text size="sm" fw={600} span>
                  {other.name}
                </Text>
                <Text size="sm" span>
                  {[format.phone(other.phone), other.email].filter(Boolean).join(' · ')}
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setComparing(other)}
                  aria-label={t(
                    canMerge
                      ? 'customerDuplicates.compareMergeWith'
                      : 'customerDuplicates.compareWith',
                    { name: other.name },
                  )}
                  data-testid="customer-compare-open"
                >
                  {t(canMerge ? 'customerDuplicates.compareMerge' : 'customerDuplicates.compare')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
      {comparing && (
        <CustomerCompareModal
          currentId={customer.id}
          other={comparing}
          canMerge={canMerge}
          onClose={() => setComparing(null)}
        />
      )}
    </Alert>
  );
}
