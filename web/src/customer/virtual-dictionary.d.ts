/** Built by the `customerDictionary` plugin (vite.config.ts) from CUSTOMER_DICTIONARY_KEYS. */
declare module 'virtual:customer-dictionary' {
  type Tree = { [key: string]: string | Tree };
  const dictionaries: Record<'vi' | 'en' | 'zh', Tree>;
  export default dictionaries;
}
