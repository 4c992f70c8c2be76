import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import { policyInput } from '../../../../src/modules/sla/sla.contract.ts';
import { defineResourceForm } from '../../ui/resource-form.tsx';
import { ResourcePage } from '../../ui/resource-page.tsx';
import { ActiveBadge, type Column } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { PolicyFields } from './policy-fields.tsx';
import { PresetsSection } from './presets-section.tsx';
import {
  slaKeys,
  useCalendars,
  usePolicies,
  useSlaDefaults,
  type Policy,
  type PolicyInput,
} from './sla.api.ts';

const policyForm = defineResourceForm({
  schema: policyInput,
  // The form edits the names per language; `name` (the reader's) is not sent back.
  initial: (policy: Policy | null, start: PolicyInput | undefined): PolicyInput =>
    policy ? { ...policy, name: undefined } : start!,
  Fields: PolicyFields,
  save: (request, policy) =>
    policy
      ? api.call('updatePolicy', { params: { id: policy.id }, body: request })
      : api.call('createPolicy', { body: request }),
});

/** Admin: SLA policies (which complaints, which calendar, which targets) and regulatory presets. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('policies.title'));
  const policies = usePolicies();
  const calendars = useCalendars();
  const defaults = useSlaDefaults();
  const canEdit = useHasPermission()('sla:admin');
  const calendarName = new Map((calendars.data ?? []).map((c) => [c.id, c.name]));
  const defaultCalendar =
    (calendars.data ?? []).find((c) => c.isDefault)?.id ?? calendars.data?.[0]?.id ?? '';
  // A new policy starts from the server's standard policy, without its name, on the default calendar.
  const start: PolicyInput | undefined =
    defaults.data && defaultCalendar
      ? { ...defaults.data.policy, name: undefined, names: {}, calendarId: defaultCalendar }
      : undefined;
  const columns: Column<Policy>[] = [
    {
      key: 'name',
      header: t('policies.name'),
      cell: (p) => (
        <>
          <Text size="sm" fw={600}>
            {p.name}
          </Text>
          {p.preset && (
            <Text size="xs" c="dimmed">
              {t('policies.fromPreset', { code: p.preset })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'priority', header: t('policies.priority'), cell: (p) => p.priority },
    {
      key: 'calendar',
      header: t('policies.calendar'),
      cell: (p) => calendarName.get(p.calendarId) ?? '—',
    },
    { key: 'state', header: t('policies.state'), cell: (p) => <ActiveBadge active={p.active} /> },
  ];
  return (
    <ResourcePage<Policy, PolicyInput>
      testId="policy"
      listTestId="policies-table"
      title={t('policies.title')}
      help={t('policies.help')}
      newLabel={t('policies.new')}
      editTitle={(p) => t('policies.editNamed', { name: p.name })}
      query={policies}
      queryKey={slaKeys.policies}
      columns={columns}
      tableMinWidth={700}
      itemName={(p) => p.name}
      form={policyForm}
      newPreset={start}
      canCreate={start !== undefined}
      canEdit={canEdit}
      error={defaults.error}
      editor={{ kind: 'panel' }}
    >
      <PresetsSection defaultCalendar={defaultCalendar} />
    </ResourcePage>
  );
}
