import { Anchor, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useUploadAttachment } from './complaints.api.ts';

export function AttachmentList({ attachments }: { attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attachments.length === 0) return <Text size="sm">{t('attachments.none')}</Text>;
  return (
    <List spacing={4} size="sm" data-testid="attachment-list">
      {attachments.map((a) => (
        <List.Item key={a.id} data-testid="attachment-item">
          <Anchor href={api.url('attachment', { params: { id: a.id } })} download={a.filename}>
            {a.filename}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({format.bytes(a.sizeBytes)} · {format.dateTime(a.createdAt)})
          </Text>
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
  const upload = useUploadAttachment(complaintId);

  const onFiles = (files: File[]) => {
    for (const file of files) {
      upload.mutate(file, {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('attachments.uploaded', { name: file.name }),
          }),
      });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="attachments-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="attachments-title">
            {t('attachments.title')}
          </Title>
          <FileButton onChange={onFiles} multiple>
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
