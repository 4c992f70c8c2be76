/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { PublicSurveyView } from '../../../../src/modules/surveys/surveys.contract.ts';
import { request, segment } from '../../customer/api.ts';
import { isLanguage, setLanguage, setPageTitle, t, useLanguage } from '../../customer/i18n.ts';
import { ErrorAlert, PageLoader, PublicLayout } from '../../customer/layout.tsx';
import { SurveyForm } from './survey-form.tsx';

/**
 * The page of a survey mail's links (/survey/<token>?score=N): the score comes preselected and
 * one tap sends it; `?unsubscribe=1` offers the opt-out. Opening the page records nothing.
 */
export function SurveyPage({ token, search }: { token: string; search: string }) {
  useLanguage();
  const params = new URLSearchParams(search);
  const score = Number(params.get('score'));
  const initialScore = Number.isInteger(score) && score >= 1 && score <= 5 ? score : null;
  const wantsOut = params.get('unsubscribe') === '1';
  const url = `/api/public/surveys/${segment(token)}`;
  const [view, setView] = useState<PublicSurveyView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    request<PublicSurveyView>('GET', url).then((v) => {
      if (isLanguage(v.language)) setLanguage(v.language);
      setView(v);
    }, setError);
  }, [url]);

  setPageTitle(view ? t('survey.titleFor', { reference: view.reference }) : t('survey.title'));
  const failure = error instanceof Error ? error.message : error ? t('survey.unavailable') : null;

  return (
    <PublicLayout orgName={view?.orgName} loading={!view && !error}>
      <h1>{t('survey.title')}</h1>
      <ErrorAlert message={failure} />
      {!view && !error && <PageLoader />}
      {view && <SurveyForm survey={view} url={url} initialScore={initialScore} onSent={setView} />}
      {view && (wantsOut || view.isOptedOut) && (
        <section class="card stack" aria-live="polite" data-testid="survey-opt-out">
          {view.isOptedOut ? (
            <p>{t('survey.unsubscribed')}</p>
          ) : (
            <button
              type="button"
              class="button button-block"
              disabled={pending}
              onClick={() => {
                setPending(true);
                request<PublicSurveyView>('POST', `${url}/opt-out`)
                  .then(setView, setError)
                  .finally(() => setPending(false));
              }}
              data-testid="survey-unsubscribe"
            >
              {t('survey.unsubscribe')}
            </button>
          )}
        </section>
      )}
    </PublicLayout>
  );
}
