import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { DateTimeField } from '../../ui/date-fields.tsx';
import { actionKinds, type ActionKind } from './problem-words.ts';
import { ActionItem } from './action-item.tsx';
import { useUserOptions } from './problem-ui.tsx';
import { useAddAction, type ProblemDetail } from './problems.api.ts';

/** A new action: its kind, what to do, who owns it, and a due date or a number of business days. */
function NewActionForm({ problemId, onDone }: { problemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const owners = useUserOptions();
  const add = useAddAction(problemId);
  const [kind, setKind] = useState<ActionKind>('corrective');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(me.id);
  const [dueBy, setDueBy] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState<number | string>(5);
  const [dueAt, setDueAt] = useState<string | null>(null);
  const errors = splitApiError(add.error, [
    'kind',
    'description',
    'ownerId',
    'dueAt',
    'dueInBusinessDays',
  ]);
  const ready = description.trim() && ownerId && (dueBy === 'date' ? dueAt : Number(days) > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !ownerId) return;
    add.mutate(
      {
        kind,
        description,
        ownerId,
        ...(dueBy === 'date' && dueAt ? { dueAt } : { dueInBusinessDays: Number(days) }),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="action-new-form">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('problems.actions.kind')}
          value={kind}
          onChange={(v) => setKind(v as ActionKind)}
          data={actionKinds.map((k) => ({ value: k, label: t(`problems.actionKind.${k}`) }))}
          data-testid="action-new-kind"
          style={{ alignSelf: 'flex-start' }}
        />
        <Textarea
          label={t('problems.actions.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          autoFocus
          error={errors.field.description}
          data-testid="action-new-description"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('problems.actions.owner')}
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            allowDeselect={false}
            error={errors.field.ownerId}
            data-testid="action-new-owner"
          />
          <Stack gap={4}>
            <SegmentedControl
              aria-label={t('problems.actions.dueBy')}
              size="xs"
              value={dueBy}
              onChange={(v) => setDueBy(v === 'date' ? 'date' : 'days')}
              data={[
                { value: 'days', label: t('problems.actions.dueInDays') },
                { value: 'date', label: t('problems.actions.dueOnDate') },
              ]}
              data-testid="action-new-due-by"
            />
            {dueBy === 'days' ? (
              <NumberInput
                label={t('problems.actions.businessDays')}
                value={days}
                onChange={setDays}
                min={1}
                max={1000}
                allowDecimal={false}
                error={errors.field.dueInBusinessDays}
                data-testid="action-new-days"
              />
            ) : (
              <DateTimeField
                label={t('problems.actions.dueAt')}
                value={dueAt}
                onChange={setDueAt}
                timeZone={format.timeZone}
                error={errors.field.dueAt}
                testId="action-new-due-at"
              />
            )}
          </Stack>
        </SimpleGrid>
        <ErrorAlert error={errors.general} />
        <Group>
          <Button
            type="submit"
            disabled={!ready}
            loading={add.isPending}
            data-testid="action-new-submit"
          >
            {t('problems.actions.add')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Corrective and preventive actions, each with an owner, a due and its evidence. */
export function ActionsCard({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const canWrite = useHasPermission()('problem:write');
  const [adding, setAdding] = useState(false);
  const actions = detail.actions;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="actions-title">
            {t('problems.actions.title')}
          </Title>
          {canWrite && !adding && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setAdding(true)}
              data-testid="action-new-open"
            >
              {t('problems.actions.new')}
            </Button>
          )}
        </Group>
        {adding && <NewActionForm problemId={detail.problem.id} onDone={() => setAdding(false)} />}
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('problems.actions.none')}
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            style={{ margin: 0, padding: 0, listStyle: 'none' }}
            data-testid="actions-list"
          >
            {actions.map((a) => (
              <ActionItem key={a.id} problemId={detail.problem.id} action={a} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
