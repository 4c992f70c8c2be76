import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import type { ProblemStatus } from './problem-words.ts';
import { ProblemStatusBadge, useUserOptions } from './problem-ui.tsx';
import { useTransitionProblem, useUpdateProblem, type Problem } from './problems.api.ts';

/** Moves that need a reason: rejecting a problem, and taking it back from monitoring to action. */
const needsReason = (from: ProblemStatus, to: ProblemStatus) =>
  to === 'rejected' || (from === 'monitoring' && to === 'action');

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

/** Reference, title, status and owner, and the moves the status allows now as buttons. */
export function ProblemHeader({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useHasPermission();
  const canWrite = can('problem:write');
  const owners = useUserOptions();
  const transition = useTransitionProblem(problem.id);
  const update = useUpdateProblem(problem.id);
  const [asking, setAsking] = useState<ProblemStatus | null>(null);
  const [reason, setReason] = useState('');
  // Closing goes through the monitoring card: it runs the recurrence check.
  const moves = problem.allowedTransitions.filter((s) => s !== 'closed');

  const move = (to: ProblemStatus) => {
    if (needsReason(problem.status, to)) {
      setReason('');
      setAsking(to);
      return;
    }
    transition.mutate({ to });
  };
  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    if (!asking || !reason.trim()) return;
    transition.mutate({ to: asking, reason }, { onSuccess: () => setAsking(null) });
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="problem-header">
      <Stack gap="sm">
        <Anchor component={Link} to="/problems" size="sm">
          ← {t('problems.detail.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} data-testid="problem-reference">
            {problem.reference}
          </Title>
          <ProblemStatusBadge status={problem.status} />
        </Group>
        <Text fw={600} size="lg" data-testid="problem-title">
          {problem.title}
        </Text>
        {problem.description && (
          <Text size="sm" className="preserve-lines">
            {problem.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t('problems.col.owner')}>
            {canWrite ? (
              <Select
                aria-label={t('problems.detail.changeOwner')}
                data={owners}
                value={problem.ownerId}
                onChange={(v) => v && v !== problem.ownerId && update.mutate({ ownerId: v })}
                searchable
                allowDeselect={false}
                size="xs"
                data-testid="problem-owner"
              />
            ) : (
              problem.ownerName
            )}
          </Field>
          <Field label={t('problems.col.reason')}>{problem.reasonName}</Field>
          <Field label={t('problems.detail.products')}>{problem.products.join(', ')}</Field>
          <Field label={t('problems.detail.orders')}>{problem.orders.join(', ')}</Field>
          <Field label={t('problems.detail.created')}>{format.dateTime(problem.createdAt)}</Field>
          {problem.closedAt && (
            <Field label={t('problems.detail.closed')}>{format.dateTime(problem.closedAt)}</Field>
          )}
        </SimpleGrid>
        {canWrite && moves.length > 0 && (
          <Group gap="xs" role="group" aria-label={t('problems.detail.moves')}>
            {moves.map((to) => (
              <Button
                key={to}
                size="sm"
                variant={to === 'rejected' ? 'default' : 'filled'}
                loading={transition.isPending && transition.variables?.to === to}
                onClick={() => move(to)}
                data-testid={`problem-move-${to}`}
              >
                {t(`problems.move.${to}`)}
              </Button>
            ))}
          </Group>
        )}
        {!asking && <ErrorAlert error={transition.error ?? update.error} />}
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`problems.move.${asking}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={submitReason} noValidate data-testid="problem-move-reason-form">
          <Stack gap="sm">
            <Textarea
              label={t('problems.detail.moveReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) submitReason(e);
              }}
              required
              autosize
              minRows={2}
              data-autofocus
              data-testid="problem-move-reason"
            />
            <ErrorAlert error={transition.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                disabled={!reason.trim()}
                loading={transition.isPending}
                data-testid="problem-move-reason-submit"
              >
                {t('problems.detail.confirmMove')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
