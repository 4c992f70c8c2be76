import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  updateCustomerRequest,
  type CustomerView,
} from '../../../../src/modules/customers/customers.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { DateField } from '../../ui/date-fields.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useSchemaForm } from '../../ui/schema-form.ts';
import { useCustomer, useUpdateCustomer, type CustomerPatch } from './customers.api.ts';

type Values = z.input<typeof updateCustomerRequest>;
const editable = [
  'name',
  'phone',
  'email',
  'externalId',
  'tier',
  'customerSince',
  'preferredLanguage',
] as const;

/** The record as the agent edits it: the phone as people of the org's country write it. */
const valuesOf = (c: CustomerView, phone: (e164: string | null) => string): Values => ({
  name: c.name,
  phone: c.phone ? phone(c.phone) : null,
  email: c.email,
  externalId: c.externalId,
  tier: c.tier,
  customerSince: c.customerSince,
  preferredLanguage: c.preferredLanguage,
});

/** A staff edit of the customer record (customer:update); the server audits every change. */
export function CustomerEditModal({
  customerId,
  onClose,
}: {
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('customerEdit.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {customer.isPending ? (
        <PageLoader />
      ) : customer.isError ? (
        <ErrorAlert error={customer.error} />
      ) : (
        <CustomerEditForm customer={customer.data} onDone={onClose} />
      )}
    </Modal>
  );
}

function CustomerEditForm({ customer, onDone }: { customer: CustomerView; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const format = useFormat();
  const start = valuesOf(customer, format.phone);
  const form = useSchemaForm(updateCustomerRequest, start);

  // Only what changed is sent, so the audit trail names exactly what the agent changed.
  const submit = form.handleSubmit(async (request) => {
    const patch: CustomerPatch = {};
    for (const key of editable) {
      if (request[key] !== start[key]) Object.assign(patch, { [key]: request[key] ?? null });
    }
    if (Object.keys(patch).length > 0) {
      await update.mutateAsync(patch);
      notifications.show({ color: 'teal', message: t('customerEdit.saved') });
    }
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate data-testid="customer-edit-form">
      <Stack gap="sm">
        <Text size="sm">{t('customerEdit.help')}</Text>
        <ErrorAlert error={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('customer.name')}
            required
            {...form.text('name', { empty: '' })}
            data-testid="customer-edit-name"
          />
          <TextInput
            label={t('customer.phone')}
            type="tel"
            {...form.text('phone', { empty: null })}
            data-testid="customer-edit-phone"
          />
          <TextInput
            label={t('customer.email')}
            type="email"
            {...form.text('email', { empty: null })}
            data-testid="customer-edit-email"
          />
          <TextInput
            label={t('customer.externalId')}
            {...form.text('externalId', { empty: null })}
            data-testid="customer-edit-external-id"
          />
          <TextInput
            label={t('customer.tier')}
            {...form.text('tier', { empty: null })}
            data-testid="customer-edit-tier"
          />
          <DateField
            label={t('customer.customerSince')}
            value={form.values.customerSince ?? null}
            onChange={(date) => form.set('customerSince', date)}
            error={form.errorOf('customerSince')}
            testId="customer-edit-since"
          />
          <Select
            label={t('customer.preferredLanguage')}
            {...form.select('preferredLanguage')}
            data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            allowDeselect={false}
            data-testid="customer-edit-language"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          {form.isDirty && (
            <Text size="sm" c="dimmed">
              {t('common.unsavedChanges')}
            </Text>
          )}
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.isSubmitting} data-testid="customer-edit-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
