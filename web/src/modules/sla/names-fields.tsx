import { SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { languageSchema, type LanguageCode } from '../../../../src/platform/contract/fields.ts';
import type { Names } from '../../../../src/platform/contract/names.ts';
import { isUiLanguage } from '../../i18n/i18n.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';

/** The org's default language: the one every name must have, and the others fall back to. */
export function useOrgLanguage(): LanguageCode {
  const org = useQuery({
    queryKey: ['org'],
    queryFn: ({ signal }) => api.call('getOrg', { signal }),
    staleTime: 5 * 60_000,
  });
  const language = org.data?.defaultLanguage;
  return isUiLanguage(language) ? language : 'vi';
}

/**
 * A name in each UI language, as customers and colleagues read it. The org's default language is
 * required; a language left empty shows that one.
 */
export function NamesFields({
  value,
  onChange,
  errorOf,
  testId,
}: {
  value: Names | undefined;
  onChange: (next: Names) => void;
  errorOf: (path: string) => string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const defaultLanguage = useOrgLanguage();
  const names = value ?? {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {languageSchema.options.map((l) => (
        <TextInput
          key={l}
          lang={l}
          label={t('names.nameIn', { language: LANGUAGE_NAMES[l] })}
          description={
            l === defaultLanguage
              ? undefined
              : t('names.fallback', { language: LANGUAGE_NAMES[defaultLanguage] })
          }
          required={l === defaultLanguage}
          value={names[l] ?? ''}
          onChange={(e) => onChange({ ...names, [l]: e.currentTarget.value })}
          error={
            errorOf(`names.${l}`) ??
            (l === defaultLanguage ? (errorOf('names') ?? errorOf('name')) : undefined)
          }
          data-testid={`${testId}-${l}`}
        />
      ))}
    </SimpleGrid>
  );
}
