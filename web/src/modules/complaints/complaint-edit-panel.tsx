import { Button, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/catalog.ts';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { nullableText } from '../../ui/form-values.ts';
import { useUpdateComplaint, type ComplaintPatch } from './complaints.api.ts';
import { ReferenceInputs, SeveritySelect } from './classification-inputs.tsx';
import { ReasonSelect } from './reason-select.tsx';

const FIELDS = ['ownerId', 'reasonId', 'severity', 'productRef', 'orderRef'] as const;

/** Classification and assignment (PATCH); the facts themselves are versioned in FactsPanel. */
export function ComplaintEditPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const c = detail.complaint;
  const update = useUpdateComplaint(c.id);
  const users = useUsers(user.permissions.includes('user:read'));
  const [ownerId, setOwnerId] = useState<string | null>(c.ownerId);
  const [reasonId, setReasonId] = useState<string | null>(c.reasonId);
  const [severity, setSeverity] = useState(c.severity);
  const [productRef, setProductRef] = useState(c.productRef ?? '');
  const [orderRef, setOrderRef] = useState(c.orderRef ?? '');
  const errors = splitApiError(update.error, FIELDS);

  const ownerOptions = useMemo(() => {
    const map = new Map<string, string>();
    if (c.ownerId) map.set(c.ownerId, c.ownerName ?? c.ownerId);
    map.set(user.id, user.name);
    for (const u of users.data ?? []) if (u.active) map.set(u.id, u.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [users.data, c.ownerId, c.ownerName, user.id, user.name]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: ComplaintPatch = {};
    if (ownerId !== c.ownerId) patch.ownerId = ownerId;
    if (reasonId !== c.reasonId) patch.reasonId = reasonId;
    if (severity !== c.severity) patch.severity = severity;
    if (productRef !== (c.productRef ?? '')) patch.productRef = nullableText(productRef);
    if (orderRef !== (c.orderRef ?? '')) patch.orderRef = nullableText(orderRef);
    if (Object.keys(patch).length === 0) return;
    update.mutate(patch, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('edit.saved') }),
    });
  };

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
                  setOwnerId(user.id);
                  update.mutate({ ownerId: user.id });
                }}
                data-testid="assign-to-me"
              >
                {t('edit.assignToMe')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('complaint.owner')}
              placeholder={t('queue.unassigned')}
              clearable
              searchable
              value={ownerId}
              onChange={setOwnerId}
              data={ownerOptions}
              error={errors.field.ownerId}
              data-testid="edit-owner"
            />
            <ReasonSelect
              label={t('complaint.reason')}
              value={reasonId}
              onChange={setReasonId}
              error={errors.field.reasonId}
              data-testid="edit-reason"
            />
            <SeveritySelect
              value={severity}
              onChange={setSeverity}
              error={errors.field.severity}
              testId="edit-severity"
            />
            <ReferenceInputs
              productRef={{
                value: productRef,
                onChange: setProductRef,
                error: errors.field.productRef,
              }}
              orderRef={{ value: orderRef, onChange: setOrderRef, error: errors.field.orderRef }}
              testIdPrefix="edit"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              loading={update.isPending}
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
