/**
 * The currencies offered for a customer's ask. The contract takes any ISO 4217 code; these are the
 * ones the desk meets, Vietnamese dong first.
 */
export const ASK_CURRENCIES = ['VND', 'USD', 'EUR', 'CNY', 'JPY', 'KRW'] as const;
