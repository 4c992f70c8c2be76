import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProblemStatus } from './problem-words.ts';
import type { ProblemListItem } from './problems.api.ts';

/** The board's columns: closed and rejected share the last one. */
const COLUMNS: { key: string; statuses: ProblemStatus[] }[] = [
  { key: 'open', statuses: ['open'] },
  { key: 'analysing', statuses: ['analysing'] },
  { key: 'action', statuses: ['action'] },
  { key: 'monitoring', statuses: ['monitoring'] },
  { key: 'ended', statuses: ['closed', 'rejected'] },
];

/** Problems by status, one column each; it scrolls sideways on a phone. */
export function ProblemBoard({ items }: { items: ProblemListItem[] }) {
  const { t } = useTranslation();
  return (
    // A region of its own that takes focus, so the columns scroll sideways by keyboard too.
    <Box
      role="region"
      aria-label={t('problems.view.board')}
      tabIndex={0}
      style={{ overflowX: 'auto', paddingBottom: 8 }}
      data-testid="problems-board"
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {COLUMNS.map((column) => {
          const cards = items.filter((p) => column.statuses.includes(p.status));
          const titleId = `board-${column.key}`;
          return (
            <Paper
              key={column.key}
              withBorder
              p="xs"
              radius="md"
              component="section"
              aria-labelledby={titleId}
              bg="gray.0"
              w={240}
              miw={240}
              data-testid={`board-column-${column.key}`}
            >
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h5" id={titleId}>
                  {column.key === 'ended'
                    ? t('problems.board.ended')
                    : t(`problems.status.${column.key}`)}
                </Title>
                <Badge variant="outline" color="gray.8">
                  {cards.length}
                </Badge>
              </Group>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {cards.map((p) => (
                  <Paper
                    key={p.id}
                    component="li"
                    withBorder
                    p="xs"
                    radius="sm"
                    data-testid="board-card"
                    data-reference={p.reference}
                  >
                    <Anchor component={Link} to={`/problems/${p.id}`} fw={600} size="sm">
                      {p.reference}
                    </Anchor>
                    <Text size="sm" lineClamp={3}>
                      {p.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        p.ownerName,
                        t('problems.board.complaints', { count: p.linkedComplaints }),
                        p.status === 'rejected' ? t('problems.status.rejected') : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </Group>
    </Box>
  );
}
