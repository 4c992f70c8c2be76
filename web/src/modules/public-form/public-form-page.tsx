/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  publicComplaintRequest,
  publicOrgView,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import type { z } from 'zod';
import { request, segment, splitApiError } from '../../customer/api.ts';
import { checkFiles, FilesField } from '../../customer/files-field.tsx';
import { formatBytes } from '../../customer/bytes.ts';
import {
  currentLanguage,
  isLanguage,
  setLanguage,
  setPageTitle,
  t,
  useLanguage,
} from '../../customer/i18n.ts';
import { ErrorAlert, Field, PageLoader, PublicLayout } from '../../customer/layout.tsx';
import { Thanks, type Submitted } from './thanks.tsx';

type PublicOrg = z.output<typeof publicOrgView>;
type FormBody = z.input<typeof publicComplaintRequest>;

const FIELDS = [
  'name',
  'phone',
  'email',
  'description',
  'reasonId',
  'orderRef',
  'askText',
  'file',
] as const;

/** Blank means "not given"; text is otherwise sent exactly as typed. */
const optionalText = (value: string): string | undefined => (value.trim() ? value : undefined);

/** The fields first, then the files: the server answers a mistyped field before reading photos. */
function formDataOf(body: FormBody, files: readonly File[]): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(body))
    if (typeof value === 'string' && value !== '') data.append(name, value);
  for (const file of files) data.append('files', file);
  return data;
}

