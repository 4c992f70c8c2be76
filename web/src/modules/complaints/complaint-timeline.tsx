import { Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useTimeline } from './complaints.api.ts';
import { EventBody, useEventSentence } from './event-text.tsx';

export function ComplaintTimeline({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const sentence = useEventSentence();
  const timeline = useTimeline(complaintId);
  const events = [...(timeline.data?.events ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="timeline-title">
          {t('timeline.title')}
        </Title>
        <ErrorAlert error={timeline.error} />
        {timeline.isPending && <PageLoader />}
        {timeline.data && events.length === 0 && <Text size="sm">{t('timeline.empty')}</Text>}
        <Timeline bulletSize={14} lineWidth={2} active={-1} data-testid="timeline">
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              data-testid="timeline-event"
              data-type={event.type}
              title={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600} component="span">
                    {sentence(event)}
                  </Text>
                  {event.visibility === 'internal' && (
                    <Badge size="xs" color="gray.7" variant="filled">
                      {t('timeline.internal')}
                    </Badge>
                  )}
                </Group>
              }
            >
              <EventBody event={event} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
