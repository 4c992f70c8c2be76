import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import { currentLanguage, isUiLanguage, setUiLanguage } from '../../i18n/i18n.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { PublicLayout } from '../../ui/public-layout.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { optionalText } from '../../ui/form-values.ts';
import { AttachmentsField, checkFiles } from './attachments-field.tsx';

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

type FormBody = RequestOf<'submitPublicComplaint'>['body'];

/** The fields first, then the files: the server answers a mistyped field before reading photos. */
function formDataOf(body: FormBody, files: readonly File[]): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(body))
    if (typeof value === 'string' && value !== '') data.append(name, value);
  for (const file of files) data.append('files', file);
  return data;
}

type ReasonOption = { value: string; label: string };

/** Top-level reasons with children become option groups (the parent stays selectable). */
function reasonOptions(
  reasons: ResponseOf<'publicOrg'>['reasons'],
): (ReasonOption | { group: string; items: ReasonOption[] })[] {
  const ids = new Set(reasons.map((r) => r.id));
  const roots = reasons.filter((r) => !r.parentId || !ids.has(r.parentId));
  return roots.map((root) => {
    const children = reasons.filter((r) => r.parentId === root.id);
    if (children.length === 0) return { value: root.id, label: root.name };
    return {
      group: root.name,
      items: [root, ...children].map((r) => ({ value: r.id, label: r.name })),
    };
  });
}

/** Relative tracking links stay inside the app; absolute ones are used as they are. */
function trackingPath(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.origin === window.location.origin ? `${parsed.pathname}${parsed.search}` : null;
  } catch {
    return null;
  }
}

