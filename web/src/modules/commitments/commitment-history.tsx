import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useZoneFormat } from '../sla/time.ts';
import type { Commitment } from './commitments.api.ts';

/** The original commitment and every re-commitment, newest highlighted, with reason and message. */
export function CommitmentHistory({
  commitments,
  timeZone,
}: {
  commitments: Commitment[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useZoneFormat(timeZone);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('commitments.history')}
      </Title>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {commitments.map((c) => (
          <li key={c.id} data-testid="commitment-row" data-sequence={c.sequence} data-due={c.dueAt}>
            <Paper
              withBorder
              p="xs"
              radius="sm"
              bg={c.sequence === commitments.length ? 'blue.0' : undefined}
            >
              <Group gap="xs" wrap="wrap">
                <Badge
                  color="gray.7"
                  variant="outline"
                  style={{ color: 'var(--mantine-color-gray-8)' }}
                >
                  {c.sequence === 1
                    ? t('commitments.original')
                    : t('commitments.recommitment', { n: c.sequence - 1 })}
                </Badge>
                <Text fw={700} size="sm">
                  {format.dateTimeWeekday(c.dueAt)}
                </Text>
                {c.taskTypeName && <Text size="sm">· {c.taskTypeName}</Text>}
                {c.deadlineRequestId && <Text size="sm">· {t('commitments.fromDepartment')}</Text>}
              </Group>
              <Text size="xs" c="dimmed">
                {t('commitments.committedBy', {
                  name: c.committedByName ?? '—',
                  time: format.dateTime(c.committedAt),
                })}
              </Text>
              {c.reason && (
                <Text size="sm" data-testid="commitment-reason">
                  {t('commitments.reasonLabel')}: {c.reason}
                </Text>
              )}
              {c.customerMessage && (
                <Text size="sm" className="preserve-lines" data-testid="commitment-message">
                  {t('commitments.messageSent')}: {c.customerMessage}
                </Text>
              )}
            </Paper>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
