import { Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { escalationUnitSchema } from '../../../../src/modules/sla/sla.contract.ts';
import type { PolicyInput } from './sla.api.ts';

type Escalation = PolicyInput['escalation'];
/** The contract allows five levels of escalation. */
const MAX_LEVELS = 5;

/**
 * Who is told, level by level up the org chart, how long after a breach. The unit sits beside
 * the amount: business time unless the admin picks calendar time.
 */
export function EscalationEditor({
  value,
  onChange,
  error,
}: {
  value: Escalation;
  onChange: (next: Escalation) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const setStep = (index: number, changes: Partial<Escalation[number]>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...changes } : s)));
  return (
    <Fieldset legend={t('policies.escalation')} data-testid="policy-escalation">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('policies.escalationHelp')}
        </Text>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        {value.map((step, index) => (
          <Group key={index} align="flex-end" gap="xs" data-testid="escalation-row">
            <NumberInput
              label={t('policies.level')}
              min={1}
              max={MAX_LEVELS}
              allowDecimal={false}
              value={step.level}
              onChange={(v) => setStep(index, { level: Number(v) || 1 })}
              w={100}
            />
            <NumberInput
              label={t('policies.escalationAfter')}
              min={0}
              max={10000}
              allowDecimal={false}
              value={step.amount}
              onChange={(v) => setStep(index, { amount: Number(v) || 0 })}
              w={140}
              data-testid="escalation-amount"
            />
            <Select
              label={t('policies.escalationUnit')}
              allowDeselect={false}
              value={step.unit}
              onChange={(unit) => {
                const picked = escalationUnitSchema.options.find((u) => u === unit);
                if (picked) setStep(index, { unit: picked });
              }}
              data={escalationUnitSchema.options.map((u) => ({
                value: u,
                label: t(`durationUnit.${u}`),
              }))}
              w={200}
              data-testid="escalation-unit"
            />
            <Button
              variant="subtle"
              color="red.9"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('policies.removeLevel', { level: step.level })}
            >
              ✕
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            disabled={value.length >= MAX_LEVELS}
            onClick={() =>
              onChange([
                ...value,
                {
                  level: Math.min(MAX_LEVELS, value.length + 1),
                  amount: 4 * value.length,
                  unit: 'business_hours',
                },
              ])
            }
            data-testid="escalation-add"
          >
            + {t('policies.addLevel')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
