import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { slipView } from '../../../../src/modules/commitments/commitments.contract.ts';
import { intlLocale } from '../sla/time.ts';

/** Lateness with its unit, and calendar days beside it: "3 business h (2.6 calendar d)". */
export function SlipText({ slip }: { slip: z.infer<typeof slipView> }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const amount = t(`commitments.slip.${slip.unit}`, { amount: n.number(slip.amount) });
  return (
    <>{t('commitments.slip.withCalendar', { slip: amount, days: n.number(slip.calendarDays) })}</>
  );
}

/** Numbers and shares in the UI's language. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    percent: (share: number | null | undefined) =>
      share === null || share === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
            share,
          ),
    number: (value: number | null | undefined, digits = 1) =>
      value === null || value === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
  };
}
