/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGES, LANGUAGE_NAMES, setLanguage, t, useLanguage, type Language } from './i18n.ts';

/** The language menu: a button that opens the three languages, each named in itself. */
function LanguageSwitcher({ onChange }: { onChange: (language: Language) => void }) {
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        root.current?.querySelector<HTMLButtonElement>('button')?.focus();
      } else if (root.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div class="lang" ref={root}>
      <button
        type="button"
        class="button button-default"
        aria-expanded={open}
        aria-controls="language-menu"
        onClick={() => setOpen(!open)}
        data-testid="language-switcher"
      >
        <span class="visually-hidden">{t('language.label')}: </span>
        <span lang={language}>{LANGUAGE_NAMES[language]}</span>
      </button>
      {open && (
        <ul class="lang-menu" id="language-menu">
          {LANGUAGES.map((option) => (
            <li key={option}>
              <button
                type="button"
                lang={option}
                aria-current={option === language ? 'true' : undefined}
                onClick={() => {
                  setOpen(false);
                  onChange(option);
                }}
                data-testid={`language-option-${option}`}
              >
                {LANGUAGE_NAMES[option]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The frame of a customer page: header (the org, the language), main, footer. */
export function PublicLayout({
  orgName,
  onLanguageChange,
  loading = false,
  children,
}: {
  orgName?: string | undefined;
  /** While the page waits for its first answer the footer stays out, so nothing moves later. */
  loading?: boolean;
  onLanguageChange?: (language: Language) => void;
  children: ComponentChildren;
}) {
  useLanguage();
  return (
    <div class="page">
      <header class="page-header">
        <div class="container header-row">
          <p class="org-name" data-testid="public-org-name">
            {orgName ?? 'Ombud'}
          </p>
          <LanguageSwitcher
            onChange={(language) => {
              setLanguage(language);
              onLanguageChange?.(language);
            }}
          />
        </div>
      </header>
      <main class="container page-main">{children}</main>
      {!loading && (
        <footer class="page-footer">
          <p>{t('public.poweredBy')}</p>
        </footer>
      )}
    </div>
  );
}

export function PageLoader() {
  return (
    <div class="loader" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span class="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}

export function ErrorAlert({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div class="alert alert-error" role="alert" data-testid={testId ?? 'error-alert'}>
      <p class="alert-title">{t('errors.title')}</p>
      <p>{message}</p>
    </div>
  );
}

/**
 * A labelled field: its help and its error are tied to the control (`aria-describedby`), and a
 * refused control says so (`aria-invalid`). The control is given its props by `children`.
 */
export function Field({
  id,
  label,
  required = false,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  help?: string | undefined;
  error?: string | undefined;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
    'aria-required'?: 'true';
  }) => ComponentChildren;
}) {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
        {required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {help && (
        <p class="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(required ? { 'aria-required': 'true' as const } : {}),
      })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
