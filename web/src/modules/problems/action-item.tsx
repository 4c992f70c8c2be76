import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { actionMoves, type ActionStatus } from './problem-words.ts';
import { useAddEvidence, useUpdateAction, type ProblemDetail } from './problems.api.ts';

type Action = ProblemDetail['actions'][number];

const STATUS_COLORS: Record<ActionStatus, string> = {
  open: 'blue.9',
  in_progress: 'violet.8',
  done: 'teal.9',
  cancelled: 'gray.7',
};

/** One corrective or preventive action: its status, due, evidence notes and a note to add. */
export function ActionItem({ problemId, action }: { problemId: string; action: Action }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const canWrite = useHasPermission()('problem:write');
  const canChange = canWrite || action.ownerId === me.id;
  const update = useUpdateAction(problemId);
  const addEvidence = useAddEvidence(problemId);
  const [note, setNote] = useState('');
  const moves = actionMoves[action.status];

  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    addEvidence.mutate({ actionId: action.id, note }, { onSuccess: () => setNote('') });
  };

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      data-testid="action-item"
      data-kind={action.kind}
      data-status={action.status}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="gray.8">
            {t(`problems.actionKind.${action.kind}`)}
          </Badge>
          <Badge color={STATUS_COLORS[action.status]} autoContrast data-testid="action-status">
            {t(`problems.actionStatus.${action.status}`)}
          </Badge>
          {action.isOverdue && (
            <Badge color="red.8" data-testid="action-overdue">
              {t('problems.actions.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm" className="preserve-lines">
          {action.description}
        </Text>
        <Text size="xs" c="dimmed">
          {t('problems.actions.meta', {
            owner: action.ownerName ?? '—',
            due: format.dateTime(action.dueAt),
          })}
          {action.doneAt
            ? ` · ${t('problems.actions.doneAt', { at: format.dateTime(action.doneAt) })}`
            : ''}
        </Text>
        {canChange && moves.length > 0 && (
          <Select
            label={t('problems.actions.changeStatus')}
            placeholder={t('problems.actions.pickStatus')}
            data={moves.map((s) => ({ value: s, label: t(`problems.actionStatus.${s}`) }))}
            value={null}
            onChange={(v) =>
              v && update.mutate({ actionId: action.id, body: { status: v as ActionStatus } })
            }
            w={220}
            size="xs"
            data-testid="action-status-select"
          />
        )}
        <ErrorAlert error={update.error} />
        <Text fw={600} size="xs">
          {t('problems.actions.evidence', { count: action.evidence.length })}
        </Text>
        {action.evidence.length > 0 && (
          <Stack gap={4} component="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
            {action.evidence.map((e) => (
              <li key={e.id} data-testid="action-evidence">
                <Text size="sm" className="preserve-lines">
                  {e.note}
                </Text>
                <Text size="xs" c="dimmed">
                  {[e.byName, format.dateTime(e.at)].filter(Boolean).join(' · ')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {canChange && (
          <form onSubmit={submitNote} noValidate>
            <Group align="flex-end" gap="xs">
              <Textarea
                label={t('problems.actions.addEvidence')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) submitNote(e);
                }}
                autosize
                minRows={1}
                style={{ flex: 1 }}
                size="xs"
                data-testid="action-evidence-input"
              />
              <Button
                type="submit"
                size="xs"
                disabled={!note.trim()}
                loading={addEvidence.isPending}
                data-testid="action-evidence-add"
              >
                {t('problems.actions.addNote')}
              </Button>
            </Group>
            <ErrorAlert error={addEvidence.error} />
          </form>
        )}
      </Stack>
    </Paper>
  );
}
