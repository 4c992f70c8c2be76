/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { PortalView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { request, splitApiError } from '../../customer/api.ts';
import { t, useLanguage } from '../../customer/i18n.ts';
import { ErrorAlert, Field } from '../../customer/layout.tsx';

/**
 * "Did the fix work?", asked once per fix while the case is fixed. "No" needs a word on what is
 * still wrong, and reopens the case at once.
 */
export function FixAnswer({ url, onSent }: { url: string; onSent: (view: PortalView) => void }) {
  useLanguage();
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitApiError(error, ['comment']);

  const send = (works: boolean) => {
    if (pending) return;
    setPending(true);
    setError(null);
    request<PortalView>('POST', url, { works, comment: comment || null })
      .then(onSent, (failure: unknown) => setError(failure))
      .finally(() => setPending(false));
  };

  return (
    <section class="card stack" aria-labelledby="fix-answer-title" data-testid="portal-fix-answer">
      <h2 id="fix-answer-title">{t('followUps.portal.question')}</h2>
      <p>{t('followUps.portal.help')}</p>
      <ErrorAlert message={errors.general} />
      {answer !== 'no' ? (
        <div class="stack-tight">
          <button
            type="button"
            class="button button-confirm button-block button-large"
            disabled={pending}
            aria-busy={pending ? 'true' : undefined}
            onClick={() => {
              setAnswer('yes');
              send(true);
            }}
            data-testid="portal-fix-yes"
          >
            {t('followUps.portal.yes')}
          </button>
          <button
            type="button"
            class="button button-block button-large"
            disabled={pending}
            onClick={() => setAnswer('no')}
            data-testid="portal-fix-no"
          >
            {t('followUps.portal.no')}
          </button>
        </div>
      ) : (
        <form
          class="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            send(false);
          }}
        >
          <Field
            id="portal-fix-comment"
            label={t('followUps.portal.comment')}
            required
            error={errors.field.comment}
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={comment}
                onInput={(e) => setComment(e.currentTarget.value)}
                data-testid="portal-fix-comment"
              />
            )}
          </Field>
          <button
            type="submit"
            class="button button-primary button-block button-large"
            disabled={pending || !comment.trim()}
            aria-busy={pending ? 'true' : undefined}
            data-testid="portal-fix-send"
          >
            {pending && <span class="spinner spinner-small" aria-hidden="true" />}
            {t('followUps.portal.send')}
          </button>
        </form>
      )}
    </section>
  );
}
