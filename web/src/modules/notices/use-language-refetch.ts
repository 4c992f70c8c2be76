import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The server localizes some text by Accept-Language (durations such as "4 giờ làm việc", report
 * definitions, preset names), so a change of UI language refetches what is on screen.
 */
export function useRefetchOnLanguageChange(): void {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(() => {
    const onChange = () => {
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== 'session',
      });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, queryClient]);
}
