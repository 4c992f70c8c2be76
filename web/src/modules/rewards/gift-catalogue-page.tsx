import { Group, NumberInput, Select, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { giftInput, giftKindSchema } from '../../../../src/modules/rewards/rewards.contract.ts';
import { defineResourceForm, type FieldsProps } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ASK_CURRENCIES } from '../complaints/currencies.ts';
import { useMoney } from './money.ts';
import { rewardKeys, useGifts, type Gift, type GiftInput } from './rewards.api.ts';

function GiftFields({ form }: FieldsProps<Gift, GiftInput>) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('rewards.admin.name')}
        required
        {...form.text('name')}
        data-testid="gift-name"
      />
      <Select
        label={t('rewards.admin.kind')}
        required
        allowDeselect={false}
        {...form.select('kind')}
        data={giftKindSchema.options.map((k) => ({ value: k, label: t(`rewards.giftKind.${k}`) }))}
        data-testid="gift-kind"
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('rewards.admin.value')}
          required
          min={1}
          allowDecimal={false}
          {...form.number('valueMinor')}
          data-testid="gift-value"
        />
        <Select
          label={t('rewards.admin.currency')}
          allowDeselect={false}
          {...form.select('currency')}
          data={[...ASK_CURRENCIES]}
          data-testid="gift-currency"
        />
      </Group>
      <Switch label={t('rewards.admin.active')} {...form.checkbox('active')} />
    </>
  );
}

const giftForm = defineResourceForm({
  schema: giftInput,
  initial: (gift: Gift | null): GiftInput => ({
    kind: gift?.kind ?? 'voucher',
    name: gift?.name ?? '',
    valueMinor: gift?.valueMinor ?? 100_000,
    currency: gift?.currency ?? 'VND',
    active: gift?.active ?? true,
  }),
  Fields: GiftFields,
  save: (request, gift) =>
    gift
      ? api.call('updateGift', { params: { id: gift.id }, body: request })
      : api.call('createGift', { body: request }),
});

/** The org's step-7 choice: whether a gift waits for the verification call-back. */
function GiftSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: [...rewardKeys.all, 'settings'],
    queryFn: ({ signal }) => api.call('rewardSettings', { signal }),
  });
  const save = useMutation({
    mutationFn: (giftRequiresVerification: boolean) =>
      api.call('saveRewardSettings', { body: { giftRequiresVerification } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rewardKeys.all }),
  });
  return (
    <Switch
      label={t('rewards.admin.requiresVerification')}
      checked={settings.data?.giftRequiresVerification ?? false}
      disabled={!settings.data || save.isPending}
      onChange={(e) => save.mutate(e.currentTarget.checked)}
      data-testid="gift-requires-verification"
    />
  );
}

/** Admin: the thank-you gifts a team may give after the fix. */
export function GiftCataloguePage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.admin.giftsTitle'));
  const money = useMoney();
  const gifts = useGifts();
  const columns: Column<Gift>[] = [
    {
      key: 'name',
      header: t('rewards.admin.name'),
      cell: (g) => (
        <Text span size="sm" fw={600}>
          {g.name}
        </Text>
      ),
    },
    { key: 'kind', header: t('rewards.admin.kind'), cell: (g) => t(`rewards.giftKind.${g.kind}`) },
    {
      key: 'value',
      header: t('rewards.admin.value'),
      cell: (g) => money(g.valueMinor, g.currency),
    },
    {
      key: 'state',
      header: t('rewards.admin.active'),
      cell: (g) => <ActiveBadge active={g.active} />,
    },
  ];
  return (
    <ResourcePage
      testId="gift"
      listTestId="gifts-table"
      title={t('rewards.admin.giftsTitle')}
      help={t('rewards.admin.giftsHelp')}
      newLabel={t('rewards.admin.newGift')}
      editTitle={() => t('rewards.admin.editGift')}
      query={gifts}
      queryKey={rewardKeys.gifts}
      columns={columns}
      itemName={(g) => g.name}
      form={giftForm}
    >
      <GiftSettings />
    </ResourcePage>
  );
}
