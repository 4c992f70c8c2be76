import { Anchor, Grid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ActionsCard } from './actions-card.tsx';
import { ChainCard } from './chain-card.tsx';
import { EffectivenessChart } from './effectiveness-chart.tsx';
import { HistoryList } from './history-list.tsx';
import { LinkedComplaintsCard } from './linked-complaints-card.tsx';
import { MonitoringCard } from './monitoring-card.tsx';
import { ProblemHeader } from './problem-header.tsx';
import { useProblem } from './problems.api.ts';
import { RootCauseEditor } from './root-cause-editor.tsx';

/** One problem: the cases it explains, its root cause, chain, actions and the recurrence check. */
export function ProblemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const problem = useProblem(id);
  usePageTitle(problem.data?.problem.reference ?? t('problems.detail.title'));

  if (problem.isPending) return <PageLoader />;
  if (problem.isError)
    return (
      <Stack>
        <Title order={1}>{t('problems.detail.title')}</Title>
        <ErrorAlert error={problem.error} />
        <Anchor component={Link} to="/problems">
          {t('problems.detail.back')}
        </Anchor>
      </Stack>
    );

  const detail = problem.data;
  const rootCauseKey = detail.rootCause?.updatedAt ?? 'none';
  return (
    <Stack
      key={detail.problem.id}
      gap="md"
      data-testid="problem-detail"
      data-problem-id={detail.problem.id}
    >
      <ProblemHeader problem={detail.problem} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <LinkedComplaintsCard detail={detail} />
            <RootCauseEditor key={rootCauseKey} detail={detail} />
            <ChainCard detail={detail} />
            <ActionsCard detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <MonitoringCard detail={detail} />
            <EffectivenessChart problemId={detail.problem.id} />
            <HistoryList history={detail.history} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
