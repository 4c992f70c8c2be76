import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/catalog.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { durationUnitSchema } from '../../../../src/modules/sla/sla.contract.ts';
import { useCalendars, type DurationUnit } from '../sla/sla.api.ts';
import { useSaveTaskType, useTaskTypes, type TaskType } from './commitments.api.ts';

/** Admin: the catalogue of task types, each with its owning department and standard duration. */
export function TaskTypesPage() {
  const { t } = useTranslation();
  usePageTitle(t('taskTypes.title'));
  const taskTypes = useTaskTypes();
  const [editing, setEditing] = useState<TaskType | 'new' | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('taskTypes.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="task-type-new">
          {t('taskTypes.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('taskTypes.help')}
      </Text>
      <ErrorAlert error={taskTypes.error} />
      {taskTypes.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table data-testid="task-types-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('taskTypes.name')}</Table.Th>
                <Table.Th>{t('taskTypes.department')}</Table.Th>
                <Table.Th>{t('taskTypes.duration')}</Table.Th>
                <Table.Th>{t('taskTypes.state')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(taskTypes.data ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>{t('common.empty')}</Table.Td>
                </Table.Tr>
              )}
              {(taskTypes.data ?? []).map((item) => (
                <Table.Tr key={item.id} data-testid="task-type-row" data-task-type-id={item.id}>
                  <Table.Td fw={600}>{item.name}</Table.Td>
                  <Table.Td>{item.departmentName ?? '—'}</Table.Td>
                  <Table.Td>{item.durationText}</Table.Td>
                  <Table.Td>
                    <Badge color={item.active ? 'teal.9' : 'gray.7'} variant="filled" autoContrast>
                      {item.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setEditing(item)}
                        aria-label={t('common.editNamed', { name: item.name })}
                        data-testid="task-type-edit"
                      >
                        {t('common.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('taskTypes.new') : t('taskTypes.edit')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <TaskTypeForm
            taskType={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function TaskTypeForm({ taskType, onDone }: { taskType: TaskType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const calendars = useCalendars();
  const save = useSaveTaskType();
  const [name, setName] = useState(taskType?.name ?? '');
  const [departmentId, setDepartmentId] = useState<string | null>(taskType?.departmentId ?? null);
  const [amount, setAmount] = useState<number | string>(taskType?.durationAmount ?? 1);
  const [unit, setUnit] = useState<DurationUnit>(taskType?.durationUnit ?? 'business_days');
  const [calendarId, setCalendarId] = useState<string | null>(taskType?.calendarId ?? null);
  const [active, setActive] = useState(taskType?.active ?? true);
  const errors = splitApiError(save.error, [
    'name',
    'departmentId',
    'durationAmount',
    'durationUnit',
    'calendarId',
  ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: taskType?.id ?? null,
        input: {
          name,
          departmentId,
          durationAmount: Number(amount),
          durationUnit: unit,
          calendarId,
          active,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="task-type-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('taskTypes.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field.name}
          data-testid="task-type-name"
        />
        <Select
          label={t('taskTypes.department')}
          placeholder={t('taskTypes.noDepartment')}
          clearable
          searchable
          value={departmentId}
          onChange={setDepartmentId}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          error={errors.field.departmentId}
          data-testid="task-type-department"
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('taskTypes.amount')}
            required
            min={1}
            max={10000}
            allowDecimal={false}
            value={amount}
            onChange={setAmount}
            error={errors.field.durationAmount}
            data-testid="task-type-amount"
          />
          <Select
            label={t('taskTypes.unit')}
            required
            allowDeselect={false}
            value={unit}
            onChange={(value) => value && setUnit(value as DurationUnit)}
            data={durationUnitSchema.options.map((u) => ({
              value: u,
              label: t(`durationUnit.${u}`),
            }))}
            error={errors.field.durationUnit}
            data-testid="task-type-unit"
          />
        </Group>
        <Select
          label={t('taskTypes.calendar')}
          placeholder={t('taskTypes.defaultCalendar')}
          clearable
          value={calendarId}
          onChange={setCalendarId}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          error={errors.field.calendarId}
          data-testid="task-type-calendar"
        />
        <Switch
          label={t('common.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          data-testid="task-type-active"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="task-type-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
