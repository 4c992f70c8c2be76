import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useUploadAttachments } from './complaints.api.ts';

/** Whether the customer sees a file in the portal, said in words, not only by colour. */
function VisibilityBadge({ attachment }: { attachment: AttachmentView }) {
  const { t } = useTranslation();
  return attachment.visibleToCustomer ? (
    <Badge color="teal" variant="light" data-testid="attachment-visibility" data-visible="true">
      {t('attachments.visible')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" data-testid="attachment-visibility" data-visible="false">
      {t('attachments.internal')}
    </Badge>
  );
}

export function AttachmentList({ attachments }: { attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attachments.length === 0) return <Text size="sm">{t('attachments.none')}</Text>;
  return (
    <List spacing={6} size="sm" listStyleType="none" data-testid="attachment-list">
      {attachments.map((a) => (
        <List.Item key={a.id} data-testid="attachment-item" data-filename={a.filename}>
          <Group gap="xs" wrap="wrap">
            <Anchor href={api.url('attachment', { params: { id: a.id } })} download={a.filename}>
              {a.filename}
            </Anchor>
            <VisibilityBadge attachment={a} />
            {a.kind === 'call_recording' && (
              <Badge color="indigo.9" variant="filled" autoContrast data-testid="attachment-kind">
                {t('calls.recording')}
              </Badge>
            )}
            <Text span size="xs" c="dimmed">
              {[
                a.uploadedBy === 'customer' ? t('attachments.fromCustomer') : '',
                format.bytes(a.sizeBytes),
                format.dateTime(a.createdAt),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function AttachmentsPanel({
  complaintId,
  attachments,
}: {
  complaintId: string;
  attachments: AttachmentView[];
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachments(complaintId);
  // Off by default: a staff file is internal unless the agent shares it on purpose.
  const [visibleToCustomer, setVisibleToCustomer] = useState(false);
  // Lets the same file be picked again after an upload.
  const resetFiles = useRef<() => void>(null);

  const onFiles = (files: File[]) => {
    resetFiles.current?.();
    if (files.length === 0) return;
    upload.mutate(
      { files, visibleToCustomer },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t(visibleToCustomer ? 'attachments.uploadedShared' : 'attachments.uploaded', {
              count: files.length,
              name: files.map((f) => f.name).join(', '),
            }),
          });
          // Each upload decides again; sharing never carries over to the next files.
          setVisibleToCustomer(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="attachments-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="attachments-title">
          {t('attachments.title')}
        </Title>
        {/* Sharing comes first in tab order: it applies to the files picked next. */}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Checkbox
            label={t('attachments.shareLabel')}
            description={t('attachments.shareHelp')}
            checked={visibleToCustomer}
            onChange={(event) => setVisibleToCustomer(event.currentTarget.checked)}
            data-testid="attachment-visible-to-customer"
          />
          <FileButton onChange={onFiles} multiple resetRef={resetFiles}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                loading={upload.isPending}
                data-testid="attachment-upload"
              >
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        <ErrorAlert error={upload.error} />
        <AttachmentList attachments={attachments} />
      </Stack>
    </Paper>
  );
}
