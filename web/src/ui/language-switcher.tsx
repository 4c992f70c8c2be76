import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/i18n.ts';

export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  zh: '中文',
};

type Props = {
  value: UiLanguage;
  onChange: (language: UiLanguage) => void;
  size?: 'sm' | 'md' | 'lg';
  variant?: 'default' | 'subtle' | 'white';
  /** Shows the language code instead of its name on phones, where the app header is crowded. */
  compactOnMobile?: boolean;
};

export function LanguageSwitcher({
  value,
  onChange,
  size = 'sm',
  variant = 'default',
  compactOnMobile = false,
}: Props) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant={variant} size={size} data-testid="language-switcher">
          <VisuallyHidden>{t('language.label')}: </VisuallyHidden>
          {compactOnMobile ? (
            <span lang={value}>
              <Text span inherit hiddenFrom="sm" tt="uppercase">
                {value}
              </Text>
              <Text span inherit visibleFrom="sm">
                {LANGUAGE_NAMES[value]}
              </Text>
            </span>
          ) : (
            <span lang={value}>{LANGUAGE_NAMES[value]}</span>
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {UI_LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => onChange(language)}
            data-testid={`language-option-${language}`}
            aria-current={language === value ? 'true' : undefined}
            fw={language === value ? 700 : undefined}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