export function PublicFormPage() {
  const { orgSlug = '' } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const chosenLanguage = useRef(isUiLanguage(params.get('lang')));

  useEffect(() => {
    const lang = params.get('lang');
    if (isUiLanguage(lang)) void setUiLanguage(lang, false);
  }, [params]);

  const org = useQuery({
    queryKey: ['public', 'org', orgSlug, i18n.language],
    queryFn: ({ signal }) => api.call('publicOrg', { params: { slug: orgSlug }, signal }),
    placeholderData: (previous) => previous,
  });

  useEffect(() => {
    // The org's default language applies until the customer picks one.
    if (org.data && !chosenLanguage.current && isUiLanguage(org.data.defaultLanguage)) {
      chosenLanguage.current = true;
      void setUiLanguage(org.data.defaultLanguage, false);
    }
  }, [org.data]);

  usePageTitle(org.data ? t('public.titleFor', { org: org.data.name }) : t('public.title'));

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
  const formRef = useRef<HTMLFormElement>(null);

  const submit = useMutation({
    mutationFn: (body: FormBody) =>
      files.length === 0
        ? api.call('submitPublicComplaint', { params: { slug: orgSlug }, body })
        : api.call('submitPublicComplaintWithFiles', {
            params: { slug: orgSlug },
            body: formDataOf(body, files),
            onUploadProgress: setProgress,
          }),
    onMutate: () => setProgress(files.length > 0 ? 0 : null),
    onSettled: () => setProgress(null),
    onSuccess: () => window.scrollTo({ top: 0 }),
  });
  const errors = splitApiError(submit.error, FIELDS);
  const hasFieldErrors = Object.keys(errors.field).length > 0;
  const limits = org.data?.uploads ?? { maxFiles: 10, maxBytes: 10 * 1024 * 1024 };
  const filesProblem = checkFiles(files, limits, t, i18n.language);

  useEffect(() => {
    // Every refused field is marked at once; the first of them takes the focus.
    if (hasFieldErrors)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasFieldErrors, submit.error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (filesProblem) return;
    submit.mutate({
      name,
      phone: optionalText(phone.trim()),
      email: optionalText(email.trim()),
      description,
      reasonId: reasonId || undefined,
      orderRef: optionalText(orderRef),
      askText: optionalText(askText),
      language: currentLanguage(),
      website,
    });
  };

  const layout = (content: ReactNode) => (
    <PublicLayout
      orgName={org.data?.name}
      onLanguageChange={() => {
        chosenLanguage.current = true;
      }}
    >
      {content}
    </PublicLayout>
  );

  if (org.isPending) return layout(<PageLoader />);
  if (org.isError && !org.data) {
    return layout(
      <Stack>
        <Title order={1} size="h2">
          {t('public.title')}
        </Title>
        <ErrorAlert error={org.error} />
      </Stack>,
    );
  }

  if (submit.data) {
    const { reference, trackingUrl } = submit.data;
    const path = trackingPath(trackingUrl);
    return layout(
      <Paper withBorder p="lg" radius="md" data-testid="public-form-success">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('public.thanksTitle')}
          </Title>
          <Text size="lg">{t('public.thanksBody')}</Text>
          <div>
            <Text size="sm" fw={600}>
              {t('public.reference')}
            </Text>
            <Text size="xl" fw={800} data-testid="public-reference">
              {reference}
            </Text>
          </div>
          <Text>{t('public.trackingHelp')}</Text>
          {path ? (
            <Button
              component={Link}
              to={path}
              size="lg"
              fullWidth
              data-testid="public-tracking-link"
            >
              {t('public.openTracking')}
            </Button>
          ) : (
            <Button
              component="a"
              href={trackingUrl}
              size="lg"
              fullWidth
              data-testid="public-tracking-link"
            >
              {t('public.openTracking')}
            </Button>
          )}
          <Anchor href={trackingUrl} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {trackingUrl}
          </Anchor>
          <CopyButton value={new URL(trackingUrl, window.location.origin).toString()}>
            {({ copied, copy }) => (
              <Button variant="default" size="lg" fullWidth onClick={copy}>
                {copied ? t('public.copied') : t('public.copyLink')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Paper>,
    );
  }

  const reasons = org.data?.reasons ?? [];
  return layout(
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form ref={formRef} onSubmit={onSubmit} noValidate data-testid="public-form">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('public.title')}
          </Title>
          <Text>{t('public.intro')}</Text>
          <ErrorAlert error={errors.general} testId="public-form-error" />
          {hasFieldErrors && (
            <Alert color="red" variant="light" role="alert" data-testid="public-form-fix-fields">
              {t('forms.fixFields')}
            </Alert>
          )}
          <TextInput
            size="md"
            label={t('public.name')}
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.field.name}
            data-testid="public-name"
          />
          <TextInput
            size="md"
            type="tel"
            inputMode="tel"
            label={t('public.phone')}
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.field.phone}
            data-testid="public-phone"
          />
          <TextInput
            size="md"
            type="email"
            inputMode="email"
            label={t('public.email')}
            description={t('public.contactHelp')}
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.field.email}
            data-testid="public-email"
          />
          {reasons.length > 0 && (
            <NativeSelect
              size="md"
              label={t('public.reason')}
              value={reasonId}
              onChange={(e) => setReasonId(e.currentTarget.value)}
              data={[{ value: '', label: t('public.reasonNone') }, ...reasonOptions(reasons)]}
              error={errors.field.reasonId}
              data-testid="public-reason"
            />
          )}
          <Textarea
            size="md"
            label={t('public.description')}
            required
            autosize
            minRows={5}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.field.description}
            data-testid="public-description"
          />
          <TextInput
            size="md"
            label={t('public.orderRef')}
            value={orderRef}
            onChange={(e) => setOrderRef(e.currentTarget.value)}
            error={errors.field.orderRef}
            data-testid="public-order-ref"
          />
          <Textarea
            size="md"
            label={t('public.askText')}
            autosize
            minRows={2}
            value={askText}
            onChange={(e) => setAskText(e.currentTarget.value)}
            error={errors.field.askText}
            data-testid="public-ask-text"
          />
          <AttachmentsField
            files={files}
            onChange={setFiles}
            limits={limits}
            error={filesProblem ?? errors.field.file}
            progress={progress}
          />
          {/* Honeypot: people never see or reach it; bots that fill every field do. */}
          <div
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: '-10000px',
              top: 'auto',
              width: 1,
              height: 1,
              overflow: 'hidden',
            }}
          >
            <label htmlFor="public-website">Leave this empty</label>
            <input
              id="public-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(e) => setWebsite(e.currentTarget.value)}
              data-testid="public-website"
            />
          </div>
          {org.isError && (
            <Alert color="red" variant="light">
              {t('errors.network')}
            </Alert>
          )}
          <Button
            type="submit"
            size="lg"
            fullWidth
            loading={submit.isPending}
            data-testid="public-form-submit"
          >
            {t('public.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('public.privacy')}
          </Text>
        </Stack>
      </form>
    </Paper>,
  );
}
