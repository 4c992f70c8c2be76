import { Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import {
  useComplaintSurveys,
  useSetSurveyOptOut,
  useSurveyOptOut,
  type CaseSurvey,
} from './surveys.api.ts';

const STATUS_COLOR: Record<CaseSurvey['status'], string> = {
  scheduled: 'blue.8',
  sent: 'indigo.8',
  answered: 'teal.9',
  cancelled: 'gray.7',
  skipped: 'gray.7',
};

function SurveyLine({ survey }: { survey: CaseSurvey }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4} data-testid={`survey-${survey.status}`}>
      <Group gap="xs">
        <Badge variant="filled" autoContrast color={STATUS_COLOR[survey.status]}>
          {t(`surveys.status.${survey.status}`)}
        </Badge>
        {survey.skipReason && (
          <Text size="sm" c="dimmed">
            {t(`surveys.skip.${survey.skipReason}`)}
          </Text>
        )}
        {survey.status === 'scheduled' && (
          <Text size="sm" c="dimmed">
            {t('surveys.sendAt', { at: format.dateTime(survey.sendAt) })}
          </Text>
        )}
      </Group>
      {survey.csat !== null && (
        <Group gap="md" data-testid="survey-scores">
          <Text fw={600}>{t('surveys.csat', { score: survey.csat })}</Text>
          {survey.ces !== null && <Text>{t('surveys.ces', { score: survey.ces })}</Text>}
          {survey.nps !== null && <Text>{t('surveys.nps', { score: survey.nps })}</Text>}
        </Group>
      )}
      {survey.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="survey-comment">
          {survey.comment}
        </Text>
      )}
      {survey.question && survey.questionAnswer && (
        <Text size="sm">
          <Text span fw={600}>
            {survey.question}
          </Text>{' '}
          {survey.questionAnswer}
        </Text>
      )}
    </Stack>
  );
}

/** The customer's opt-out of surveys, seen and switched by staff who may edit the customer. */
function OptOutSwitch({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useHasPermission();
  const optOut = useSurveyOptOut(customerId);
  const set = useSetSurveyOptOut(customerId);
  if (!optOut.data) return null;
  return (
    <>
      <Switch
        label={t('surveys.optOut')}
        checked={optOut.data.surveyOptOut}
        disabled={!can('customer:update') || set.isPending}
        onChange={(e) => set.mutate(e.currentTarget.checked)}
        data-testid="survey-opt-out"
      />
      {set.isError && <ErrorAlert error={set.error} />}
    </>
  );
}

/** The case's surveys (one per resolution) and their answers. */
export function SurveyPanel({
  complaintId,
  customerId,
  status,
}: {
  complaintId: string;
  customerId: string;
  status: string;
}) {
  const { t } = useTranslation();
  const surveys = useComplaintSurveys(complaintId, status);
  return (
    <Paper withBorder p="md" radius="md" data-testid="survey-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('surveys.title')}
        </Title>
        {surveys.isError && <ErrorAlert error={surveys.error} />}
        {surveys.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('surveys.none')}
          </Text>
        )}
        {surveys.data?.items.map((s) => (
          <SurveyLine key={s.id} survey={s} />
        ))}
        <OptOutSwitch customerId={customerId} />
      </Stack>
    </Paper>
  );
}
