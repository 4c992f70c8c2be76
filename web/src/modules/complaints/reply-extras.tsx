import {
  ActionIcon,
  Button,
  Checkbox,
  FileButton,
  Group,
  Paper,
  Stack,
  TagsInput,
  Text,
  Tooltip,
} from '@mantine/core';
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { FormattedText } from '../../ui/formatted-text.tsx';
import { useUploadAttachments } from './complaints.api.ts';

type Edit = { text: string; start: number; end: number };

/** Wraps the selection in marks (`**…**`), or inserts them with the cursor between. */
function wrap(edit: Edit, before: string, after: string, placeholder: string): Edit {
  const selected = edit.text.slice(edit.start, edit.end) || placeholder;
  const text =
    edit.text.slice(0, edit.start) + before + selected + after + edit.text.slice(edit.end);
  const start = edit.start + before.length;
  return { text, start, end: start + selected.length };
}

/** Starts each selected line (or the current one) with a list mark. */
function prefixLines(edit: Edit, numbered: boolean): Edit {
  const lineStart = edit.text.lastIndexOf('\n', edit.start - 1) + 1;
  const nextBreak = edit.text.indexOf('\n', edit.end);
  const lineEnd = nextBreak === -1 ? edit.text.length : nextBreak;
  const block = edit.text
    .slice(lineStart, lineEnd)
    .split('\n')
    .map((line, i) => `${numbered ? `${i + 1}. ` : '- '}${line}`)
    .join('\n');
  const text = edit.text.slice(0, lineStart) + block + edit.text.slice(lineEnd);
  return { text, start: lineStart, end: lineStart + block.length };
}

/**
 * Bold, lists and links for the reply: buttons, and Ctrl/⌘+B and Ctrl/⌘+K in the text box. The
 * marks are plain text (`**bold**`, `- item`, `[label](https://…)`), so the mail's text part
 * reads well; the preview shows what the customer's mail client shows.
 */
export function useFormatting(
  body: string,
  setBody: (value: string) => void,
  ref: RefObject<HTMLTextAreaElement | null>,
) {
  const { t } = useTranslation();
  const apply = (change: (edit: Edit) => Edit) => {
    const area = ref.current;
    const edit = change({
      text: body,
      start: area?.selectionStart ?? body.length,
      end: area?.selectionEnd ?? body.length,
    });
    setBody(edit.text);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(edit.start, edit.end);
    });
  };
  const bold = () => apply((e) => wrap(e, '**', '**', t('reply.boldPlaceholder')));
  const link = () => apply((e) => wrap(e, '[', '](https://)', t('reply.linkPlaceholder')));
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'b') {
      event.preventDefault();
      bold();
    } else if (key === 'k') {
      event.preventDefault();
      link();
    }
  };
  const toolbar = (
    <Group gap={4} role="toolbar" aria-label={t('reply.formatting')} data-testid="reply-toolbar">
      <Tooltip label={`${t('reply.bold')} (Ctrl+B)`}>
        <ActionIcon variant="default" onClick={bold} aria-label={t('reply.bold')}>
          <strong aria-hidden>B</strong>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('reply.bullets')}>
        <ActionIcon
          variant="default"
          onClick={() => apply((e) => prefixLines(e, false))}
          aria-label={t('reply.bullets')}
        >
          <span aria-hidden>•</span>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('reply.numbers')}>
        <ActionIcon
          variant="default"
          onClick={() => apply((e) => prefixLines(e, true))}
          aria-label={t('reply.numbers')}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
            <path d="M6 3h9M6 8h9M6 13h9" stroke="currentColor" strokeWidth="1.6" />
            <path
              d="M2 1.5v4M1.2 14.5h2.4M1.4 9.8c.6-.9 2.2-.6 1.9.6L1.2 14.5"
              stroke="currentColor"
              strokeWidth="1.1"
              fill="none"
            />
          </svg>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`${t('reply.link')} (Ctrl+K)`}>
        <ActionIcon variant="default" onClick={link} aria-label={t('reply.link')}>
          <span aria-hidden>🔗</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  return { toolbar, onKeyDown };
}

export function ReplyPreview({ body }: { body: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={t('reply.preview')}>
      <Text size="xs" c="dimmed" mb={4}>
        {t('reply.preview')}
      </Text>
      <FormattedText text={body} testId="reply-preview" />
    </Paper>
  );
}

export function CcInput(props: {
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('reply.cc')}
      description={t('reply.ccHelp')}
      placeholder={t('reply.ccPlaceholder')}
      value={props.value}
      onChange={props.onChange}
      maxTags={10}
      splitChars={[',', ';', ' ']}
      clearable
      error={props.error}
      data-testid="reply-cc"
    />
  );
}

/** The case files to send with the reply, and a new one uploaded on the spot. */
export function FilePicker(props: {
  complaintId: string;
  attachments: AttachmentView[];
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const upload = useUploadAttachments(props.complaintId);
  const reset = useRef<() => void>(null);
  const onFiles = (files: File[]) => {
    reset.current?.();
    if (files.length === 0) return;
    upload.mutate(
      { files, visibleToCustomer: false },
      { onSuccess: (result) => props.onChange([...props.value, ...result.items.map((f) => f.id)]) },
    );
  };
  return (
    <Stack gap={4}>
      <Checkbox.Group
        label={t('reply.files')}
        description={t('reply.filesHelp')}
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        data-testid="reply-files"
      >
        <Stack gap={4} mt={4}>
          {props.attachments.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('attachments.none')}
            </Text>
          )}
          {props.attachments.map((a) => (
            <Checkbox
              key={a.id}
              value={a.id}
              label={`${a.filename} (${format.bytes(a.sizeBytes)})`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group>
        <FileButton
          onChange={onFiles}
          multiple
          resetRef={reset}
          inputProps={{ 'aria-label': t('reply.attachNew'), id: 'reply-attach-input' }}
        >
          {(button) => (
            <Button
              {...button}
              variant="default"
              size="compact-sm"
              loading={upload.isPending}
              data-testid="reply-attach"
            >
              {t('reply.attachNew')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={upload.error} />
    </Stack>
  );
}
