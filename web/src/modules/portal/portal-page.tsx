import {
  Alert,
  Anchor,
  Badge,
  Blockquote,
  Button,
  FileInput,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import {
  DEFAULT_COUNTRY,
  DEFAULT_TIME_ZONE,
  PlaceProvider,
  useFormat,
  type Place,
} from '../../i18n/format.ts';
import { isUiLanguage, setUiLanguage, type UiLanguage } from '../../i18n/i18n.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { PublicLayout } from '../../ui/public-layout.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { EventBody, useEventSentence } from '../complaints/event-text.tsx';
import { StepRail } from '../complaints/step-rail.tsx';

export function PortalPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const chosenLanguage = useRef(false);
  const portalKey = ['portal', token, i18n.language] as const;

  const portal = useQuery({
    queryKey: portalKey,
    queryFn: ({ signal }) => api.call('portal', { params: { token }, signal }),
    placeholderData: (previous) => previous,
  });
  // The portal's times are the org's wall times, as in its mail.
  const place: Place = {
    timeZone: portal.data?.timeZone ?? DEFAULT_TIME_ZONE,
    country: DEFAULT_COUNTRY,
  };
  const format = useFormat(place);
  const sentence = useEventSentence();

  // The customer's choice of language carries to the case: its mail speaks it from now on.
  const rememberLanguage = useMutation({
    mutationFn: (language: UiLanguage) =>
      api.call('portalLanguage', { params: { token }, body: { language } }),
  });

  useEffect(() => {
    // The case's language applies until the customer picks another.
    if (portal.data && !chosenLanguage.current && isUiLanguage(portal.data.language)) {
      chosenLanguage.current = true;
      void setUiLanguage(portal.data.language, false);
    }
  }, [portal.data]);

  const unavailable =
    portal.error instanceof ApiError && !portal.data
      ? portal.error.status === 410
        ? t('portal.expired.title')
        : portal.error.status === 404
          ? t('portal.notFound.title')
          : undefined
      : undefined;
  usePageTitle(
    portal.data
      ? t('portal.titleFor', { reference: portal.data.reference })
      : (unavailable ?? t('portal.title')),
  );

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['portal', token] });

  const confirm = useMutation({
    mutationFn: (version: number) =>
      api.call('portalConfirm', { params: { token }, body: { version } }),
    onSuccess: refresh,
  });

  const layout = (content: ReactNode) => (
    <PublicLayout
      orgName={portal.data?.orgName}
      onLanguageChange={(language) => {
        chosenLanguage.current = true;
        if (portal.data && portal.data.language !== language) rememberLanguage.mutate(language);
      }}
    >
      <PlaceProvider value={place}>{content}</PlaceProvider>
    </PublicLayout>
  );

  if (portal.isPending) return layout(<PageLoader />);
  if (!portal.data) {
    const error = portal.error;
    if (error instanceof ApiError && error.status === 410 && error.code === 'link_expired') {
      return layout(<LinkUnavailable kind="expired" message={error.message} />);
    }
    if (error instanceof ApiError && error.status === 404) {
      return layout(<LinkUnavailable kind="notFound" />);
    }
    return layout(
      <Stack>
        <Title order={1} size="h2">
          {t('portal.title')}
        </Title>
        <ErrorAlert error={error} />
      </Stack>,
    );
  }

  const view = portal.data;
  const readBack = view.readBack;
  const events = [...view.events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return layout(
    <Stack gap="md" data-testid="portal">
      <Paper withBorder p="md" radius="md">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('portal.yourComplaint')}
          </Text>
          <Title order={1} size="h2" data-testid="portal-reference">
            {view.reference}
          </Title>
          <div>
            <StatusBadge status={view.status} />
          </div>
          <Text size="sm">{t('portal.receivedAt', { at: format.dateTime(view.createdAt) })}</Text>
          {view.acknowledgedAt && (
            <Text size="sm">
              {t('portal.acknowledgedAt', { at: format.dateTime(view.acknowledgedAt) })}
            </Text>
          )}
          <Text size="sm">{t(`portal.statusHelp.${view.status}`)}</Text>
        </Stack>
      </Paper>

      {view.steps.length > 0 && <StepRail steps={view.steps} />}

      {readBack && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="portal-readback-title"
          data-testid="portal-readback"
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="portal-readback-title">
              {t('portal.readBackTitle')}
            </Title>
            <Text>{t('portal.readBackHelp')}</Text>
            <Blockquote
              color="blue"
              p="md"
              className="preserve-lines"
              data-testid="portal-readback-text"
            >
              {readBack.text}
            </Blockquote>
            {readBack.confirmedAt ? (
              <Alert
                color="teal"
                variant="light"
                title={t('portal.confirmedTitle')}
                data-testid="portal-confirmed"
              >
                {t('portal.confirmedAt', { at: format.dateTime(readBack.confirmedAt) })}
              </Alert>
            ) : (
              <>
                <ErrorAlert error={confirm.error} />
                <Button
                  size="xl"
                  fullWidth
                  color="teal.9"
                  // A long label in a narrow phone wraps instead of being cut off.
                  h="auto"
                  mih={60}
                  py="sm"
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
                  onClick={() => confirm.mutate(readBack.version)}
                  loading={confirm.isPending}
                  data-testid="portal-confirm"
                >
                  {t('portal.confirm')}
                </Button>
                <Text size="sm">{t('portal.notRight')}</Text>
              </>
            )}
          </Stack>
        </Paper>
      )}

      <ReplyForm token={token} onSent={refresh} />

      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="portal-history-title"
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="portal-history-title">
            {t('portal.history')}
          </Title>
          {events.length === 0 && <Text size="sm">{t('timeline.empty')}</Text>}
          <Timeline bulletSize={14} lineWidth={2} active={-1} data-testid="portal-timeline">
            {events.map((event) => (
              <Timeline.Item
                key={event.id}
                data-testid="portal-event"
                data-type={event.type}
                title={
                  <Text size="sm" fw={600} component="span">
                    {sentence(event)}
                  </Text>
                }
              >
                <EventBody event={event} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      </Paper>

      {view.attachments.length > 0 && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="portal-files-title"
        >
          <Title order={2} size="h3" id="portal-files-title" mb="sm">
            {t('attachments.title')}
          </Title>
          <List spacing={4} data-testid="portal-attachments">
            {view.attachments.map((a) => (
              <List.Item key={a.id}>
                <Anchor
                  href={api.url('portalAttachment', { params: { token, id: a.id } })}
                  download={a.filename}
                >
                  {a.filename}
                </Anchor>{' '}
                <Badge
                  variant="outline"
                  color="gray.7"
                  style={{ color: 'var(--mantine-color-gray-8)' }}
                >
                  {format.bytes(a.sizeBytes)}
                </Badge>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>,
  );
}

function ReplyForm({ token, onSent }: { token: string; onSent: () => Promise<void> }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('body', body);
      for (const file of files) form.append('files', file);
      return api.call('portalReply', { params: { token }, body: form });
    },
    onSuccess: async () => {
      setBody('');
      setFiles([]);
      setSent(true);
      await onSent();
    },
  });
  const errors = splitApiError(send.error, ['body', 'files']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    send.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-reply-title">
      <form onSubmit={submit} noValidate data-testid="portal-reply">
        <Stack gap="sm">
          <Title order={2} size="h3" id="portal-reply-title">
            {t('portal.replyTitle')}
          </Title>
          {sent && (
            <Alert color="teal" variant="light" data-testid="portal-reply-sent">
              {t('portal.replySent')}
            </Alert>
          )}
          <ErrorAlert error={errors.general} />
          <Textarea
            size="md"
            label={t('portal.replyBody')}
            required
            autosize
            minRows={4}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.field.body}
            data-testid="portal-reply-body"
          />
          <FileInput
            size="md"
            label={t('portal.files')}
            description={t('portal.filesHelp')}
            placeholder={t('portal.pickFiles')}
            multiple
            clearable
            value={files}
            onChange={setFiles}
            error={errors.field.files}
            data-testid="portal-reply-files"
          />
          <Button
            type="submit"
            size="lg"
            fullWidth
            loading={send.isPending}
            disabled={!body.trim()}
            data-testid="portal-reply-submit"
          >
            {t('portal.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * A link that no longer opens the case, said kindly: an expired link (the case closed long ago;
 * the server's message, in the customer's language, names the business and the reference) or
 * a link that is unknown or was replaced by a newer one.
 */
function LinkUnavailable({ kind, message }: { kind: 'expired' | 'notFound'; message?: string }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="portal-unavailable-title"
      data-testid={kind === 'expired' ? 'portal-expired' : 'portal-not-found'}
    >
      <Stack gap="sm">
        <Title order={1} size="h2" id="portal-unavailable-title">
          {t(`portal.${kind}.title`)}
        </Title>
        {message && (
          <Text size="lg" data-testid="portal-unavailable-message">
            {message}
          </Text>
        )}
        <Text>{t(`portal.${kind}.body`)}</Text>
      </Stack>
    </Paper>
  );
}
