/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { PortalView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { request, splitApiError } from '../../customer/api.ts';
import { FilesField } from '../../customer/files-field.tsx';
import { t, useLanguage } from '../../customer/i18n.ts';
import { ErrorAlert, Field } from '../../customer/layout.tsx';

/** The customer answers in the portal: a message, with photos or documents if they like. */
export function ReplyForm({ url, onSent }: { url: string; onSent: (view: PortalView) => void }) {
  useLanguage();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitApiError(error, ['body', 'files']);

  const submit = (event: Event) => {
    event.preventDefault();
    if (pending || !body.trim()) return;
    setSent(false);
    setError(null);
    setPending(true);
    const form = new FormData();
    form.append('body', body);
    for (const file of files) form.append('files', file);
    request<PortalView>('POST', url, form)
      .then(
        (view) => {
          setBody('');
          setFiles([]);
          setSent(true);
          onSent(view);
        },
        (failure: unknown) => setError(failure),
      )
      .finally(() => setPending(false));
  };

  return (
    <section class="card" aria-labelledby="portal-reply-title">
      <form onSubmit={submit} noValidate data-testid="portal-reply" class="stack">
        <h2 id="portal-reply-title">{t('portal.replyTitle')}</h2>
        {sent && (
          <div class="alert alert-success" role="status" data-testid="portal-reply-sent">
            {t('portal.replySent')}
          </div>
        )}
        <ErrorAlert message={errors.general} />
        <Field
          id="portal-reply-body"
          label={t('portal.replyBody')}
          required
          error={errors.field.body}
        >
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={body}
              onInput={(e) => setBody(e.currentTarget.value)}
              data-testid="portal-reply-body"
            />
          )}
        </Field>
        <FilesField
          id="portal-reply-files"
          label={t('portal.files')}
          help={t('portal.filesHelp')}
          pick={t('portal.pickFiles')}
          files={files}
          onChange={setFiles}
          error={errors.field.files}
          testId="portal-reply-files"
          fileTestId="portal-reply-file"
        />
        <button
          type="submit"
          class="button button-primary button-block button-large"
          disabled={pending || !body.trim()}
          aria-busy={pending ? 'true' : undefined}
          data-testid="portal-reply-submit"
        >
          {pending && <span class="spinner spinner-small" aria-hidden="true" />}
          {t('portal.send')}
        </button>
      </form>
    </section>
  );
}
