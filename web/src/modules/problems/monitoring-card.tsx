import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
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
import { useCloseProblem, type ProblemDetail } from './problems.api.ts';

const DECISION_COLORS = { watching: 'blue.9', ready_to_close: 'teal.9', recurred: 'red.8' };

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {children}
      </Text>
    </div>
  );
}

/**
 * The recurrence check (closed-loop management): the window, the complaints received in it, and
 * Close, which the server refuses while the window runs or after a recurrence unless overridden.
 */
export function MonitoringCard({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canClose = useHasPermission()('problem:close');
  const { problem, monitoring: m } = detail;
  const close = useCloseProblem(problem.id);
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  // After a window ended in a recurrence the problem is back in action; it can still be closed
  // with an override.
  const sentBack =
    problem.status === 'action' && detail.history.some((h) => h.kind === 'monitoring.ended');

  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    close.mutate({ override: true, reason }, { onSuccess: () => setOverriding(false) });
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="monitoring-title"
      data-testid="monitoring-card"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="monitoring-title">
            {t('problems.monitoring.title')}
          </Title>
          {m.decision && (
            <Badge
              color={DECISION_COLORS[m.decision]}
              autoContrast
              data-testid="monitoring-decision"
              data-decision={m.decision}
            >
              {t(`problems.decision.${m.decision}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('problems.monitoring.help', {
            length: m.windowLength,
            unit: t(`problems.unit.${m.windowUnit}`),
            threshold: m.threshold,
          })}
        </Text>
        {m.startedAt ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('problems.monitoring.started')}>{format.dateTime(m.startedAt)}</Figure>
            <Figure label={t('problems.monitoring.ends')}>{format.dateTime(m.endsAt)}</Figure>
            <Figure label={t('problems.monitoring.daysLeft')}>
              <span data-testid="monitoring-days-left">{m.daysLeft ?? '—'}</span>
            </Figure>
            <Figure label={t('problems.monitoring.recurrences')}>
              <span data-testid="monitoring-recurrences">
                {t('problems.monitoring.ofThreshold', {
                  count: m.recurrences.length,
                  threshold: m.threshold,
                })}
              </span>
            </Figure>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('problems.monitoring.notStarted')}
          </Text>
        )}
        {m.recurrences.length > 0 && (
          <Stack
            gap={2}
            component="ul"
            style={{ margin: 0, paddingInlineStart: 18 }}
            data-testid="monitoring-recurrence-list"
          >
            {m.recurrences.map((c) => (
              <li key={c.complaintId}>
                <Anchor component={Link} to={`/complaints/${c.complaintId}`} size="sm">
                  {c.reference}
                </Anchor>{' '}
                <Text span size="sm">
                  · {c.customerName} · {format.dateTime(c.receivedAt)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {problem.override && (
          <Alert
            color="orange"
            title={t('problems.monitoring.overridden')}
            data-testid="monitoring-override"
          >
            <Text size="sm" className="preserve-lines">
              {problem.override.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {[problem.override.byName, format.dateTime(problem.override.at)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Alert>
        )}
        {!overriding && <ErrorAlert error={close.error} testId="monitoring-close-error" />}
        {canClose && (problem.status === 'monitoring' || sentBack) && (
          <Group gap="xs">
            {problem.status === 'monitoring' && (
              <Button
                loading={close.isPending && !close.variables?.override}
                onClick={() => close.mutate({ override: false })}
                data-testid="problem-close"
              >
                {t('problems.monitoring.close')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => {
                setReason('');
                setOverriding(true);
              }}
              data-testid="problem-close-override"
            >
              {t('problems.monitoring.closeOverride')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={overriding}
        onClose={() => setOverriding(false)}
        title={t('problems.monitoring.closeOverride')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={submitOverride} noValidate data-testid="close-override-form">
          <Stack gap="sm">
            <Text size="sm">{t('problems.monitoring.overrideHelp')}</Text>
            <Textarea
              label={t('problems.monitoring.overrideReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) submitOverride(e);
              }}
              required
              autosize
              minRows={2}
              data-autofocus
              data-testid="close-override-reason"
            />
            <ErrorAlert error={close.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOverriding(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="orange.9"
                disabled={!reason.trim()}
                loading={close.isPending}
                data-testid="close-override-submit"
              >
                {t('problems.monitoring.closeAnyway')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
