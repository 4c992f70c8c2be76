import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setUiLanguage, type UiLanguage } from '../i18n/i18n.ts';
import { LanguageSwitcher } from './language-switcher.tsx';

/** Mobile-first frame for customer pages (public form, portal): header, main, footer landmarks. */
export function PublicLayout({
  orgName,
  onLanguageChange,
  children,
}: {
  orgName?: string;
  onLanguageChange?: (language: UiLanguage) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const change = (language: UiLanguage) => {
    // A customer's choice stays on this page: the device may be shared or belong to an agent.
    void setUiLanguage(language, false);
    onLanguageChange?.(language);
  };
  return (
    <Box mih="100vh" bg="gray.0" className="touch-page">
      <Box
        component="header"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="sm" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} size="lg" lineClamp={2} data-testid="public-org-name">
              {orgName ?? 'Ombud'}
            </Text>
            <LanguageSwitcher value={currentLanguage()} onChange={change} size="md" />
          </Group>
        </Container>
      </Box>
      <Container component="main" size="sm" py="md" px="sm">
        {children}
      </Container>
      <Box component="footer" py="md">
        <Text size="xs" ta="center" c="dimmed">
          {t('public.poweredBy')}
        </Text>
      </Box>
    </Box>
  );
}
