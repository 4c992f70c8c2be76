import { Button, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/catalog.ts';
import {
  updateComplaintRequest,
  type ComplaintDetail,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { nullableText } from '../../ui/form-values.ts';
import { useSchemaForm } from '../../ui/schema-form.ts';
import { ReferenceInputs, SeveritySelect } from './classification-inputs.tsx';
import { useUpdateComplaint, type ComplaintPatch } from './complaints.api.ts';
import { ReasonSelect } from './reason-select.tsx';

type Classification = Required<Pick<ComplaintPatch, 'ownerId' | 'reasonId' | 'severity'>> & {
  productRef: string;
  orderRef: string;
};

/** Classification and assignment (PATCH); the facts themselves are versioned in FactsPanel. */
export function ComplaintEditPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const c = detail.complaint;
  const update = useUpdateComplaint(c.id);
  const assign = useUpdateComplaint(c.id);
  const users = useUsers(user.permissions.includes('user:read'));
  const start: Classification = {
    ownerId: c.ownerId,
    reasonId: c.reasonId,
    severity: c.severity,
    productRef: c.productRef ?? '',
    orderRef: c.orderRef ?? '',
  };
  const form = useSchemaForm(updateComplaintRequest, start);
  const { values } = form;

  const ownerOptions = useMemo(() => {
    const map = new Map<string, string>();
    if (c.ownerId) map.set(c.ownerId, c.ownerName ?? c.ownerId);
    map.set(user.id, user.name);
    for (const u of users.data ?? []) if (u.active) map.set(u.id, u.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [users.data, c.ownerId, c.ownerName, user.id, user.name]);

  // Only what changed is sent; a blanked reference is cleared.
  const submit = form.handleSubmit(async () => {
    const patch: ComplaintPatch = {};
    if (values.ownerId !== c.ownerId) patch.ownerId = values.ownerId;
    if (values.reasonId !== c.reasonId) patch.reasonId = values.reasonId;
    if (values.severity !== c.severity) patch.severity = values.severity;
    if (values.productRef !== start.productRef) patch.productRef = nullableText(values.productRef);
    if (values.orderRef !== start.orderRef) patch.orderRef = nullableText(values.orderRef);
    if (Object.keys(patch).length === 0) return;
    await update.mutateAsync(patch);
    notifications.show({ color: 'teal', message: t('edit.saved') });
  });

  const reference = (key: 'productRef' | 'orderRef') => ({
    value: values[key],
    onChange: (value: string) => form.set(key, value),
    error: form.errorOf(key),
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="edit-title">
      <form onSubmit={submit} noValidate data-testid="complaint-edit-form">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="edit-title">
              {t('edit.title')}
            </Title>
            {c.ownerId !== user.id && (
              <Button
                variant="light"
                size="compact-sm"
                onClick={() => {
                  form.set('ownerId', user.id);
                  assign.mutate({ ownerId: user.id });
                }}
                data-testid="assign-to-me"
              >
                {t('edit.assignToMe')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={assign.error ?? form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('complaint.owner')}
              placeholder={t('queue.unassigned')}
              clearable
              searchable
              {...form.select('ownerId')}
              data={ownerOptions}
              data-testid="edit-owner"
            />
            <ReasonSelect
              label={t('complaint.reason')}
              {...form.select('reasonId')}
              data-testid="edit-reason"
            />
            <SeveritySelect
              value={values.severity}
              onChange={(severity) => form.set('severity', severity)}
              error={form.errorOf('severity')}
              testId="edit-severity"
            />
            <ReferenceInputs
              productRef={reference('productRef')}
              orderRef={reference('orderRef')}
              testIdPrefix="edit"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              loading={form.isSubmitting}
              data-testid="edit-submit"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
