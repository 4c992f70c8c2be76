import { Box, Group, Paper, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';

type Step = ComplaintDetail['steps'][number];
type StepState = Step['state'];

const ICON_COLOR: Record<StepState, string> = {
  done: 'teal.9',
  current: 'blue.8',
  pending: 'gray.2',
  due: 'orange.8',
  skipped: 'gray.6',
};

/**
 * The 8 steps of the loop as an ordered list: done, current, pending. A step can carry more
 * under its state (step 8: the linked problem).
 */
export function StepRail({
  steps,
  details,
}: {
  steps: ComplaintDetail['steps'];
  details?: Partial<Record<Step['step'], ReactNode>>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="step-rail-title">
      <Text id="step-rail-title" fw={700} size="sm" mb="xs">
        {t('steps.title')}
      </Text>
      <Box
        component="ol"
        className="step-rail-list"
        data-testid="step-rail"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
          gap: 'var(--mantine-spacing-xs)',
        }}
      >
        {steps.map((step, index) => (
          <li
            key={step.step}
            data-testid={`step-${step.step}`}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <Group gap={8} wrap="nowrap" align="flex-start">
              <ThemeIcon
                radius="xl"
                size={28}
                color={ICON_COLOR[step.state]}
                autoContrast
                variant={step.state === 'pending' ? 'outline' : 'filled'}
                aria-hidden
                style={step.state === 'pending' ? { color: 'var(--mantine-color-gray-7)' } : {}}
              >
                <Text span size="xs" fw={700}>
                  {step.state === 'done' ? '✓' : step.state === 'skipped' ? '–' : index + 1}
                </Text>
              </ThemeIcon>
              <div>
                <Text size="sm" fw={step.state === 'current' ? 700 : 500}>
                  {t(`steps.${step.step}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  <VisuallyHidden>{t('steps.stateLabel')}: </VisuallyHidden>
                  {t(`steps.state.${step.state}`)}
                  {step.at ? ` · ${format.dateTime(step.at)}` : ''}
                  {step.by ? ` · ${t('steps.by', { name: step.by })}` : ''}
                </Text>
                {details?.[step.step]}
              </div>
            </Group>
          </li>
        ))}
      </Box>
    </Paper>
  );
}
