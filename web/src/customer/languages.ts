/** The languages of the customer pages, as the contract knows them. */
export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
