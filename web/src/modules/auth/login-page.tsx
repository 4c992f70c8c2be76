import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { SESSION_KEY, acceptSession, useSession } from '../../app/session.ts';
import { currentLanguage, setUiLanguage } from '../../i18n/i18n.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LanguageSwitcher } from '../../ui/language-switcher.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { DemoLoading } from './demo-loading.tsx';

const FIELDS = ['email', 'password', 'org'] as const;

function safeNext(next: string | null): string {
  // Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [org, setOrg] = useState(params.get('org') ?? '');
  const [showOrg, setShowOrg] = useState(Boolean(params.get('org')));

  const login = useMutation({
    mutationFn: () =>
      api.call('login', {
        body: { email: email.trim(), password, ...(org.trim() ? { org: org.trim() } : {}) },
      }),
    onSuccess: (result) => {
      acceptSession(result);
      queryClient.setQueryData(SESSION_KEY, result);
      void navigate(next, { replace: true });
    },
  });

  if (session.data && !login.isPending) return <Navigate to={next} replace />;

  const errors = splitApiError(login.error, showOrg ? FIELDS : FIELDS.filter((f) => f !== 'org'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={800} size="lg" c="blue.9">
            Ombud
          </Text>
          <LanguageSwitcher value={currentLanguage()} onChange={(l) => void setUiLanguage(l)} />
        </Group>
      </Box>
      <Container component="main" size={420} py="xl">
        <DemoLoading />
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={submit} noValidate data-testid="login-form">
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <ErrorAlert error={errors.general} />
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.field.email}
                data-testid="login-email"
                autoFocus
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.field.password}
                data-testid="login-password"
              />
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setShowOrg((v) => !v)}
                aria-expanded={showOrg}
              >
                {t('login.advanced')}
              </Anchor>
              {showOrg && (
                <TextInput
                  label={t('login.org')}
                  description={t('login.orgHelp')}
                  value={org}
                  onChange={(e) => setOrg(e.currentTarget.value)}
                  error={errors.field.org}
                  data-testid="login-org"
                />
              )}
              <Button type="submit" loading={login.isPending} data-testid="login-submit" fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Box>
  );
}
