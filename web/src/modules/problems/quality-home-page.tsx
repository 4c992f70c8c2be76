import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ProblemStatusBadge } from './problem-ui.tsx';
import { useQualityHome, type QualityHome } from './problems.api.ts';

type HomeAction = QualityHome['myActions'][number];

function ActionsTable({
  actions,
  testId,
  empty,
}: {
  actions: HomeAction[];
  testId: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (actions.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
        {empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('problems.home.problem')}</Table.Th>
            <Table.Th scope="col">{t('problems.home.action')}</Table.Th>
            <Table.Th scope="col">{t('problems.actions.owner')}</Table.Th>
            <Table.Th scope="col">{t('problems.home.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr key={a.id} data-testid="home-action">
              <Table.Td>
                <Anchor component={Link} to={`/problems/${a.problemId}`}>
                  {a.problemReference}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {a.problemTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {t(`problems.actionKind.${a.kind}`)}: {a.description}
                </Text>
              </Table.Td>
              <Table.Td>{a.ownerName ?? '—'}</Table.Td>
              <Table.Td>
                {a.isOverdue && (
                  <Badge color="red.8" mr={6}>
                    {t('problems.actions.overdue')}
                  </Badge>
                )}
                {format.dateTime(a.dueAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The quality owner's home: actions due (mine, then everyone's) and problems being monitored. */
export function QualityHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('problems.home.title'));
  const home = useQualityHome();
  const data = home.data;
  const mine = new Set(data?.myActions.map((a) => a.id) ?? []);
  return (
    <Stack gap="md">
      <Title order={1}>{t('problems.home.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('problems.home.help')}
      </Text>
      <ErrorAlert error={home.error} />
      {home.isPending && <PageLoader />}
      {data && (
        <>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="home-mine">
            <Title order={2} size="h4" id="home-mine" mb="xs">
              {t('problems.home.myActions')}
            </Title>
            <ActionsTable
              actions={data.myActions}
              testId="home-my-actions"
              empty={t('problems.home.noActions')}
            />
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="home-all">
            <Title order={2} size="h4" id="home-all" mb="xs">
              {t('problems.home.allActions')}
            </Title>
            <ActionsTable
              actions={data.allActions.filter((a) => !mine.has(a.id))}
              testId="home-all-actions"
              empty={t('problems.home.noActions')}
            />
          </Paper>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby="home-monitoring"
          >
            <Title order={2} size="h4" id="home-monitoring" mb="xs">
              {t('problems.home.monitoring')}
            </Title>
            {data.monitoring.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('problems.home.noMonitoring')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped data-testid="home-monitoring-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('problems.home.problem')}</Table.Th>
                      <Table.Th scope="col">{t('problems.col.status')}</Table.Th>
                      <Table.Th scope="col">{t('problems.monitoring.daysLeft')}</Table.Th>
                      <Table.Th scope="col">{t('problems.monitoring.recurrences')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.monitoring.map((p) => (
                      <Table.Tr key={p.id} data-testid="home-monitoring-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/problems/${p.id}`}>
                            {p.reference}
                          </Anchor>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {p.title}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <ProblemStatusBadge status={p.status} />
                        </Table.Td>
                        <Table.Td>{p.daysLeft ?? '—'}</Table.Td>
                        <Table.Td>
                          <Text
                            span
                            size="sm"
                            fw={p.recurrences > p.threshold ? 700 : 400}
                            c={p.recurrences > p.threshold ? 'red.8' : undefined}
                          >
                            {t('problems.monitoring.ofThreshold', {
                              count: p.recurrences,
                              threshold: p.threshold,
                            })}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
