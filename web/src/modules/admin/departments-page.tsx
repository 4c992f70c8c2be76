import { Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  byName,
  catalogKeys,
  treeOptions,
  treeRows,
  useDepartments,
  useUsers,
} from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  createDepartmentRequest,
  type DepartmentView,
} from '../../../../src/modules/org/org.contract.ts';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { TreeIndent, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

type DepartmentDraft = z.input<typeof createDepartmentRequest>;

function DepartmentFields({ form, item }: FieldsProps<DepartmentView, DepartmentDraft>) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const users = useUsers();
  return (
    <>
      <TextInput
        label={t('departments.name')}
        required
        {...form.text('name')}
        data-testid="department-name"
      />
      <Select
        label={t('departments.parent')}
        placeholder={t('departments.noParent')}
        clearable
        {...form.select('parentId')}
        // A department cannot move below itself or one of its own children.
        data={treeOptions(departments.data ?? [], byName, (d) => d.name, item?.id)}
        data-testid="department-parent"
      />
      <Select
        label={t('departments.head')}
        clearable
        searchable
        {...form.select('headUserId')}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        data-testid="department-head"
      />
    </>
  );
}

// PATCH takes the same fields as POST (all optional); the form always sends all of them.
const departmentForm = defineResourceForm({
  schema: createDepartmentRequest,
  initial: (department: DepartmentView | null): DepartmentDraft => ({
    name: department?.name ?? '',
    parentId: department?.parentId ?? null,
    headUserId: department?.headUserId ?? null,
  }),
  Fields: DepartmentFields,
  save: (request, department) =>
    department
      ? api.call('updateDepartment', { params: { id: department.id }, body: request })
      : api.call('createDepartment', { body: request }),
});

export function DepartmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('departments.title'));
  const departments = useDepartments();
  const users = useUsers();
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const columns: Column<DepartmentView>[] = [
    {
      key: 'name',
      header: t('departments.name'),
      cell: (d, depth) => (
        <TreeIndent depth={depth}>
          <Text span size="sm" fw={depth === 0 ? 700 : 400}>
            {d.name}
          </Text>
        </TreeIndent>
      ),
    },
    {
      key: 'head',
      header: t('departments.head'),
      cell: (d) => (d.headUserId && userName.get(d.headUserId)) || '—',
    },
  ];
  return (
    <ResourcePage
      testId="department"
      listTestId="departments-tree"
      title={t('departments.title')}
      newLabel={t('departments.new')}
      editTitle={() => t('departments.edit')}
      query={departments}
      queryKey={catalogKeys.departments}
      columns={columns}
      tree={(items) => treeRows(items, byName)}
      tableMinWidth={600}
      itemName={(d) => d.name}
      form={departmentForm}
      remove={(d) => api.call('deleteDepartment', { params: { id: d.id } })}
    />
  );
}
