import { Group, NumberInput, Select, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  taskTypeInput,
  type TaskTypeView,
} from '../../../../src/modules/commitments/commitments.contract.ts';
import { durationUnitSchema } from '../../../../src/modules/sla/sla.contract.ts';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { NamesFields } from '../sla/names-fields.tsx';
import { useCalendars } from '../sla/sla.api.ts';
import { commitmentKeys, useTaskTypes, type TaskTypeInput } from './commitments.api.ts';

function TaskTypeFields({ form }: FieldsProps<TaskTypeView, TaskTypeInput>) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const calendars = useCalendars();
  return (
    <>
      <NamesFields
        value={form.values.names}
        onChange={(names) => form.set('names', names)}
        errorOf={form.errorOf}
        testId="task-type-name"
      />
      <Select
        label={t('taskTypes.department')}
        placeholder={t('taskTypes.noDepartment')}
        clearable
        searchable
        {...form.select('departmentId')}
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        data-testid="task-type-department"
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('taskTypes.amount')}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          {...form.number('durationAmount')}
          data-testid="task-type-amount"
        />
        <Select
          label={t('taskTypes.unit')}
          required
          allowDeselect={false}
          {...form.select('durationUnit')}
          data={durationUnitSchema.options.map((u) => ({
            value: u,
            label: t(`durationUnit.${u}`),
          }))}
          data-testid="task-type-unit"
        />
      </Group>
      <Select
        label={t('taskTypes.calendar')}
        placeholder={t('taskTypes.defaultCalendar')}
        clearable
        {...form.select('calendarId')}
        data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        data-testid="task-type-calendar"
      />
      <Switch
        label={t('common.active')}
        {...form.checkbox('active')}
        data-testid="task-type-active"
      />
    </>
  );
}

const taskTypeForm = defineResourceForm({
  schema: taskTypeInput,
  initial: (taskType: TaskTypeView | null): TaskTypeInput => ({
    names: taskType?.names ?? {},
    departmentId: taskType?.departmentId ?? null,
    durationAmount: taskType?.durationAmount ?? 1,
    durationUnit: taskType?.durationUnit ?? 'business_days',
    calendarId: taskType?.calendarId ?? null,
    active: taskType?.active ?? true,
  }),
  Fields: TaskTypeFields,
  save: (request, taskType) =>
    taskType
      ? api.call('updateTaskType', { params: { id: taskType.id }, body: request })
      : api.call('createTaskType', { body: request }),
});

/** Admin: the catalogue of task types, each with its owning department and standard duration. */
export function TaskTypesPage() {
  const { t } = useTranslation();
  usePageTitle(t('taskTypes.title'));
  const taskTypes = useTaskTypes();
  const columns: Column<TaskTypeView>[] = [
    {
      key: 'name',
      header: t('taskTypes.name'),
      cell: (tt) => (
        <Text span size="sm" fw={600}>
          {tt.name}
        </Text>
      ),
    },
    {
      key: 'department',
      header: t('taskTypes.department'),
      cell: (tt) => tt.departmentName ?? '—',
    },
    { key: 'duration', header: t('taskTypes.duration'), cell: (tt) => tt.durationText },
    {
      key: 'state',
      header: t('taskTypes.state'),
      cell: (tt) => <ActiveBadge active={tt.active} />,
    },
  ];
  return (
    <ResourcePage
      testId="task-type"
      listTestId="task-types-table"
      title={t('taskTypes.title')}
      help={t('taskTypes.help')}
      newLabel={t('taskTypes.new')}
      editTitle={() => t('taskTypes.edit')}
      query={taskTypes}
      queryKey={commitmentKeys.taskTypes}
      columns={columns}
      itemName={(tt) => tt.name}
      form={taskTypeForm}
    />
  );
}
