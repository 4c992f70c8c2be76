import {
  Badge,
  Box,
  Button,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
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
import {
  catalogKeys,
  descendantIds,
  treeRows,
  useReasonName,
  useReasons,
} from '../../api/catalog.ts';
import { api, type RequestOf } from '../../api/client.ts';
import type { ReasonView } from '../../../../src/modules/reasons/reasons.contract.ts';
import { languageSchema, type LanguageCode } from '../../../../src/platform/contract/fields.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useAdminMutations } from './admin.api.ts';

const FIELDS = [
  'code',
  'parentId',
  'names.vi',
  'names.en',
  'names.zh',
  'names',
  'active',
  'sortOrder',
] as const;

const byOrder = (a: ReasonView, b: ReasonView) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

export function ReasonsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reasons.title'));
  const reasons = useReasons();
  const name = useReasonName();
  const { remove } = useAdminMutations(catalogKeys.reasons, {
    create: (body: RequestOf<'createReason'>['body']) => api.call('createReason', { body }),
    update: (id: string, body: RequestOf<'updateReason'>['body']) =>
      api.call('updateReason', { params: { id }, body }),
    remove: (id: string) => api.call('deleteReason', { params: { id } }),
  });
  const [editing, setEditing] = useState<ReasonView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReasonView | null>(null);
  const rows = treeRows(reasons.data ?? [], byOrder);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('reasons.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="reason-new">
          {t('reasons.new')}
        </Button>
      </Group>
      <ErrorAlert error={reasons.error ?? remove.error} />
      {reasons.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table data-testid="reasons-tree">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reasons.code')}</Table.Th>
                {languageSchema.options.map((l) => (
                  <Table.Th key={l}>
                    <span lang={l}>{LANGUAGE_NAMES[l]}</span>
                  </Table.Th>
                ))}
                <Table.Th>{t('users.active')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('common.empty')}</Table.Td>
                </Table.Tr>
              )}
              {rows.map(({ item, depth }) => (
                <Table.Tr key={item.id} data-testid="reason-row" data-depth={depth}>
                  <Table.Td>
                    <Box pl={depth * 24}>
                      {depth > 0 && <span aria-hidden>└ </span>}
                      <Code>{item.code}</Code>
                    </Box>
                  </Table.Td>
                  {languageSchema.options.map((l) => (
                    <Table.Td key={l} lang={l}>
                      <Text size="sm" fw={depth === 0 ? 700 : 400}>
                        {item.names[l] || '—'}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Badge color={item.active ? 'teal.9' : 'gray.7'}>
                      {item.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setEditing(item)}
                        aria-label={t('common.editNamed', { name: name(item) })}
                        data-testid="reason-edit"
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        variant="outline"
                        color="red.9"
                        size="compact-sm"
                        onClick={() => setDeleting(item)}
                        aria-label={t('common.deleteNamed', { name: name(item) })}
                        data-testid="reason-delete"
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
        title={editing === 'new' ? t('reasons.new') : t('reasons.edit')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {editing !== null && (
          <ReasonForm
            reason={editing === 'new' ? null : editing}
            all={reasons.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmDeleteModal
        name={deleting ? name(deleting) : ''}
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

function ReasonForm({
  reason,
  all,
  onDone,
}: {
  reason: ReasonView | null;
  all: ReasonView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const name = useReasonName();
  const { create, update } = useAdminMutations(catalogKeys.reasons, {
    create: (body: RequestOf<'createReason'>['body']) => api.call('createReason', { body }),
    update: (id: string, body: RequestOf<'updateReason'>['body']) =>
      api.call('updateReason', { params: { id }, body }),
    remove: (id: string) => api.call('deleteReason', { params: { id } }),
  });
  const [code, setCode] = useState(reason?.code ?? '');
  const [parentId, setParentId] = useState<string | null>(reason?.parentId ?? null);
  const [names, setNames] = useState<Record<LanguageCode, string>>(
    reason?.names ?? { vi: '', en: '', zh: '' },
  );
  const [active, setActive] = useState(reason?.active ?? true);
  const [sortOrder, setSortOrder] = useState<number | string>(reason?.sortOrder ?? 0);
  const mutation = reason ? update : create;
  const errors = splitApiError(mutation.error, FIELDS);
  const excluded = reason ? descendantIds(all, reason.id) : new Set<string>();
  const parentOptions = treeRows(
    all.filter((r) => !excluded.has(r.id)),
    byOrder,
  ).map(({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${name(item)}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: RequestOf<'createReason'>['body'] = {
      code: code.trim(),
      parentId,
      names,
      active,
      sortOrder: typeof sortOrder === 'number' ? sortOrder : 0,
    };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    };
    if (reason) update.mutate({ id: reason.id, patch: input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="reason-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('reasons.code')}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.field.code}
            data-testid="reason-code"
          />
          <Select
            label={t('reasons.parent')}
            placeholder={t('reasons.noParent')}
            clearable
            value={parentId}
            onChange={setParentId}
            data={parentOptions}
            error={errors.field.parentId}
            data-testid="reason-parent"
          />
        </SimpleGrid>
        {languageSchema.options.map((l) => (
          <TextInput
            key={l}
            lang={l}
            label={t('reasons.nameIn', { language: LANGUAGE_NAMES[l] })}
            required
            value={names[l]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setNames((current) => ({ ...current, [l]: value }));
            }}
            error={errors.field[`names.${l}`] ?? (l === 'vi' ? errors.field.names : undefined)}
            data-testid={`reason-name-${l}`}
          />
        ))}
        <NumberInput
          label={t('reasons.sortOrder')}
          value={sortOrder}
          onChange={setSortOrder}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          error={errors.field.sortOrder}
          data-testid="reason-sort-order"
        />
        <Switch
          label={t('users.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          data-testid="reason-active"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="reason-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
