import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useLiveEvents, useWatchComplaint } from '../notices/live.ts';
import { CompensationDialog } from './compensation-dialog.tsx';
import { GiftDialog } from './gift-dialog.tsx';
import { useMoney } from './money.ts';
import { rewardKeys, useCaseRewards, type Approval, type Grant } from './rewards.api.ts';

const STATUS_COLORS: Record<Approval['status'], string> = {
  pending: 'yellow.9',
  approved: 'teal.9',
  declined: 'red.9',
  cancelled: 'gray.7',
};

/**
 * The case page's step 7 and compensation: may a gift be given now, the budget left (live), what
 * was granted and what waits for approval. Answers from approvers arrive without a reload; a
 * change of the case's status (fixed, reopened) asks again whether a gift may be given.
 */
export function RewardsPanel({ complaintId, status }: { complaintId: string; status: string }) {
  const { t } = useTranslation();
  const can = useHasPermission();
  const money = useMoney();
  const queryClient = useQueryClient();
  const rewards = useCaseRewards(complaintId, status);
  const [dialog, setDialog] = useState<'gift' | 'compensation' | null>(null);

  useWatchComplaint(complaintId);
  useLiveEvents(['complaint', 'ready'], (type, event) => {
    if (
      type === 'ready' ||
      (event.complaintId === complaintId && (event.kind === 'reward' || event.kind === 'approval'))
    )
      void queryClient.invalidateQueries({ queryKey: rewardKeys.all });
  });

  if (!can('reward:grant')) return null;
  const data = rewards.data;
  const grantLine = (g: Grant) => (
    <Group
      key={g.id}
      justify="space-between"
      gap="xs"
      wrap="wrap"
      data-testid="reward-grant-row"
      data-kind={g.kind}
    >
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {t(`rewards.kind.${g.kind}`)}: {g.giftName ?? t(`rewards.type.${g.type}`)} ·{' '}
          {money(g.amountMinor, g.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {g.approvedByName
            ? t('rewards.panel.approvedBy', { name: g.approvedByName, level: g.approvalLevel })
            : t('rewards.panel.withinAuthority')}
          {g.reference ? ` · ${g.reference}` : ''}
        </Text>
      </Stack>
      <Badge color="teal.9" variant="filled" autoContrast>
        {t('rewards.panel.granted')}
      </Badge>
    </Group>
  );
  const approvalLine = (a: Approval) => (
    <Group
      key={a.id}
      justify="space-between"
      gap="xs"
      wrap="wrap"
      data-testid="reward-approval-row"
      data-status={a.status}
    >
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {a.giftName ?? t(`rewards.type.${a.type}`)} · {money(a.amountMinor, a.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {a.status === 'pending'
            ? t('rewards.panel.waitingFor', { name: a.approverName ?? '—', level: a.level })
            : a.status === 'declined'
              ? t('rewards.panel.declined', { reason: a.declineReason ?? '' })
              : a.decidedByName
                ? t('rewards.panel.approvedBy', { name: a.decidedByName, level: a.level })
                : ''}
        </Text>
      </Stack>
      <Badge color={STATUS_COLORS[a.status]} variant="filled" autoContrast>
        {t(`rewards.status.${a.status}`)}
      </Badge>
    </Group>
  );

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="rewards-title"
      data-testid="rewards-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="rewards-title">
          {t('rewards.panel.title')}
        </Title>
        {rewards.isError && <ErrorAlert error={rewards.error} />}
        {data && (
          <>
            {data.giftEligibility !== 'eligible' && (
              <Alert color="gray" data-testid="gift-not-eligible">
                {data.giftEligibility === 'not_fixed'
                  ? t('rewards.panel.notFixed')
                  : t('rewards.panel.notVerified')}
              </Alert>
            )}
            {data.giftBudget && (
              <Text size="sm" data-testid="panel-budget-left">
                {t('rewards.gift.budgetLeft', {
                  team: data.giftBudget.departmentName,
                  period: t(`rewards.period.${data.giftBudget.period}`),
                  amount: money(data.giftBudget.remainingMinor, data.giftBudget.currency),
                })}
              </Text>
            )}
            <Group gap="sm">
              <Button
                onClick={() => setDialog('gift')}
                disabled={data.giftEligibility !== 'eligible' || data.gifts.length === 0}
                data-testid="gift-open"
              >
                {t('rewards.panel.giveGift')}
              </Button>
              <Button
                variant="light"
                onClick={() => setDialog('compensation')}
                data-testid="compensation-open"
              >
                {t('rewards.panel.compensate')}
              </Button>
            </Group>
            {data.grants.length === 0 && data.approvals.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('rewards.panel.none')}
              </Text>
            )}
            {data.approvals.filter((a) => a.status !== 'approved').map(approvalLine)}
            {data.grants.map(grantLine)}
            <GiftDialog
              complaintId={complaintId}
              rewards={data}
              opened={dialog === 'gift'}
              onClose={() => setDialog(null)}
            />
            <CompensationDialog
              complaintId={complaintId}
              rewards={data}
              opened={dialog === 'compensation'}
              onClose={() => setDialog(null)}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
