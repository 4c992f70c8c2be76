/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { publicComplaintResponse } from '../../../../src/modules/complaints/complaints.contract.ts';
import { t } from '../../customer/i18n.ts';

export type Submitted = z.output<typeof publicComplaintResponse>;

/** A same-origin tracking link stays a path; another origin's is used as it is. */
function trackingHref(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.origin === window.location.origin ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}

export function Thanks({ submitted }: { submitted: Submitted }) {
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const absolute = new URL(submitted.trackingUrl, window.location.origin).toString();
  const copy = () => {
    void navigator.clipboard?.writeText(absolute).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section class="card stack" data-testid="public-form-success" aria-labelledby="thanks-title">
      <h1 id="thanks-title" tabIndex={-1} ref={heading}>
        {t('public.thanksTitle')}
      </h1>
      <p class="lead">{t('public.thanksBody')}</p>
      <div>
        <p class="small strong">{t('public.reference')}</p>
        <p class="reference" data-testid="public-reference">
          {submitted.reference}
        </p>
      </div>
      <p>{t('public.trackingHelp')}</p>
      <a
        class="button button-primary button-block"
        href={trackingHref(submitted.trackingUrl)}
        data-testid="public-tracking-link"
      >
        {t('public.openTracking')}
      </a>
      <a class="small anywhere" href={submitted.trackingUrl}>
        {submitted.trackingUrl}
      </a>
      <button type="button" class="button button-default button-block" onClick={copy}>
        {copied ? t('public.copied') : t('public.copyLink')}
      </button>
    </section>
  );
}
