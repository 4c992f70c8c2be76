/** Minor-unit exponents (ISO 4217). VND has no minor unit. */
const exponents: Record<string, number> = {
  VND: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  CNY: 2,
  GBP: 2,
  SGD: 2,
  AUD: 2,
  THB: 2,
};

export const currencyExponent = (currency: string): number => exponents[currency] ?? 2;

/** Decimal amount as typed by a person → integer minor units, or undefined if it has too many decimals. */
export function toMinorUnits(amount: number, currency: string): number | undefined {
  const scaled = amount * 10 ** currencyExponent(currency);
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 && Number.isSafeInteger(rounded) ? rounded : undefined;
}

export const fromMinorUnits = (minor: number, currency: string): number =>
  minor / 10 ** currencyExponent(currency);

export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    fromMinorUnits(minor, currency),
  );
}
