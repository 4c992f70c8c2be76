import {
  Fieldset,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  TagsInput,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReasonName, useReasons } from '../../api/catalog.ts';
import { clockKindSchema, policyInput } from '../../../../src/modules/sla/sla.contract.ts';
import type { FieldsProps } from '../../ui/resource-form.tsx';
import { EscalationEditor } from './escalation-editor.tsx';
import { NamesFields } from './names-fields.tsx';
import { PolicyTargetsEditor } from './policy-targets-editor.tsx';
import { useCalendars, type Policy, type PolicyInput } from './sla.api.ts';

const MATCH = policyInput.shape.match.unwrap().shape;
const SEVERITIES = MATCH.severities.unwrap().element.options;
const CHANNELS = MATCH.channels.unwrap().element.options;
const PAUSE_STATUSES = policyInput.shape.pauseStatuses.unwrap().element.options;
const START_RULES = policyInput.shape.startRule.unwrap().options;

/** The picked values that are options of the list, typed as its options, in the order picked. */
const chosen =
  <T extends string>(options: readonly T[]) =>
  (values: string[]): T[] =>
    values.filter((value): value is T => (options as readonly string[]).includes(value));

/** An SLA policy's fields: which complaints it takes, its calendar, clock targets and rules. */
export function PolicyFields({ form }: FieldsProps<Policy, PolicyInput>) {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const reasons = useReasons();
  const reasonName = useReasonName();
  const { values } = form;
  const setMatch = (changes: Partial<PolicyInput['match']>) =>
    form.set('match', { ...values.match, ...changes });

  return (
    <>
      <NamesFields
        value={values.names}
        onChange={(names) => form.set('names', names)}
        errorOf={form.errorOf}
        testId="policy-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NumberInput
          label={t('policies.priority')}
          description={t('policies.priorityHelp')}
          min={0}
          max={10000}
          allowDecimal={false}
          {...form.number('priority')}
          data-testid="policy-priority"
        />
        <Select
          label={t('policies.calendar')}
          required
          allowDeselect={false}
          {...form.select('calendarId')}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="policy-calendar"
        />
        <Switch
          label={t('common.active')}
          {...form.checkbox('active')}
          mt={{ lg: 28 }}
          data-testid="policy-active"
        />
      </SimpleGrid>

      <Fieldset legend={t('policies.match')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('policies.matchHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <MultiSelect
            label={t('policies.reasons')}
            searchable
            clearable
            value={values.match.reasonIds}
            onChange={(reasonIds) => setMatch({ reasonIds })}
            data={(reasons.data ?? []).map((r) => ({ value: r.id, label: reasonName(r) }))}
            error={form.errorOf('match.reasonIds')}
            data-testid="policy-reasons"
          />
          <MultiSelect
            label={t('policies.severities')}
            clearable
            value={values.match.severities}
            onChange={(picked) => setMatch({ severities: chosen(SEVERITIES)(picked) })}
            data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            error={form.errorOf('match.severities')}
            data-testid="policy-severities"
          />
          <MultiSelect
            label={t('policies.channels')}
            clearable
            value={values.match.channels}
            onChange={(picked) => setMatch({ channels: chosen(CHANNELS)(picked) })}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            error={form.errorOf('match.channels')}
            data-testid="policy-channels"
          />
          <TagsInput
            label={t('policies.tiers')}
            description={t('policies.tiersHelp')}
            clearable
            value={values.match.tiers}
            onChange={(tiers) => setMatch({ tiers })}
            error={form.errorOf('match.tiers') ?? form.errorOf('match')}
            data-testid="policy-tiers"
          />
        </SimpleGrid>
      </Fieldset>

      <PolicyTargetsEditor
        targets={values.targets}
        internalTargets={values.internalTargets}
        onChange={form.patch}
        errorOf={form.errorOf}
      />

      <Fieldset legend={t('policies.rules')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('policies.warnAt')}
            description={t('policies.warnAtHelp')}
            min={1}
            max={99}
            allowDecimal={false}
            suffix=" %"
            {...form.number('warnAtPercent')}
            data-testid="policy-warn"
          />
          <Select
            label={t('policies.startRule')}
            allowDeselect={false}
            {...form.select('startRule')}
            data={START_RULES.map((rule) => ({ value: rule, label: t(`policies.start.${rule}`) }))}
            data-testid="policy-start-rule"
          />
          <MultiSelect
            label={t('policies.pauseStatuses')}
            description={t('policies.pauseStatusesHelp')}
            value={values.pauseStatuses}
            onChange={(picked) => form.set('pauseStatuses', chosen(PAUSE_STATUSES)(picked))}
            data={PAUSE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            error={form.errorOf('pauseStatuses')}
            data-testid="policy-pause-statuses"
          />
          <MultiSelect
            label={t('policies.pausedClocks')}
            value={values.pausedClocks}
            onChange={(picked) => form.set('pausedClocks', chosen(clockKindSchema.options)(picked))}
            data={clockKindSchema.options.map((c) => ({ value: c, label: t(`clockKind.${c}`) }))}
            error={form.errorOf('pausedClocks')}
            data-testid="policy-paused-clocks"
          />
        </SimpleGrid>
      </Fieldset>

      <EscalationEditor
        value={values.escalation}
        onChange={(escalation) => form.set('escalation', escalation)}
        error={form.errorOf('escalation')}
      />
    </>
  );
}
