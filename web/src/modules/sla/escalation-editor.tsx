import { Button, Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PolicyInput } from './sla.api.ts';

type Escalation = PolicyInput['escalation'];
/** The contract allows five levels of escalation. */
const MAX_LEVELS = 5;

/** Who is told, level by level up the org chart, how long after a breach. */
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
              label={t('policies.afterMinutes')}
              min={0}
              max={100000}
              allowDecimal={false}
              value={step.afterMinutes}
              onChange={(v) => setStep(index, { afterMinutes: Number(v) || 0 })}
              w={200}
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
                  afterMinutes: 240 * value.length,
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
