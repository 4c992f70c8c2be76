import { useTranslation } from 'react-i18next';

const locales: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/** How many decimals a currency has (VND none, USD two), as the browser's Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 0
    );
  } catch {
    return 0;
  }
}

export const toMinorUnits = (major: number, currency: string): number =>
  Math.round(major * 10 ** minorDigits(currency));

export const fromMinorUnits = (minor: number, currency: string): number =>
  minor / 10 ** minorDigits(currency);

/** Formats an amount in minor units in the reader's language: "250.000 ₫", "$12.50". */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = locales[i18n.language] ?? 'vi-VN';
  return (minor: number, currency: string): string => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
        fromMinorUnits(minor, currency),
      );
    } catch {
      return `${minor} ${currency}`;
    }
  };
}
