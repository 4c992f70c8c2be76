import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

type Health = { status: string; demo?: { state: 'loading'; complaints: number; total: number } };

/**
 * On a first start the server answers before the demo data is complete: this says how far it
 * is, and goes away when it is done.
 */
export function DemoLoading() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<Health> => (await fetch('/api/health')).json(),
    refetchInterval: (query) => (query.state.data?.demo ? 1500 : false),
  });
  const demo = health.data?.demo;
  if (!demo) return null;
  const percent = demo.total > 0 ? Math.round((demo.complaints / demo.total) * 100) : 0;
  return (
    <Alert color="blue" variant="light" mb="md" data-testid="demo-loading" role="status">
      <Stack gap={6}>
        <Text size="sm">
          {demo.total > 0
            ? t('login.demoLoading', { done: demo.complaints, total: demo.total })
            : t('login.demoStarting')}
        </Text>
        <Progress value={percent} aria-label={t('login.demoStarting')} animated />
      </Stack>
    </Alert>
  );
}
