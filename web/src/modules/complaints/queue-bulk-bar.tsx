import { Alert, Button, Group, List, Paper, Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/catalog.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import {
  statusSchema,
  type ComplaintListItem,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import type { BulkActionResponse } from '../../../../src/modules/complaints/queue.contract.ts';
import { LinkToProblemDialog } from '../problems/link-to-problem-dialog.tsx';
import { useBulkAction } from './queue.api.ts';
import { UNASSIGNED } from './queue-params.ts';
import type { QueueSelection } from './queue-selection.ts';

/**
 * What to do with the ticked cases: give them to someone (or to nobody), or move their status.
 * Each case is changed on its own; the answer says how many changed and why any were refused.
 */
export function QueueBulkBar({
  items,
  selection,
}: {
  items: ComplaintListItem[];
  selection: QueueSelection;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canAssign = user.permissions.includes('complaint:assign');
  const users = useUsers(canAssign && user.permissions.includes('user:read'));
  const bulk = useBulkAction();
  const [owner, setOwner] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const canLink = user.permissions.includes('problem:link');
  const [outcome, setOutcome] = useState<{
    answer: BulkActionResponse;
    references: Map<string, string>;
  } | null>(null);
  const result = outcome?.answer ?? null;
  const ids = items.filter((i) => selection.checked.has(i.id)).map((i) => i.id);
  // Kept from when the action ran: a changed case may leave the page.
  const referenceOf = (id: string) => outcome?.references.get(id) ?? id;

  // Anyone may take cases; handing them to someone else (or to nobody) needs complaint:assign.
  const ownerOptions = useMemo(() => {
    const me = [{ value: user.id, label: t('queue.ownerMe', { name: user.name }) }];
    if (!canAssign) return me;
    const others = (users.data ?? [])
      .filter((u) => u.active && u.id !== user.id)
      .map((u) => ({ value: u.id, label: u.name }));
    return [...me, { value: UNASSIGNED, label: t('queue.unassigned') }, ...others];
  }, [canAssign, users.data, user.id, user.name, t]);

  const run = (body: Parameters<typeof bulk.mutate>[0]) => {
    const references = new Map(items.map((i) => [i.id, i.reference]));
    bulk.mutate(body, {
      onSuccess: (answer) => {
        setOutcome({ answer, references });
        selection.clear();
      },
    });
  };

  if (ids.length === 0 && !result) return null;
  return (
    <Paper withBorder p="sm" role="region" aria-label={t('bulk.bar')} data-testid="queue-bulk-bar">
      {ids.length > 0 && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Text fw={600} aria-live="polite" data-testid="queue-bulk-count">
            {t('bulk.selectedCount', { count: ids.length })}
          </Text>
          <Select
            label={t('bulk.assignTo')}
            placeholder={t('bulk.pickOwner')}
            searchable
            value={owner}
            onChange={setOwner}
            data={ownerOptions}
            w={220}
            data-testid="queue-bulk-owner"
          />
          <Button
            disabled={!owner}
            loading={bulk.isPending}
            onClick={() =>
              owner && run({ action: 'assign', ids, ownerId: owner === UNASSIGNED ? null : owner })
            }
            data-testid="queue-bulk-assign"
          >
            {t('bulk.assign')}
          </Button>
          <Select
            label={t('bulk.status')}
            placeholder={t('bulk.pickStatus')}
            value={status}
            onChange={setStatus}
            data={statusSchema.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            w={200}
            data-testid="queue-bulk-status"
          />
          <Button
            disabled={!status}
            loading={bulk.isPending}
            onClick={() => {
              const parsed = statusSchema.safeParse(status);
              if (parsed.success) run({ action: 'changeStatus', ids, status: parsed.data });
            }}
            data-testid="queue-bulk-change-status"
          >
            {t('bulk.apply')}
          </Button>
          {canLink && (
            <Button variant="light" onClick={() => setLinking(true)} data-testid="queue-bulk-link">
              {t('bulk.linkToProblem')}
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => selection.clear()}
            data-testid="queue-bulk-clear"
          >
            {t('bulk.clear')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={bulk.error} />
      {linking && (
        <LinkToProblemDialog
          complaintIds={ids}
          onClose={() => setLinking(false)}
          onLinked={() => selection.clear()}
        />
      )}
      {result && (
        <Alert
          mt={ids.length > 0 ? 'sm' : 0}
          color={result.refused > 0 ? 'orange' : 'green'}
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setOutcome(null)}
          data-testid="queue-bulk-result"
        >
          <Text size="sm">
            {t('bulk.result', {
              changed: result.changed,
              unchanged: result.unchanged,
              refused: result.refused,
            })}
          </Text>
          {result.refused > 0 && (
            <List size="sm" mt="xs">
              {result.results
                .filter((r) => r.outcome === 'refused')
                .map((r) => (
                  <List.Item key={r.id}>
                    {t('bulk.refusedItem', {
                      reference: referenceOf(r.id),
                      message: r.error?.message ?? '',
                    })}
                  </List.Item>
                ))}
            </List>
          )}
        </Alert>
      )}
    </Paper>
  );
}
