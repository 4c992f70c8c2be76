import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintStatusCode } from '../../../../src/modules/complaints/complaints.contract.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useFormat } from '../../i18n/format.ts';
import {
  DRAFT_MIN_CHARS,
  useCaseSuggestions,
  useDraftSuggestions,
  useLinkToProblem,
  type Suggestion,
  type SuggestionDraft,
  type SuggestionList,
} from './suggestions.api.ts';

/** Why a case is suggested, as the agent reads it: "same customer, same reason, 3 days ago". */
function useWhy() {
  const { t, i18n } = useTranslation();
  return (why: Suggestion['why']) => {
    if (why.code === 'similar_text')
      return t('suggestions.why.similar_text', {
        score: (why.score ?? 0).toLocaleString(i18n.language, {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
      });
    const ago =
      (why.days ?? 0) === 0
        ? t('suggestions.ago.today')
        : t('suggestions.ago.days', { count: why.days ?? 0 });
    return t(`suggestions.why.${why.code}`, { ago });
  };
}

function SuggestionRow({ item, caseId }: { item: Suggestion; caseId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const why = useWhy();
  const link = useLinkToProblem(caseId ?? '');
  const { complaint, problem } = item;
  return (
    <Stack
      component="li"
      gap={4}
      data-testid="suggestion-row"
      data-kind={item.kind}
      data-complaint-id={complaint.id}
    >
      <Group gap="xs" wrap="wrap">
        <Badge color={item.kind === 'repeat' ? 'red.9' : 'blue.9'} autoContrast>
          {t(`suggestions.kind.${item.kind}`)}
        </Badge>
        <Anchor component={Link} to={`/complaints/${complaint.id}`} fw={600}>
          {complaint.reference}
        </Anchor>
        <StatusBadge status={complaint.status as ComplaintStatusCode} />
        <Text size="xs" c="dimmed">
          {format.date(complaint.receivedAt)}
          {complaint.customerName ? ` · ${complaint.customerName}` : ''}
        </Text>
      </Group>
      <Text size="sm" fw={500} data-testid="suggestion-why">
        {why(item.why)}
      </Text>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {complaint.excerpt}
      </Text>
      {problem && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('suggestions.problem.belongsTo', {
              reference: problem.reference,
              title: problem.title,
            })}
          </Text>
          {caseId && !link.isSuccess && (
            <Button
              size="compact-sm"
              variant="light"
              loading={link.isPending}
              onClick={() => link.mutate(problem.id)}
            >
              {t('suggestions.problem.link', { reference: problem.reference })}
            </Button>
          )}
          {link.isSuccess && (
            <Text size="sm" c="teal.9" role="status">
              {t('suggestions.problem.linked', { reference: problem.reference })}
            </Text>
          )}
          <ErrorAlert error={link.error} />
        </Group>
      )}
    </Stack>
  );
}

function SuggestionsBody({ list, caseId }: { list: SuggestionList; caseId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {list.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('suggestions.panel.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.items.map((item) => (
            <SuggestionRow key={item.complaint.id} item={item} {...(caseId ? { caseId } : {})} />
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t('suggestions.panel.definition', list.definition)}
      </Text>
    </>
  );
}

/** The spinner is a bare <span>, where aria-label is not allowed; the status text says it. */
function Looking() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" aria-hidden />
      <VisuallyHidden>{t('suggestions.panel.loading')}</VisuallyHidden>
    </Group>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="suggestions-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The case page: likely repeats of this case and complaints like it, each with why. */
export function CaseSuggestionsPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const suggestions = useCaseSuggestions(complaintId);
  return (
    <Frame title={t('suggestions.panel.title')}>
      {suggestions.isPending && <Looking />}
      <ErrorAlert error={suggestions.error} />
      {suggestions.data && <SuggestionsBody list={suggestions.data} caseId={complaintId} />}
    </Frame>
  );
}

/** The intake page: what is already known about the complaint being typed. */
export function DraftSuggestionsPanel({ draft }: { draft: SuggestionDraft }) {
  const { t } = useTranslation();
  const suggestions = useDraftSuggestions(draft);
  const enough = draft.description.trim().length >= DRAFT_MIN_CHARS;
  return (
    <Frame title={t('suggestions.panel.intakeTitle')}>
      <div aria-live="polite">
        {!enough && (
          <Text size="sm" c="dimmed">
            {t('suggestions.panel.intakeHint', { count: DRAFT_MIN_CHARS })}
          </Text>
        )}
        {enough && suggestions.isFetching && !suggestions.data && <Looking />}
        {enough && <ErrorAlert error={suggestions.error} />}
        {enough && suggestions.data && (
          <Stack gap="sm">
            <SuggestionsBody list={suggestions.data} />
          </Stack>
        )}
      </div>
    </Frame>
  );
}
