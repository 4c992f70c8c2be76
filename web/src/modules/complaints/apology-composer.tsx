import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import type { SuggestionView } from '../../../../src/modules/templates/templates.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { optionalText } from '../../ui/form-values.ts';
import { useSendMessage, useSuggestions } from './complaints.api.ts';
import { CcInput, FilePicker, ReplyPreview, useFormatting } from './reply-extras.tsx';

const FIELDS = ['subject', 'body', 'step', 'cc', 'attachmentIds'] as const;

/**
 * Step 3, and the updates between the steps. Templates are offered as suggestions that fill an
 * editable draft; the agent may ignore them and write freely (the brief: never a script the agent
 * is forced to read). For the apology the agent picks the one that takes responsibility or the one
 * that only shares the customer's feelings; whatever is written keeps the standard frame.
 */
export function ApologyComposer({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const id = detail.complaint.id;
  const [kind, setKind] = useState<'apologise' | 'other'>('apologise');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [showSuggestions, setShowSuggestions] = useState(true);
  const [cc, setCc] = useState<string[]>([]);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [showPreview, setShowPreview] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const formatting = useFormatting(body, setBody, bodyRef);
  const suggestions = useSuggestions(
    id,
    kind === 'apologise' ? 'apologise' : 'update',
    showSuggestions,
  );
  const send = useSendMessage(id);
  const errors = splitApiError(send.error, FIELDS);
  const hasContact = Boolean(detail.customer.email || detail.customer.phone);

  const use = (suggestion: SuggestionView) => {
    setSubject(suggestion.subject);
    setBody(suggestion.body);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { step: kind, subject: optionalText(subject), body, cc, attachmentIds, format: 'formatted' },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('composer.sent') });
          setSubject('');
          setBody('');
          setCc([]);
          setAttachmentIds([]);
          setShowPreview(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="composer-title">
      <form onSubmit={submit} noValidate data-testid="apology-composer">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="composer-title">
              {t('composer.title')}
            </Title>
            <SegmentedControl
              aria-label={t('composer.kind')}
              value={kind}
              onChange={(value) => setKind(value === 'other' ? 'other' : 'apologise')}
              data={[
                { value: 'apologise', label: t('composer.apology') },
                { value: 'other', label: t('composer.other') },
              ]}
              data-testid="composer-kind"
            />
          </Group>
          {!hasContact && (
            <Text size="sm" c="red.9">
              {t('composer.noContact')}
            </Text>
          )}
          <Stack gap={6} data-testid="composer-suggestions">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('composer.suggestions')}
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShowSuggestions((v) => !v)}
                aria-expanded={showSuggestions}
              >
                {showSuggestions ? t('composer.hideSuggestions') : t('composer.showSuggestions')}
              </Button>
            </Group>
            {showSuggestions && (
              <>
                <Text size="xs" c="dimmed">
                  {t('composer.suggestionsHelp')}
                </Text>
                {kind === 'apologise' && (
                  <Text size="xs" c="dimmed" data-testid="composer-apology-help">
                    {t('composer.apologyHelp')}
                  </Text>
                )}
                <ErrorAlert error={suggestions.error} />
                {suggestions.data?.suggestions.length === 0 && (
                  <Text size="sm">{t('composer.noSuggestions')}</Text>
                )}
                <Group gap="xs">
                  {suggestions.data?.suggestions.map((s) => (
                    <Button
                      key={s.templateId}
                      variant="light"
                      size="compact-sm"
                      onClick={() => use(s)}
                      data-testid="composer-suggestion"
                    >
                      {t('composer.use', { name: s.name })} (
                      {LANGUAGE_NAMES[s.language] ?? s.language})
                    </Button>
                  ))}
                </Group>
              </>
            )}
          </Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('composer.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.field.subject}
            data-testid="composer-subject"
          />
          {formatting.toolbar}
          <Textarea
            ref={bodyRef}
            label={t('composer.body')}
            required
            autosize
            minRows={5}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            onKeyDown={formatting.onKeyDown}
            error={errors.field.body}
            description={t('composer.frameNote')}
            data-testid="composer-body"
          />
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowPreview((v) => !v)}
              aria-expanded={showPreview}
              disabled={!body.trim()}
              data-testid="reply-preview-toggle"
            >
              {showPreview ? t('reply.hidePreview') : t('reply.showPreview')}
            </Button>
          </Group>
          {showPreview && <ReplyPreview body={body} />}
          {detail.customer.email && <CcInput value={cc} onChange={setCc} error={errors.field.cc} />}
          <FilePicker
            complaintId={id}
            attachments={detail.attachments}
            value={attachmentIds}
            onChange={setAttachmentIds}
            error={errors.field.attachmentIds}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={send.isPending}
              disabled={!body.trim()}
              data-testid="composer-send"
            >
              {t('composer.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
