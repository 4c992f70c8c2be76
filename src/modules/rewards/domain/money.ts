/**
 * Money is integer minor units with an ISO 4217 code. VND, JPY and KRW have no minor unit;
 * the other currencies the desk meets have two decimals.
 */
const noMinorUnit = new Set(['VND', 'JPY', 'KRW', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF']);

export const minorDigits = (currency: string): number => (noMinorUnit.has(currency) ? 0 : 2);

/** A customer's ask, recorded in major units, as minor units (rounded down: never more than asked). */
export const toMinor = (major: number, currency: string): number =>
  Math.floor(major * 10 ** minorDigits(currency) + 1e-9);
