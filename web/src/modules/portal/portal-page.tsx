/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PortalView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { ApiError, request, segment } from '../../customer/api.ts';
import { formatBytes } from '../../customer/bytes.ts';
import { formatDateTime } from '../../customer/format.ts';
import {
  isLanguage,
  setLanguage,
  setPageTitle,
  t,
  useLanguage,
  type Language,
} from '../../customer/i18n.ts';
import { ErrorAlert, PageLoader, PublicLayout } from '../../customer/layout.tsx';
import { eventLines, eventSentence } from './event-text.ts';
import { ReplyForm } from './reply-form.tsx';
import { FixAnswer } from './fix-answer.tsx';
import { PortalSurvey } from './portal-survey.tsx';

type Steps = PortalView['steps'];
type PortalEvent = PortalView['events'][number];

function StatusBadge({ status }: { status: PortalView['status'] }) {
  return (
    <span class={`badge status-${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** The 8 steps of the loop as an ordered list: done, current, pending. */
function StepRail({ steps, when }: { steps: Steps; when: (iso: string) => string }) {
  return (
    <section class="card" aria-labelledby="step-rail-title">
      <h2 id="step-rail-title" class="small-title">
        {t('steps.title')}
      </h2>
      <ol class="steps" data-testid="step-rail">
        {steps.map((step, index) => (
          <li
            key={step.step}
            class={`step step-${step.state}`}
            data-testid={`step-${step.step}`}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span class="step-icon" aria-hidden="true">
              {step.state === 'done' ? '✓' : step.state === 'skipped' ? '–' : index + 1}
            </span>
            <span>
              <span class="step-name">{t(`steps.${step.step}`)}</span>
              <span class="step-state">
                <span class="visually-hidden">{t('steps.stateLabel')}: </span>
                {t(`steps.state.${step.state}`)}
                {step.at ? ` · ${when(step.at)}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function EventItem({
  event,
  language,
  timeZone,
}: {
  event: PortalEvent;
  language: Language;
  timeZone: string;
}) {
  const lines = eventLines(event.type, event.data, language, timeZone);
  return (
    <li class="event" data-testid="portal-event" data-type={event.type}>
      <p class="event-title">{eventSentence(event)}</p>
      {lines.map((line, index) => (
        <p
          key={index}
          class={line.block ? 'small preserve-lines' : 'small'}
          data-testid={line.testId}
        >
          {line.label && <span class="strong">{line.label}: </span>}
          {line.value}
        </p>
      ))}
      <p class="tiny dimmed">
        <time dateTime={event.createdAt}>
          {formatDateTime(event.createdAt, language, timeZone)}
        </time>
      </p>
    </li>
  );
}

/**
 * A link that no longer opens the case, said kindly: an expired link (the case closed long ago;
 * the server's message, in the customer's language, names the business and the reference) or
 * a link that is unknown or was replaced by a newer one.
 */
function LinkUnavailable({ kind, message }: { kind: 'expired' | 'notFound'; message?: string }) {
  return (
    <section
      class="card stack"
      aria-labelledby="portal-unavailable-title"
      data-testid={kind === 'expired' ? 'portal-expired' : 'portal-not-found'}
    >
      <h1 id="portal-unavailable-title">{t(`portal.${kind}.title`)}</h1>
      {message && (
        <p class="lead" data-testid="portal-unavailable-message">
          {message}
        </p>
      )}
      <p>{t(`portal.${kind}.body`)}</p>
    </section>
  );
}

/** The customer's page of one case (`/track/<token>`): where it stands, and a way to answer. */
export function PortalPage({ token }: { token: string }) {
  const language = useLanguage();
  const chosenLanguage = useRef(false);
  const [view, setView] = useState<PortalView | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const base = `/api/portal/${segment(token)}`;

  const accept = (data: PortalView) => {
    setView(data);
    setError(null);
    // The case's language applies until the customer picks another.
    if (!chosenLanguage.current && isLanguage(data.language)) {
      chosenLanguage.current = true;
      setLanguage(data.language);
    }
  };

  // Asked again in the page's language when it changes: the server words its messages in it.
  useEffect(() => {
    let current = true;
    request<PortalView>('GET', base)
      .then(
        (data) => current && accept(data),
        (failure: unknown) => current && setError(failure),
      )
      .finally(() => current && setPending(false));
    return () => {
      current = false;
    };
  }, [base, language]);

  const unavailable =
    error instanceof ApiError && !view
      ? error.status === 410
        ? t('portal.expired.title')
        : error.status === 404
          ? t('portal.notFound.title')
          : undefined
      : undefined;
  setPageTitle(
    view ? t('portal.titleFor', { reference: view.reference }) : (unavailable ?? t('portal.title')),
  );

  const timeZone = view?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const when = (iso: string) => formatDateTime(iso, language, timeZone);

  const layout = (content: ComponentChildren) => (
    <PublicLayout
      orgName={view?.orgName}
      loading={pending && !view && !error}
      onLanguageChange={(next) => {
        chosenLanguage.current = true;
        // The customer's choice carries to the case: its mail speaks it from now on.
        if (view && view.language !== next)
          void request<PortalView>('POST', `${base}/language`, { language: next }).then(
            (data) => setView(data),
            () => undefined,
          );
      }}
    >
      {content}
    </PublicLayout>
  );

  if (pending && !view && !error) return layout(<PageLoader />);
  if (!view) {
    if (error instanceof ApiError && error.status === 410 && error.code === 'link_expired')
      return layout(<LinkUnavailable kind="expired" message={error.message} />);
    if (error instanceof ApiError && error.status === 404)
      return layout(<LinkUnavailable kind="notFound" />);
    return layout(
      <div class="stack">
        <h1>{t('portal.title')}</h1>
        <ErrorAlert message={error instanceof Error ? error.message : String(error)} />
      </div>,
    );
  }

  const readBack = view.readBack;
  const events = [...view.events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const confirm = (version: number) => {
    setConfirming(true);
    setConfirmError(null);
    request<PortalView>('POST', `${base}/readback/confirm`, { version })
      .then(setView, setConfirmError)
      .finally(() => setConfirming(false));
  };

  return layout(
    <div class="stack" data-testid="portal">
      <section class="card stack-tight">
        <p class="small strong">{t('portal.yourComplaint')}</p>
        <h1 data-testid="portal-reference">{view.reference}</h1>
        <div>
          <StatusBadge status={view.status} />
        </div>
        <p class="small">{t('portal.receivedAt', { at: when(view.createdAt) })}</p>
        {view.acknowledgedAt && (
          <p class="small">{t('portal.acknowledgedAt', { at: when(view.acknowledgedAt) })}</p>
        )}
        <p class="small">{t(`portal.statusHelp.${view.status}`)}</p>
      </section>

      {view.askFixWorked && <FixAnswer url={`${base}/fix-answer`} onSent={setView} />}

      <PortalSurvey base={base} status={view.status} />

      {view.steps.length > 0 && <StepRail steps={view.steps} when={when} />}

      {readBack && (
        <section
          class="card stack"
          aria-labelledby="portal-readback-title"
          data-testid="portal-readback"
        >
          <h2 id="portal-readback-title">{t('portal.readBackTitle')}</h2>
          <p>{t('portal.readBackHelp')}</p>
          <blockquote class="quote preserve-lines" data-testid="portal-readback-text">
            {readBack.text}
          </blockquote>
          {readBack.confirmedAt ? (
            <div class="alert alert-success" data-testid="portal-confirmed">
              <p class="alert-title">{t('portal.confirmedTitle')}</p>
              <p>{t('portal.confirmedAt', { at: when(readBack.confirmedAt) })}</p>
            </div>
          ) : (
            <>
              <ErrorAlert message={confirmError instanceof Error ? confirmError.message : null} />
              <button
                type="button"
                class="button button-confirm button-block button-large"
                onClick={() => confirm(readBack.version)}
                disabled={confirming}
                aria-busy={confirming ? 'true' : undefined}
                data-testid="portal-confirm"
              >
                {confirming && <span class="spinner spinner-small" aria-hidden="true" />}
                {t('portal.confirm')}
              </button>
              <p class="small">{t('portal.notRight')}</p>
            </>
          )}
        </section>
      )}

      <ReplyForm url={`${base}/messages`} onSent={setView} />

      <section class="card stack-tight" aria-labelledby="portal-history-title">
        <h2 id="portal-history-title">{t('portal.history')}</h2>
        {events.length === 0 && <p class="small">{t('timeline.empty')}</p>}
        <ol class="timeline" data-testid="portal-timeline">
          {events.map((event) => (
            <EventItem key={event.id} event={event} language={language} timeZone={timeZone} />
          ))}
        </ol>
      </section>

      {view.attachments.length > 0 && (
        <section class="card stack-tight" aria-labelledby="portal-files-title">
          <h2 id="portal-files-title">{t('attachments.title')}</h2>
          <ul class="file-list" data-testid="portal-attachments">
            {view.attachments.map((a) => (
              <li key={a.id}>
                <a
                  class="file-name"
                  href={`${base}/attachments/${segment(a.id)}`}
                  download={a.filename}
                >
                  {a.filename}
                </a>{' '}
                <span class="badge badge-outline">{formatBytes(a.sizeBytes, language)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>,
  );
}
