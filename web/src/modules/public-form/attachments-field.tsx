import { CloseButton, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format.ts';

/** What the form offers to pick; the server reads each file's real type from its bytes. */
const ACCEPT = [
  'image/*',
  'application/pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.txt',
  '.csv',
  'audio/*',
  'video/mp4',
].join(',');

export type UploadLimits = { maxFiles: number; maxBytes: number };

/** The first problem with the chosen files that the server would refuse, before sending them. */
export function checkFiles(
  files: readonly File[],
  limits: UploadLimits,
  t: (key: string, values?: Record<string, unknown>) => string,
  language: string,
): string | undefined {
  if (files.length > limits.maxFiles) return t('forms.tooManyFiles', { max: limits.maxFiles });
  const big = files.find((f) => f.size > limits.maxBytes);
  if (big)
    return t('forms.fileTooLarge', {
      name: big.name,
      size: formatBytes(limits.maxBytes, language),
    });
  return undefined;
}

/** Photos or documents for the complaint: picked, listed with their sizes, removable. */
export function AttachmentsField({
  files,
  onChange,
  limits,
  error,
  progress,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  limits: UploadLimits;
  error?: string;
  /** The share sent so far while the form is being sent, 0 to 1. */
  progress: number | null;
}) {
  const { t, i18n } = useTranslation();
  const size = formatBytes(limits.maxBytes, i18n.language);
  return (
    <Stack gap={6}>
      <FileInput
        size="md"
        label={t('forms.attachments')}
        description={t('forms.attachmentsHelp', { max: limits.maxFiles, size })}
        placeholder={t('forms.attachmentsPick')}
        multiple
        accept={ACCEPT}
        // A button that adds what is picked to the list below (picking again adds more, as
        // people expect on a phone); the list shows the files.
        value={[]}
        onChange={(picked) => onChange([...files, ...picked])}
        error={error}
        data-testid="public-files"
      />
      {files.length > 0 && (
        <List listStyleType="none" spacing={4} data-testid="public-file-list">
          {files.map((file, index) => (
            <List.Item key={`${file.name}-${index}`} data-testid="public-file">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {file.name}
                </Text>
                <Text size="sm" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(file.size, i18n.language)}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('forms.removeFile', { name: file.name })}
                  onClick={() => onChange(files.filter((_, i) => i !== index))}
                  disabled={progress !== null}
                />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {progress !== null && (
        <Stack gap={2} data-testid="public-upload-progress">
          <Progress
            value={Math.round(progress * 100)}
            aria-label={t('forms.uploading', { percent: Math.round(progress * 100) })}
            animated
          />
          <Text size="sm" aria-live="polite">
            {t('forms.uploading', { percent: Math.round(progress * 100) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
