import { Code, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  catalogKeys,
  treeOptions,
  treeRows,
  useReasonName,
  useReasons,
} from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  createReasonRequest,
  type ReasonView,
} from '../../../../src/modules/reasons/reasons.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, TreeIndent, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

type ReasonDraft = z.input<typeof createReasonRequest>;

const byOrder = (a: ReasonView, b: ReasonView) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

function ReasonFields({ form, item }: FieldsProps<ReasonView, ReasonDraft>) {
  const { t } = useTranslation();
  const reasons = useReasons();
  const name = useReasonName();
  const { names } = form.values;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('reasons.code')}
          required
          {...form.text('code')}
          // A code has no spaces; one typed at either end is dropped.
          onChange={(e) => form.set('code', e.currentTarget.value.trim())}
          data-testid="reason-code"
        />
        <Select
          label={t('reasons.parent')}
          placeholder={t('reasons.noParent')}
          clearable
          {...form.select('parentId')}
          data={treeOptions(reasons.data ?? [], byOrder, name, item?.id)}
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
          onChange={(e) => form.set('names', { ...names, [l]: e.currentTarget.value })}
          error={form.errorOf(`names.${l}`) ?? (l === 'vi' ? form.errorOf('names') : undefined)}
          data-testid={`reason-name-${l}`}
        />
      ))}
      <NumberInput
        label={t('reasons.sortOrder')}
        {...form.number('sortOrder')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        data-testid="reason-sort-order"
      />
      <Switch label={t('users.active')} {...form.checkbox('active')} data-testid="reason-active" />
    </>
  );
}

// PATCH takes the same fields as POST (all optional); the form always sends all of them.
const reasonForm = defineResourceForm({
  schema: createReasonRequest,
  initial: (reason: ReasonView | null): ReasonDraft => ({
    code: reason?.code ?? '',
    parentId: reason?.parentId ?? null,
    names: reason?.names ?? { vi: '', en: '', zh: '' },
    active: reason?.active ?? true,
    sortOrder: reason?.sortOrder ?? 0,
  }),
  Fields: ReasonFields,
  save: (request, reason) =>
    reason
      ? api.call('updateReason', { params: { id: reason.id }, body: request })
      : api.call('createReason', { body: request }),
});

export function ReasonsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reasons.title'));
  const reasons = useReasons();
  const name = useReasonName();
  const columns: Column<ReasonView>[] = [
    {
      key: 'code',
      header: t('reasons.code'),
      cell: (r, depth) => (
        <TreeIndent depth={depth}>
          <Code>{r.code}</Code>
        </TreeIndent>
      ),
    },
    ...languageSchema.options.map((l): Column<ReasonView> => ({
      key: l,
      header: <span lang={l}>{LANGUAGE_NAMES[l]}</span>,
      cell: (r, depth) => (
        <Text size="sm" fw={depth === 0 ? 700 : 400} lang={l}>
          {r.names[l] || '—'}
        </Text>
      ),
    })),
    { key: 'active', header: t('users.active'), cell: (r) => <ActiveBadge active={r.active} /> },
  ];
  return (
    <ResourcePage
      testId="reason"
      listTestId="reasons-tree"
      title={t('reasons.title')}
      newLabel={t('reasons.new')}
      editTitle={() => t('reasons.edit')}
      query={reasons}
      queryKey={catalogKeys.reasons}
      columns={columns}
      tree={(items) => treeRows(items, byOrder)}
      tableMinWidth={900}
      itemName={name}
      form={reasonForm}
      remove={(r) => api.call('deleteReason', { params: { id: r.id } })}
      editor={{ kind: 'modal', size: 'lg' }}
    />
  );
}
