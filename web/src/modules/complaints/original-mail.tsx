import { Anchor, Badge, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboundMailView } from '../../../../src/modules/channels/channels.contract.ts';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

type MailFileView = InboundMailView['attachments'][number];

/** One file of a mail: a link to the case file it became (an image shown), or why it was not kept. */
function MailFile({ file }: { file: MailFileView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = `${file.filename || '—'} (${format.bytes(file.size)})`;
  if (!file.attachmentId)
    return (
      <Text size="sm">
        {label}
        {file.refused && (
          <Text span c="red.9" size="sm">
            {' '}
            · {t(`inboundMail.refused.${file.refused}`)}
          </Text>
        )}
      </Text>
    );
  const href = `/api/attachments/${file.attachmentId}`;
  return (
    <Stack gap={2}>
      <Anchor href={href} target="_blank" rel="noopener" size="sm">
        {label}
      </Anchor>
      {file.contentType.startsWith('image/') && (
        <img src={href} alt={file.filename} loading="lazy" className="mail-image" />
      )}
    </Stack>
  );
}

/** One kept mail: the text shown on the case, or the whole of it, and the raw file. */
function MailCard({ mail }: { mail: InboundMailView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [view, setView] = useState<'shown' | 'full'>('shown');
  return (
    <Stack gap="xs" data-testid="original-mail">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {mail.fromName
            ? `${mail.fromName} <${mail.fromAddress ?? ''}>`
            : (mail.fromAddress ?? '—')}
        </Text>
        <Badge color={mail.outcome === 'related' ? 'red.9' : 'blue.9'} autoContrast>
          {t(`inboundMail.outcomes.${mail.outcome}`)}
        </Badge>
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          {t('inboundMail.subject')}:{' '}
        </Text>
        {mail.subject || '—'}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={mail.receivedAt}>{format.dateTime(mail.receivedAt)}</time>
      </Text>
      {mail.outcome === 'related' && mail.relatedComplaintId && (
        <Text size="sm">
          {t('inboundMail.relatedNote')}{' '}
          <Anchor component={Link} to={`/complaints/${mail.relatedComplaintId}`}>
            {t('inboundMail.openRelated')}
          </Anchor>
        </Text>
      )}
      <SegmentedControl
        size="xs"
        value={view}
        onChange={(value) => setView(value === 'full' ? 'full' : 'shown')}
        data={[
          { value: 'shown', label: t('inboundMail.shown') },
          { value: 'full', label: t('inboundMail.full') },
        ]}
        aria-label={t('inboundMail.view')}
      />
      <Text size="sm" className="preserve-lines" data-testid="original-mail-text">
        {view === 'full' ? mail.textFull : mail.textShown}
      </Text>
      {mail.attachments.length > 0 && (
        <Stack gap={4} data-testid="original-mail-files">
          <Text size="sm" fw={600}>
            {t('inboundMail.attachments')}
          </Text>
          {mail.attachments.map((a, i) => (
            <MailFile key={`${a.filename}-${i}`} file={a} />
          ))}
        </Stack>
      )}
      <Anchor href={`/api/inbound-mail/${mail.id}/raw`} download size="sm">
        {t('inboundMail.download')}
      </Anchor>
    </Stack>
  );
}

function MailList({ inboundId, complaintId }: { inboundId?: string; complaintId?: string }) {
  const query = useQuery({
    queryKey: ['inbound-mail', inboundId ?? `case:${complaintId ?? ''}`],
    queryFn: async ({ signal }) =>
      inboundId
        ? [await api.call('inboundMail', { params: { id: inboundId }, signal })]
        : (await api.call('caseInboundMail', { params: { id: complaintId ?? '' }, signal })).items,
  });
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (query.data.length === 0) return <Text size="sm">{t('inboundMail.none')}</Text>;
  return (
    <Stack gap="lg">
      {query.data.map((mail) => (
        <MailCard key={mail.id} mail={mail} />
      ))}
    </Stack>
  );
}

/**
 * "Original mail" on a timeline event that came by e-mail: the case shows the customer's new
 * words; this opens the whole message (quoted thread, signature) and its raw file.
 */
export function OriginalMailButton(props: { inboundId?: string; complaintId?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" size="compact-xs" onClick={() => setOpened(true)}>
        {t('inboundMail.original')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('inboundMail.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && <MailList {...props} />}
      </Modal>
    </>
  );
}
