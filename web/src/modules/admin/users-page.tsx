import {
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogKeys, treeRows, useDepartments, useUsers } from '../../api/catalog.ts';
import { api, type RequestOf } from '../../api/client.ts';
import { roleSchema, type UserView } from '../../../../src/modules/org/org.contract.ts';
import { languageSchema, type LanguageCode } from '../../../../src/platform/contract/fields.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useAdminMutations } from './admin.api.ts';

const FIELDS = [
  'name',
  'email',
  'role',
  'departmentId',
  'managerId',
  'locale',
  'password',
] as const;

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const users = useUsers();
  const departments = useDepartments();
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const deptName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('users.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="user-new">
          {t('users.new')}
        </Button>
      </Group>
      <ErrorAlert error={users.error} />
      {users.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={800} type="native">
          <Table striped data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.department')}</Table.Th>
                <Table.Th>{t('users.manager')}</Table.Th>
                <Table.Th>{t('users.active')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data ?? []).map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                  <Table.Td>{(u.departmentId && deptName.get(u.departmentId)) || '—'}</Table.Td>
                  <Table.Td>{(u.managerId && userName.get(u.managerId)) || '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'teal.9' : 'gray.7'}>
                      {u.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() => setEditing(u)}
                      aria-label={t('common.editNamed', { name: u.name })}
                      data-testid="user-edit"
                    >
                      {t('common.edit')}
                    </Button>
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
        title={editing === 'new' ? t('users.new') : t('users.edit')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {editing !== null && (
          <UserForm
            user={editing === 'new' ? null : editing}
            users={users.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function UserForm({
  user,
  users,
  onDone,
}: {
  user: UserView | null;
  users: UserView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const { create, update } = useAdminMutations(catalogKeys.users, {
    create: (body: RequestOf<'createUser'>['body']) => api.call('createUser', { body }),
    update: (id: string, body: RequestOf<'updateUser'>['body']) =>
      api.call('updateUser', { params: { id }, body }),
  });
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<UserView['role']>(user?.role ?? 'agent');
  const [departmentId, setDepartmentId] = useState<string | null>(user?.departmentId ?? null);
  const [managerId, setManagerId] = useState<string | null>(user?.managerId ?? null);
  const [locale, setLocale] = useState<LanguageCode>(user?.locale ?? 'vi');
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const mutation = user ? update : create;
  const errors = splitApiError(mutation.error, FIELDS);

  const departmentOptions = treeRows(departments.data ?? [], (a, b) =>
    a.name.localeCompare(b.name),
  ).map(({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${item.name}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    };
    if (user) {
      // The e-mail is the sign-in name and cannot be changed here.
      const patch: RequestOf<'updateUser'>['body'] = {
        name,
        role,
        departmentId,
        managerId,
        locale,
        active,
      };
      if (password) patch.password = password;
      update.mutate({ id: user.id, patch }, { onSuccess });
    } else {
      create.mutate(
        { name, email: email.trim(), role, departmentId, managerId, locale, password },
        { onSuccess },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="user-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('users.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field.name}
          data-testid="user-name"
        />
        <TextInput
          label={t('users.email')}
          type="email"
          required
          readOnly={user !== null}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.field.email}
          data-testid="user-email"
        />
        <PasswordInput
          label={t('users.password')}
          description={user ? t('users.passwordKeep') : undefined}
          required={!user}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.field.password}
          data-testid="user-password"
        />
        <Select
          label={t('users.role')}
          value={role}
          onChange={(value) => value && setRole(value as UserView['role'])}
          data={roleSchema.options.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          allowDeselect={false}
          error={errors.field.role}
          data-testid="user-role"
        />
        <Select
          label={t('users.department')}
          clearable
          value={departmentId}
          onChange={setDepartmentId}
          data={departmentOptions}
          error={errors.field.departmentId}
          data-testid="user-department"
        />
        <Select
          label={t('users.manager')}
          clearable
          searchable
          value={managerId}
          onChange={setManagerId}
          data={users.filter((u) => u.id !== user?.id).map((u) => ({ value: u.id, label: u.name }))}
          error={errors.field.managerId}
          data-testid="user-manager"
        />
        <Select
          label={t('users.locale')}
          value={locale}
          onChange={(value) => value && setLocale(value as LanguageCode)}
          data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          allowDeselect={false}
          error={errors.field.locale}
          data-testid="user-locale"
        />
        {user && (
          <Switch
            label={t('users.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            data-testid="user-active"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="user-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