/** Top-level reasons with children become option groups (the parent stays selectable). */
function ReasonOptions({ reasons }: { reasons: PublicOrg['reasons'] }) {
  const ids = new Set(reasons.map((r) => r.id));
  const roots = reasons.filter((r) => !r.parentId || !ids.has(r.parentId));
  return (
    <>
      {roots.map((root) => {
        const children = reasons.filter((r) => r.parentId === root.id);
        if (children.length === 0)
          return (
            <option key={root.id} value={root.id}>
              {root.name}
            </option>
          );
        return (
          <optgroup key={root.id} label={root.name}>
            {[root, ...children].map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

/** The public complaint form of an org (`/complain/<org>`), in the customer's language. */
export function PublicFormPage({ orgSlug, params }: { orgSlug: string; params: URLSearchParams }) {
  const language = useLanguage();
  const chosenLanguage = useRef(isLanguage(params.get('lang')));
  const [org, setOrg] = useState<PublicOrg | undefined>(undefined);
  const [orgError, setOrgError] = useState<unknown>(null);
  const [orgPending, setOrgPending] = useState(true);

  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [description, setDescription] = useState('');
  const [reasonId, setReasonId] = useState('');
  const [orderRef, setOrderRef] = useState('');
  const [askText, setAskText] = useState('');
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState<Submitted | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const lang = params.get('lang');
    if (isLanguage(lang)) setLanguage(lang);
  }, [params]);

  // The org's reasons are named in the page's language: asked again when it changes.
  useEffect(() => {
    let current = true;
    request<PublicOrg>('GET', `/api/public/orgs/${segment(orgSlug)}`).then(
      (data) => {
        if (!current) return;
        setOrg(data);
        setOrgError(null);
        setOrgPending(false);
        // The org's default language applies until the customer picks one.
        if (!chosenLanguage.current && isLanguage(data.defaultLanguage)) {
          chosenLanguage.current = true;
          setLanguage(data.defaultLanguage);
        }
      },
      (error: unknown) => {
        if (!current) return;
        setOrgError(error);
        setOrgPending(false);
      },
    );
    return () => {
      current = false;
    };
  }, [orgSlug, language]);

  setPageTitle(org ? t('public.titleFor', { org: org.name }) : t('public.title'));

  const errors = splitApiError(submitError, FIELDS);
  const hasFieldErrors = Object.keys(errors.field).length > 0;
  const limits = org?.uploads ?? { maxFiles: 10, maxBytes: 10 * 1024 * 1024 };
  const filesProblem = checkFiles(files, limits);

  useEffect(() => {
    // Every refused field is marked at once; the first of them takes the focus.
    if (hasFieldErrors)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasFieldErrors, submitError]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (filesProblem || pending) return;
    const body: FormBody = {
      name,
      phone: optionalText(phone.trim()),
      email: optionalText(email.trim()),
      description,
      reasonId: reasonId || undefined,
      orderRef: optionalText(orderRef),
      askText: optionalText(askText),
      language: currentLanguage(),
      website,
    };
    const url = `/api/public/orgs/${segment(orgSlug)}/complaints`;
    setPending(true);
    setSubmitError(null);
    setProgress(files.length > 0 ? 0 : null);
    const sent =
      files.length === 0
        ? request<Submitted>('POST', url, body)
        : request<Submitted>('POST', url, formDataOf(body, files), setProgress);
    sent
      .then(
        (data) => {
          setSubmitted(data);
          window.scrollTo({ top: 0 });
        },
        (error: unknown) => setSubmitError(error),
      )
      .finally(() => {
        setPending(false);
        setProgress(null);
      });
  };

  const layout = (content: ComponentChildren) => (
    <PublicLayout
      orgName={org?.name}
      loading={orgPending && !org}
      onLanguageChange={() => {
        chosenLanguage.current = true;
      }}
    >
      {content}
    </PublicLayout>
  );

  if (orgPending && !org) return layout(<PageLoader />);
  if (orgError && !org) {
    return layout(
      <div class="stack">
        <h1>{t('public.title')}</h1>
        <ErrorAlert message={orgError instanceof Error ? orgError.message : String(orgError)} />
      </div>,
    );
  }
  if (submitted) return layout(<Thanks submitted={submitted} />);

  const reasons = org?.reasons ?? [];
  return layout(
    <div class="card">
      <form ref={formRef} onSubmit={onSubmit} noValidate data-testid="public-form" class="stack">
        <h1>{t('public.title')}</h1>
        <p>{t('public.intro')}</p>
        <ErrorAlert message={errors.general} testId="public-form-error" />
        {hasFieldErrors && (
          <div class="alert alert-error" role="alert" data-testid="public-form-fix-fields">
            {t('forms.fixFields')}
          </div>
        )}
        <Field id="public-name" label={t('public.name')} required error={errors.field.name}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="name"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              data-testid="public-name"
            />
          )}
        </Field>
        <Field id="public-phone" label={t('public.phone')} error={errors.field.phone}>
          {(props) => (
            <input
              {...props}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
              data-testid="public-phone"
            />
          )}
        </Field>
        <Field
          id="public-email"
          label={t('public.email')}
          help={t('public.contactHelp')}
          error={errors.field.email}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              inputMode="email"
              autoComplete="email"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              data-testid="public-email"
            />
          )}
        </Field>
        {reasons.length > 0 && (
          <Field id="public-reason" label={t('public.reason')} error={errors.field.reasonId}>
            {(props) => (
              <select
                {...props}
                value={reasonId}
                onChange={(e) => setReasonId(e.currentTarget.value)}
                data-testid="public-reason"
              >
                <option value="">{t('public.reasonNone')}</option>
                <ReasonOptions reasons={reasons} />
              </select>
            )}
          </Field>
        )}
        <Field
          id="public-description"
          label={t('public.description')}
          required
          error={errors.field.description}
        >
          {(props) => (
            <textarea
              {...props}
              rows={5}
              value={description}
              onInput={(e) => setDescription(e.currentTarget.value)}
              data-testid="public-description"
            />
          )}
        </Field>
        <Field id="public-order-ref" label={t('public.orderRef')} error={errors.field.orderRef}>
          {(props) => (
            <input
              {...props}
              type="text"
              value={orderRef}
              onInput={(e) => setOrderRef(e.currentTarget.value)}
              data-testid="public-order-ref"
            />
          )}
        </Field>
        <Field id="public-ask-text" label={t('public.askText')} error={errors.field.askText}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={askText}
              onInput={(e) => setAskText(e.currentTarget.value)}
              data-testid="public-ask-text"
            />
          )}
        </Field>
        <FilesField
          id="public-files"
          label={t('forms.attachments')}
          help={t('forms.attachmentsHelp', {
            max: limits.maxFiles,
            size: formatBytes(limits.maxBytes, language),
          })}
          pick={t('forms.attachmentsPick')}
          files={files}
          onChange={setFiles}
          error={filesProblem ?? errors.field.file}
          progress={progress}
          testId="public-files"
          fileTestId="public-file"
        />
        {/* Honeypot: people never see or reach it; bots that fill every field do. */}
        <div aria-hidden="true" class="honeypot">
          <label for="public-website">Leave this empty</label>
          <input
            id="public-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onInput={(e) => setWebsite(e.currentTarget.value)}
            data-testid="public-website"
          />
        </div>
        {orgError !== null && (
          <div class="alert alert-error" role="alert">
            {t('errors.network')}
          </div>
        )}
        <button
          type="submit"
          class="button button-primary button-block button-large"
          aria-busy={pending ? 'true' : undefined}
          disabled={pending}
          data-testid="public-form-submit"
        >
          {pending && <span class="spinner spinner-small" aria-hidden="true" />}
          {t('public.submit')}
        </button>
        <p class="small dimmed">{t('public.privacy')}</p>
      </form>
    </div>,
  );
}
