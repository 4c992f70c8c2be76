import {
  Box,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  catalogKeys,
  descendantIds,
  treeRows,
  useDepartments,
  useUsers,
} from '../../api/catalog.ts';
import { api, type RequestOf } from '../../api/client.ts';
import type { DepartmentView } from '../../../../src/modules/org/org.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal.tsx';
import { useAdminMutations } from './admin.api.ts';

export function DepartmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('departments.title'));
  const departments = useDepartments();
  const users = useUsers();
  const { remove } = useAdminMutations(catalogKeys.departments, {
    create: (body: RequestOf<'createDepartment'>['body']) => api.call('createDepartment', { body }),
    update: (id: string, body: RequestOf<'updateDepartment'>['body']) =>
      api.call('updateDepartment', { params: { id }, body }),
    remove: (id: string) => api.call('deleteDepartment', { params: { id } }),
  });
  const [editing, setEditing] = useState<DepartmentView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DepartmentView | null>(null);
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const rows = treeRows(departments.data ?? [], (a, b) => a.name.localeCompare(b.name));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('departments.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="department-new">
          {t('departments.new')}
        </Button>
      </Group>
      <ErrorAlert error={departments.error ?? remove.error} />
      {departments.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={600} type="native">
          <Table data-testid="departments-tree">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('departments.name')}</Table.Th>
                <Table.Th>{t('departments.head')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>{t('common.empty')}</Table.Td>
                </Table.Tr>
              )}
              {rows.map(({ item, depth }) => (
                <Table.Tr key={item.id} data-testid="department-row" data-depth={depth}>
                  <Table.Td>
                    <Box pl={depth * 24}>
                      <Text size="sm" fw={depth === 0 ? 700 : 400}>
                        {depth > 0 && <span aria-hidden>└ </span>}
                        {item.name}
                      </Text>
                    </Box>
                  </Table.Td>
                  <Table.Td>{(item.headUserId && userName.get(item.headUserId)) || '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setEditing(item)}
                        aria-label={t('common.editNamed', { name: item.name })}
                        data-testid="department-edit"
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        variant="outline"
                        color="red.9"
                        size="compact-sm"
                        onClick={() => setDeleting(item)}
                        aria-label={t('common.deleteNamed', { name: item.name })}
                        data-testid="department-delete"
                      >
                        {t('common.delete')}
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
        title={editing === 'new' ? t('departments.new') : t('departments.edit')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <DepartmentForm
            department={editing === 'new' ? null : editing}
            all={departments.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmDeleteModal
        name={deleting?.name ?? ''}
        opened={deleting !== null}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      />
    </Stack>
  );
}

function DepartmentForm({
  department,
  all,
  onDone,
}: {
  department: DepartmentView | null;
  all: DepartmentView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const { create, update } = useAdminMutations(catalogKeys.departments, {
    create: (body: RequestOf<'createDepartment'>['body']) => api.call('createDepartment', { body }),
    update: (id: string, body: RequestOf<'updateDepartment'>['body']) =>
      api.call('updateDepartment', { params: { id }, body }),
    remove: (id: string) => api.call('deleteDepartment', { params: { id } }),
  });
  const [name, setName] = useState(department?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(department?.parentId ?? null);
  const [headUserId, setHeadUserId] = useState<string | null>(department?.headUserId ?? null);
  const mutation = department ? update : create;
  const errors = splitApiError(mutation.error, ['name', 'parentId', 'headUserId']);
  const excluded = department ? descendantIds(all, department.id) : new Set<string>();
  const parentOptions = treeRows(
    all.filter((d) => !excluded.has(d.id)),
    (a, b) => a.name.localeCompare(b.name),
  ).map(({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${item.name}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: RequestOf<'createDepartment'>['body'] = { name, parentId, headUserId };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    };
    if (department) update.mutate({ id: department.id, patch: input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="department-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('departments.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field.name}
          data-testid="department-name"
        />
        <Select
          label={t('departments.parent')}
          placeholder={t('departments.noParent')}
          clearable
          value={parentId}
          onChange={setParentId}
          data={parentOptions}
          error={errors.field.parentId}
          data-testid="department-parent"
        />
        <Select
          label={t('departments.head')}
          clearable
          searchable
          value={headUserId}
          onChange={setHeadUserId}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          error={errors.field.headUserId}
          data-testid="department-head"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="department-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
