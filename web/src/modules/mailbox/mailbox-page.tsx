import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { MailboxItem } from '../../../../src/modules/mail/mail.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

const STATUS_COLORS: Record<MailboxItem['status'], string> = {
  queued: 'yellow.4',
  sent: 'teal.9',
  kept: 'blue.9',
  failed: 'red.9',
  bounced: 'grape.9',
};

export function MailboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('mailbox.title'));
  const format = useFormat();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The list holds the newest 100 messages; one complaint's mail can be asked for by itself.
  const [params] = useSearchParams();
  const complaintId = params.get('complaintId') ?? undefined;
  const mailbox = useQuery({
    queryKey: ['mailbox', complaintId ?? 'all'],
    queryFn: ({ signal }) => api.call('mailbox', { query: { complaintId }, signal }),
    refetchInterval: 5000,
  });
  const items = mailbox.data?.items ?? [];
  const selected = items.find((m) => m.id === selectedId) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('mailbox.title')}</Title>
        <Button
          variant="default"
          onClick={() => void mailbox.refetch()}
          loading={mailbox.isFetching}
          data-testid="mailbox-refresh"
        >
          {t('mailbox.refresh')}
        </Button>
      </Group>
      <Text size="sm">{t('mailbox.help')}</Text>
      <Text size="sm" data-testid="mailbox-links-hidden">
        {t('mailbox.linksHidden')}
      </Text>
      {complaintId && (
        <Alert color="blue" variant="light" data-testid="mailbox-filter">
          <Group gap="sm">
            <Text size="sm">{t('mailbox.forComplaint')}</Text>
            <Anchor
              component={Link}
              to="/dev/mailbox"
              size="sm"
              c="blue.9"
              underline="always"
              data-testid="mailbox-show-all"
            >
              {t('mailbox.showAll')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={mailbox.error} />
      {mailbox.isPending ? (
        <PageLoader />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table.ScrollContainer minWidth={420} type="native">
              <Table highlightOnHover data-testid="mailbox-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mailbox.subject')}</Table.Th>
                    <Table.Th>{t('mailbox.status')}</Table.Th>
                    <Table.Th>{t('mailbox.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>{t('mailbox.empty')}</Table.Td>
                    </Table.Tr>
                  )}
                  {items.map((m) => (
                    <Table.Tr
                      key={m.id}
                      data-testid="mailbox-item"
                      bg={m.id === selectedId ? 'blue.0' : undefined}
                    >
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => setSelectedId(m.id)}
                          aria-pressed={m.id === selectedId}
                          data-testid="mailbox-open"
                        >
                          <Text size="sm" fw={600} lineClamp={2}>
                            {m.subject || t('mailbox.noSubject')}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {m.to}
                          </Text>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[m.status]} autoContrast>
                          {t(`mailbox.statuses.${m.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{format.dateTime(m.createdAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? (
              <MessageView message={selected} />
            ) : (
              <Paper withBorder p="md">
                <Text>{t('mailbox.pick')}</Text>
              </Paper>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function MessageView({ message }: { message: MailboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [view, setView] = useState<'html' | 'text'>(message.html ? 'html' : 'text');
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby="mailbox-message-subject"
      data-testid="mailbox-message"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="mailbox-message-subject">
          {message.subject || t('mailbox.noSubject')}
        </Title>
        <Text size="sm">
          <Text span fw={600}>
            {t('mailbox.to')}:
          </Text>{' '}
          <span data-testid="mailbox-message-to">{message.to}</span>
        </Text>
        <Text size="sm">
          {t('mailbox.createdAt')}: {format.dateTime(message.createdAt)}
          {message.sentAt ? ` · ${t('mailbox.sentAt')}: ${format.dateTime(message.sentAt)}` : ''}
          {message.transport ? ` · ${message.transport}` : ''}
        </Text>
        {message.complaintId && (
          <Anchor component={Link} to={`/complaints/${message.complaintId}`} size="sm">
            {t('mailbox.openComplaint')}
          </Anchor>
        )}
        {message.html && message.text && (
          <SegmentedControl
            aria-label={t('mailbox.format')}
            value={view}
            onChange={(value) => setView(value === 'html' ? 'html' : 'text')}
            data={[
              { value: 'html', label: 'HTML' },
              { value: 'text', label: t('mailbox.plainText') },
            ]}
          />
        )}
        {view === 'html' && message.html ? (
          // An empty sandbox runs no scripts and cannot reach this page.
          <iframe
            title={t('mailbox.htmlFrame', { subject: message.subject })}
            sandbox=""
            srcDoc={message.html}
            style={{
              width: '100%',
              minHeight: 420,
              border: '1px solid var(--mantine-color-gray-3)',
            }}
            data-testid="mailbox-message-html"
          />
        ) : (
          <Text
            component="pre"
            size="sm"
            className="preserve-lines"
            style={{ fontFamily: 'inherit', margin: 0 }}
            data-testid="mailbox-message-text"
          >
            {message.text ?? ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
