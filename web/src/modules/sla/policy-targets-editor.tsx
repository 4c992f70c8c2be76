import { Checkbox, Fieldset, NumberInput, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  clockKindSchema,
  durationUnitSchema,
  policyInput,
  type targetSchema,
} from '../../../../src/modules/sla/sla.contract.ts';
import type { PolicyInput } from './sla.api.ts';

type Target = z.infer<typeof targetSchema>;
const INTERNAL = policyInput.shape.internalTargets.unwrap().keyof().options;
/** A clock switched on starts at one business day; the admin then sets the real target. */
const FIRST_TARGET: Target = { amount: 1, unit: 'business_days' };

function TargetInputs({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: Target | undefined;
  onChange: (next: Target | undefined) => void;
  error: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>
        <Checkbox
          label={label}
          checked={value !== undefined}
          onChange={(e) => onChange(e.currentTarget.checked ? FIRST_TARGET : undefined)}
          error={error}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('policies.amountFor', { clock: label })}
          size="xs"
          min={1}
          max={10000}
          allowDecimal={false}
          disabled={!value}
          value={value?.amount ?? ''}
          onChange={(v) => value && onChange({ ...value, amount: Number(v) || 1 })}
          w={100}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('policies.unitFor', { clock: label })}
          size="xs"
          allowDeselect={false}
          disabled={!value}
          value={value?.unit ?? null}
          onChange={(v) => {
            const unit = durationUnitSchema.options.find((u) => u === v);
            if (value && unit) onChange({ ...value, unit });
          }}
          data={durationUnitSchema.options.map((u) => ({
            value: u,
            label: t(`durationUnit.${u}`),
          }))}
          w={260}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** Targets per clock, and the internal targets (deadline requests, approvals); unticked is none. */
export function PolicyTargetsEditor({
  targets,
  internalTargets,
  onChange,
  errorOf,
}: {
  targets: PolicyInput['targets'];
  internalTargets: PolicyInput['internalTargets'];
  onChange: (changes: Pick<PolicyInput, 'targets'> | Pick<PolicyInput, 'internalTargets'>) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const listError = errorOf('targets') ?? errorOf('internalTargets');
  return (
    <Fieldset legend={t('policies.targets')}>
      {listError && (
        <Text size="sm" c="red.9" role="alert" mb="xs">
          {listError}
        </Text>
      )}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table data-testid="policy-targets" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('policies.clock')}</Table.Th>
              <Table.Th>{t('policies.amount')}</Table.Th>
              <Table.Th>{t('policies.unit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clockKindSchema.options.map((clock) => (
              <TargetInputs
                key={clock}
                label={t(`clockKind.${clock}`)}
                value={targets[clock]}
                onChange={(next) => {
                  const changed = { ...targets };
                  if (next) changed[clock] = next;
                  else delete changed[clock];
                  onChange({ targets: changed });
                }}
                error={errorOf(`targets.${clock}`)}
                testId={`policy-target-${clock}`}
              />
            ))}
            {INTERNAL.map((kind) => (
              <TargetInputs
                key={kind}
                label={t(`policies.internal.${kind}`)}
                value={internalTargets[kind]}
                onChange={(next) => {
                  const changed = { ...internalTargets };
                  if (next) changed[kind] = next;
                  else delete changed[kind];
                  onChange({ internalTargets: changed });
                }}
                error={errorOf(`internalTargets.${kind}`)}
                testId={`policy-internal-${kind}`}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Fieldset>
  );
}
