import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useLiveEvents } from '../notices/live.ts';
import { useCountdownText } from '../sla/clock-ui.tsx';
import { useNow } from '../sla/time.ts';
import { fromMinorUnits, toMinorUnits, useMoney } from './money.ts';
import {
  rewardKeys,
  useApprovals,
  useDecideApproval,
  type Approval,
  type ApprovalScope,
} from './rewards.api.ts';

/** A manager's approvals waiting, live, each with its clock and an answer. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.approvals.title'));
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<ApprovalScope>('mine');
  const list = useApprovals(scope);
  const now = useNow(30_000);

  // New requests, escalations and answers arrive over the live stream; no polling.
  useLiveEvents(['complaint', 'ready'], (type, event) => {
    if (type === 'ready' || event.kind === 'approval')
      void queryClient.invalidateQueries({ queryKey: rewardKeys.all });
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('rewards.approvals.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('rewards.approvals.help')}
      </Text>
      <Tabs value={scope} onChange={(v) => v && setScope(v === 'requested' ? 'requested' : 'mine')}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t('rewards.approvals.tabMine')}</Tabs.Tab>
          <Tabs.Tab value="requested">{t('rewards.approvals.tabRequested')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('rewards.approvals.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="approvals-list">
          {list.data.map((a) => (
            <ApprovalCard key={a.id} approval={a} now={now} canAnswer={scope === 'mine'} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ApprovalCard({
  approval: a,
  now,
  canAnswer,
}: {
  approval: Approval;
  now: number;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const countdown = useCountdownText();
  const decide = useDecideApproval();
  const [amount, setAmount] = useState<number | string>(fromMinorUnits(a.amountMinor, a.currency));
  const [reason, setReason] = useState('');
  const errors = splitApiError(decide.error, ['amountMinor', 'reason']);
  const clock = a.clock ? countdown(a.clock, now) : null;
  const answer = (decision: 'approve' | 'decline') =>
    decide.mutate({
      id: a.id,
      body:
        decision === 'approve'
          ? {
              decision,
              amountMinor:
                typeof amount === 'number' ? toMinorUnits(amount, a.currency) : a.amountMinor,
            }
          : { decision, reason },
    });
  return (
    <Paper withBorder p="md" radius="md" data-testid="approval-card" data-approval-id={a.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/complaints/${a.complaintId}`} fw={600}>
            {a.complaintReference} · {a.customerName}
          </Anchor>
          <Badge color="yellow.9" variant="filled" autoContrast>
            {t(`rewards.status.${a.status}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={600}>
          {t(`rewards.kind.${a.kind}`)}: {a.giftName ?? t(`rewards.type.${a.type}`)} ·{' '}
          {money(a.amountMinor, a.currency)}
        </Text>
        {a.askMinor !== null && (
          <Text size="sm">
            {t('rewards.approvals.customerAsk', { amount: money(a.askMinor, a.currency) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('rewards.approvals.askedBy', { name: a.requestedByName ?? '—' })}
          {a.note ? ` · ${a.note}` : ''}
        </Text>
        {a.climbs.map((c, i) => (
          <Text key={i} size="xs" c="dimmed">
            {t('rewards.approvals.climbed', {
              from: c.from ?? '—',
              reason: t(`rewards.approvals.climbReason.${c.reason}`),
            })}
          </Text>
        ))}
        {clock && (
          <Text
            size="sm"
            fw={700}
            c={clock.overdue ? 'red.9' : 'blue.9'}
            data-testid="approval-clock"
          >
            {t('rewards.approvals.answerWithin')}: {clock.text}
          </Text>
        )}
        {canAnswer && (
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <NumberInput
                label={t('rewards.approvals.approveAmount')}
                min={0}
                value={amount}
                onChange={setAmount}
                error={errors.field.amountMinor}
                data-testid="approval-amount"
              />
              <Button
                color="teal.9"
                loading={decide.isPending}
                onClick={() => answer('approve')}
                data-testid="approval-approve"
              >
                {t('rewards.approvals.approve')}
              </Button>
            </Group>
            <Group align="flex-end" wrap="wrap">
              <Textarea
                label={t('rewards.approvals.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.field.reason}
                autosize
                minRows={1}
                style={{ flex: 1 }}
                data-testid="approval-reason"
              />
              <Button
                color="red.9"
                variant="outline"
                loading={decide.isPending}
                onClick={() => answer('decline')}
                data-testid="approval-decline"
              >
                {t('rewards.approvals.decline')}
              </Button>
            </Group>
            {errors.general && <ErrorAlert error={errors.general} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
