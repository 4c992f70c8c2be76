import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  budgetInput,
  budgetPeriodSchema,
} from '../../../../src/modules/rewards/rewards.contract.ts';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import type { Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ASK_CURRENCIES } from '../complaints/currencies.ts';
import { useMoney } from './money.ts';
import { rewardKeys, useBudgets, type Budget, type BudgetInput } from './rewards.api.ts';

function BudgetFields({ form }: FieldsProps<Budget, BudgetInput>) {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <>
      <Select
        label={t('rewards.admin.team')}
        required
        searchable
        {...form.select('departmentId')}
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        data-testid="budget-team"
      />
      <Group grow align="flex-start">
        <Select
          label={t('rewards.admin.purpose')}
          allowDeselect={false}
          {...form.select('purpose')}
          data={(['gift', 'compensation'] as const).map((k) => ({
            value: k,
            label: t(`rewards.kind.${k}`),
          }))}
        />
        <Select
          label={t('rewards.admin.periodKind')}
          allowDeselect={false}
          {...form.select('period')}
          data={budgetPeriodSchema.options.map((p) => ({
            value: p,
            label: t(`rewards.period.${p}`),
          }))}
        />
      </Group>
      <TextInput
        label={t('rewards.admin.periodStart')}
        type="date"
        required
        {...form.text('periodStart')}
        data-testid="budget-period-start"
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('rewards.admin.amount')}
          required
          min={0}
          allowDecimal={false}
          {...form.number('amountMinor')}
          data-testid="budget-amount"
        />
        <Select
          label={t('rewards.admin.currency')}
          allowDeselect={false}
          {...form.select('currency')}
          data={[...ASK_CURRENCIES]}
        />
      </Group>
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

const budgetForm = defineResourceForm({
  schema: budgetInput,
  initial: (b: Budget | null): BudgetInput => ({
    departmentId: b?.departmentId ?? '',
    purpose: b?.purpose ?? 'gift',
    period: b?.period ?? 'month',
    periodStart: b?.periodStart ?? today(),
    currency: b?.currency ?? 'VND',
    amountMinor: b?.amountMinor ?? 5_000_000,
  }),
  Fields: BudgetFields,
  save: (request, b) =>
    b
      ? api.call('updateBudget', { params: { id: b.id }, body: request })
      : api.call('createBudget', { body: request }),
});

/** Admin: what each team may spend on gifts or compensation per month or quarter. */
export function BudgetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.admin.budgetsTitle'));
  const money = useMoney();
  const budgets = useBudgets();
  const columns: Column<Budget>[] = [
    { key: 'team', header: t('rewards.admin.team'), cell: (b) => b.departmentName },
    {
      key: 'purpose',
      header: t('rewards.admin.purpose'),
      cell: (b) => t(`rewards.kind.${b.purpose}`),
    },
    {
      key: 'period',
      header: t('rewards.admin.periodKind'),
      cell: (b) => `${t(`rewards.period.${b.period}`)} ${b.periodStart}`,
    },
    {
      key: 'amount',
      header: t('rewards.admin.amount'),
      cell: (b) => money(b.amountMinor, b.currency),
    },
    {
      key: 'spent',
      header: t('rewards.admin.spent'),
      cell: (b) => money(b.spentMinor, b.currency),
    },
    {
      key: 'remaining',
      header: t('rewards.admin.remaining'),
      cell: (b) => money(b.remainingMinor, b.currency),
    },
  ];
  return (
    <ResourcePage
      testId="budget"
      listTestId="budgets-table"
      title={t('rewards.admin.budgetsTitle')}
      help={t('rewards.admin.budgetsHelp')}
      newLabel={t('rewards.admin.newBudget')}
      editTitle={() => t('rewards.admin.editBudget')}
      query={budgets}
      queryKey={rewardKeys.budgets}
      columns={columns}
      itemName={(b) => `${b.departmentName} ${b.periodStart}`}
      form={budgetForm}
    />
  );
}
