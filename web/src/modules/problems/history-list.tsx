import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { problemStatuses, type ProblemStatus } from './problem-words.ts';
import type { ProblemDetail } from './problems.api.ts';

/** The history kinds the page words; any other shows as a plain event with its kind. */
const KNOWN = new Set([
  'created',
  'updated',
  'status.changed',
  'link.added',
  'link.removed',
  'link.moved_away',
  'root_cause.saved',
  'chain.saved',
  'chain.acknowledged',
  'action.created',
  'action.updated',
  'action.evidence',
  'monitoring.started',
  'monitoring.ended',
  'monitoring.ready_to_close',
  'closed',
  'closed.override',
]);

const isStatus = (v: unknown): v is ProblemStatus =>
  typeof v === 'string' && (problemStatuses as readonly string[]).includes(v);

/** What happened to the problem, newest first. */
export function HistoryList({ history }: { history: ProblemDetail['history'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  const describe = (e: ProblemDetail['history'][number]) => {
    const base = KNOWN.has(e.kind)
      ? t(`problems.history.${e.kind.replace(/\./g, '_')}`)
      : t('problems.history.other', { kind: e.kind });
    const { from, to, reason, reference } = e.data;
    const move =
      isStatus(from) && isStatus(to)
        ? ` ${t(`problems.status.${from}`)} → ${t(`problems.status.${to}`)}`
        : '';
    const extra = [reference, reason].filter((v) => typeof v === 'string' && v).join(' · ');
    return `${base}${move}${extra ? ` · ${extra}` : ''}`;
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="xs">
        {t('problems.history.title')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('problems.history.none')}
        </Text>
      ) : (
        <Stack
          gap={6}
          component="ol"
          style={{ margin: 0, paddingInlineStart: 18 }}
          data-testid="problem-history"
        >
          {entries.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <Text size="sm">{describe(e)}</Text>
              <Text size="xs" c="dimmed">
                {[e.actorName, format.dateTime(e.at)].filter(Boolean).join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
