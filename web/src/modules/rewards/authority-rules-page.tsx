import { Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { roleSchema } from '../../../../src/modules/kernel/kernel.contract.ts';
import {
  authorityRuleInput,
  budgetPeriodSchema,
  grantTypeSchema,
} from '../../../../src/modules/rewards/rewards.contract.ts';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ASK_CURRENCIES } from '../complaints/currencies.ts';
import { useMoney } from './money.ts';
import {
  rewardKeys,
  useAuthorityRules,
  type AuthorityRule,
  type RuleInput,
} from './rewards.api.ts';

function RuleFields({ form }: FieldsProps<AuthorityRule, RuleInput>) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label={t('rewards.admin.role')}
          required
          allowDeselect={false}
          {...form.select('role')}
          data={roleSchema.options.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          data-testid="rule-role"
        />
        <Select
          label={t('rewards.admin.type')}
          clearable
          placeholder={t('rewards.admin.anyType')}
          {...form.select('type')}
          data={grantTypeSchema.options.map((g) => ({ value: g, label: t(`rewards.type.${g}`) }))}
          data-testid="rule-type"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('rewards.admin.tier')}
          placeholder={t('rewards.admin.anyTier')}
          {...form.text('tier', { empty: null })}
        />
        <NumberInput
          label={t('rewards.admin.minTenure')}
          min={0}
          allowDecimal={false}
          {...form.number('minTenureMonths')}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput
          label={t('rewards.admin.perCase')}
          min={0}
          allowDecimal={false}
          {...form.number('perCaseMinor')}
          data-testid="rule-per-case"
        />
        <NumberInput
          label={t('rewards.admin.perPeriod')}
          min={0}
          allowDecimal={false}
          {...form.number('perPeriodMinor')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('rewards.admin.periodKind')}
          allowDeselect={false}
          {...form.select('period')}
          data={budgetPeriodSchema.options.map((p) => ({
            value: p,
            label: t(`rewards.period.${p}`),
          }))}
        />
        <NumberInput
          label={t('rewards.admin.askShare')}
          min={0}
          max={100}
          allowDecimal={false}
          {...form.number('askSharePercent')}
        />
        <Select
          label={t('rewards.admin.currency')}
          allowDeselect={false}
          {...form.select('currency')}
          data={[...ASK_CURRENCIES]}
        />
      </Group>
      <Switch label={t('rewards.admin.active')} {...form.checkbox('active')} />
    </>
  );
}

const ruleForm = defineResourceForm({
  schema: authorityRuleInput,
  initial: (r: AuthorityRule | null): RuleInput => ({
    role: r?.role ?? 'agent',
    type: r?.type ?? null,
    tier: r?.tier ?? null,
    minTenureMonths: r?.minTenureMonths ?? null,
    minValueMinor: r?.minValueMinor ?? null,
    currency: r?.currency ?? 'VND',
    perCaseMinor: r?.perCaseMinor ?? null,
    perPeriodMinor: r?.perPeriodMinor ?? null,
    period: r?.period ?? 'month',
    askSharePercent: r?.askSharePercent ?? null,
    active: r?.active ?? true,
  }),
  Fields: RuleFields,
  save: (request, r) =>
    r
      ? api.call('updateAuthorityRule', { params: { id: r.id }, body: request })
      : api.call('createAuthorityRule', { body: request }),
});

/** Admin: how much each role may grant without approval, by type and customer segment. */
export function AuthorityRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.admin.rulesTitle'));
  const money = useMoney();
  const rules = useAuthorityRules();
  const amount = (v: number | null, currency: string) =>
    v === null ? t('rewards.admin.none') : money(v, currency);
  const columns: Column<AuthorityRule>[] = [
    { key: 'role', header: t('rewards.admin.role'), cell: (r) => t(`role.${r.role}`) },
    {
      key: 'type',
      header: t('rewards.admin.type'),
      cell: (r) => (r.type ? t(`rewards.type.${r.type}`) : t('rewards.admin.anyType')),
    },
    {
      key: 'tier',
      header: t('rewards.admin.tier'),
      cell: (r) => r.tier ?? t('rewards.admin.anyTier'),
    },
    {
      key: 'perCase',
      header: t('rewards.admin.perCase'),
      cell: (r) => amount(r.perCaseMinor, r.currency),
    },
    {
      key: 'perPeriod',
      header: t('rewards.admin.perPeriod'),
      cell: (r) => amount(r.perPeriodMinor, r.currency),
    },
    {
      key: 'share',
      header: t('rewards.admin.askShare'),
      cell: (r) => (r.askSharePercent === null ? t('rewards.admin.none') : `${r.askSharePercent}%`),
    },
    {
      key: 'state',
      header: t('rewards.admin.active'),
      cell: (r) => <ActiveBadge active={r.active} />,
    },
  ];
  return (
    <ResourcePage
      testId="rule"
      listTestId="rules-table"
      title={t('rewards.admin.rulesTitle')}
      help={t('rewards.admin.rulesHelp')}
      newLabel={t('rewards.admin.newRule')}
      editTitle={() => t('rewards.admin.editRule')}
      query={rules}
      queryKey={rewardKeys.rules}
      columns={columns}
      itemName={(r) => `${t(`role.${r.role}`)} ${r.type ?? ''}`}
      form={ruleForm}
      remove={(r) => api.call('deleteAuthorityRule', { params: { id: r.id } })}
    />
  );
}
