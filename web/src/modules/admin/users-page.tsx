import { PasswordInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { byName, catalogKeys, treeOptions, useDepartments, useUsers } from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  createUserRequest,
  roleSchema,
  updateUserRequest,
  type UserView,
} from '../../../../src/modules/org/org.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

/** New users need an e-mail and a password; existing ones keep both unless a password is typed. */
type UserDraft = Omit<z.input<typeof createUserRequest>, 'password'> &
  z.input<typeof updateUserRequest>;

function UserFields({ form, item }: FieldsProps<UserView, UserDraft>) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const users = useUsers();
  return (
    <>
      <TextInput label={t('users.name')} required {...form.text('name')} data-testid="user-name" />
      <TextInput
        label={t('users.email')}
        type="email"
        required
        // The e-mail is the sign-in name and cannot be changed here.
        readOnly={item !== null}
        {...form.text('email')}
        onChange={(e) => form.set('email', e.currentTarget.value.trim())}
        data-testid="user-email"
      />
      <PasswordInput
        label={t('users.password')}
        description={item ? t('users.passwordKeep') : undefined}
        required={!item}
        autoComplete="new-password"
        {...form.text('password')}
        data-testid="user-password"
      />
      <Select
        label={t('users.role')}
        {...form.select('role')}
        data={roleSchema.options.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        allowDeselect={false}
        data-testid="user-role"
      />
      <Select
        label={t('users.department')}
        clearable
        {...form.select('departmentId')}
        data={treeOptions(departments.data ?? [], byName, (d) => d.name)}
        data-testid="user-department"
      />
      <Select
        label={t('users.manager')}
        clearable
        searchable
        {...form.select('managerId')}
        data={(users.data ?? [])
          .filter((u) => u.id !== item?.id)
          .map((u) => ({ value: u.id, label: u.name }))}
        data-testid="user-manager"
      />
      <Select
        label={t('users.locale')}
        {...form.select('locale')}
        data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        allowDeselect={false}
        data-testid="user-locale"
      />
      {item && (
        <Switch label={t('users.active')} {...form.checkbox('active')} data-testid="user-active" />
      )}
    </>
  );
}

const newUser = defineResourceForm({
  schema: createUserRequest,
  initial: (): UserDraft => ({
    name: '',
    email: '',
    role: 'agent',
    departmentId: null,
    managerId: null,
    locale: 'vi',
    password: '',
  }),
  Fields: UserFields,
  save: (request) => api.call('createUser', { body: request }),
});

const editUser = defineResourceForm({
  schema: updateUserRequest,
  initial: (user: UserView | null): UserDraft => ({
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'agent',
    departmentId: user?.departmentId ?? null,
    managerId: user?.managerId ?? null,
    locale: user?.locale ?? 'vi',
    active: user?.active ?? true,
  }),
  Fields: UserFields,
  save: (request, user) => api.call('updateUser', { params: { id: user!.id }, body: request }),
});

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const users = useUsers();
  const departments = useDepartments();
  const deptName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const columns: Column<UserView>[] = [
    { key: 'name', header: t('users.name'), cell: (u) => u.name },
    { key: 'email', header: t('users.email'), cell: (u) => u.email },
    { key: 'role', header: t('users.role'), cell: (u) => t(`role.${u.role}`) },
    {
      key: 'department',
      header: t('users.department'),
      cell: (u) => (u.departmentId && deptName.get(u.departmentId)) || '—',
    },
    {
      key: 'manager',
      header: t('users.manager'),
      cell: (u) => (u.managerId && userName.get(u.managerId)) || '—',
    },
    { key: 'active', header: t('users.active'), cell: (u) => <ActiveBadge active={u.active} /> },
  ];
  return (
    <ResourcePage
      testId="user"
      listTestId="users-table"
      title={t('users.title')}
      newLabel={t('users.new')}
      editTitle={() => t('users.edit')}
      query={users}
      queryKey={catalogKeys.users}
      columns={columns}
      tableMinWidth={800}
      striped
      itemName={(u) => u.name}
      form={newUser}
      editForm={editUser}
      editor={{ kind: 'modal', size: 'lg' }}
    />
  );
}
