import {
  AppShell,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import { currentLanguage, setUiLanguage, type UiLanguage } from '../i18n/i18n.ts';
import { loopNavItems } from '../modules/notices/loop-nav.ts';
import { problemNavItems } from '../modules/problems/problems-nav.ts';
import { rewardNavItems } from '../modules/rewards/rewards-nav.ts';
import { NoticeBell } from '../modules/notices/notice-bell.tsx';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { useCurrentUser, useSignOutLocally } from './session.ts';

type NavItem = { to: string; label: string; testId: string; match: (path: string) => boolean };

export function AppShellLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const signOutLocally = useSignOutLocally();
  const [opened, { toggle, close }] = useDisclosure(false);

  const saveLanguage = useMutation({
    mutationFn: (locale: UiLanguage) => api.call('updateMe', { body: { locale } }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  const logout = useMutation({
    mutationFn: () => api.call('logout'),
    onSettled: () => {
      signOutLocally();
      void navigate('/login', { replace: true });
    },
  });

  const changeLanguage = (language: UiLanguage) => {
    void setUiLanguage(language);
    saveLanguage.mutate(language);
  };

  const loopNav = loopNavItems(user.permissions, t);
  const rewardNav = rewardNavItems(user.permissions, t);
  const items: NavItem[] = [
    {
      to: '/',
      label: t('nav.queue'),
      testId: 'nav-queue',
      match: (path) =>
        path === '/' || (path.startsWith('/complaints/') && path !== '/complaints/new'),
    },
    {
      to: '/complaints/new',
      label: t('nav.newComplaint'),
      testId: 'nav-new-complaint',
      match: (path) => path === '/complaints/new',
    },
    ...loopNav.main,
    ...rewardNav.main,
    ...problemNavItems(user.permissions, t),
  ];
  const adminItems: NavItem[] = [
    ...(user.role === 'admin'
      ? [
          { to: '/admin/users', label: t('nav.users'), testId: 'nav-admin-users' },
          {
            to: '/admin/departments',
            label: t('nav.departments'),
            testId: 'nav-admin-departments',
          },
          { to: '/admin/reasons', label: t('nav.reasons'), testId: 'nav-admin-reasons' },
          { to: '/admin/templates', label: t('nav.templates'), testId: 'nav-admin-templates' },
          { to: '/admin/mail', label: t('mailSettings.nav'), testId: 'nav-admin-mail' },
        ].map((item) => ({ ...item, match: (path: string) => path === item.to }))
      : []),
    ...loopNav.admin,
    ...rewardNav.admin,
    ...(user.permissions.includes('webhook:admin')
      ? [
          {
            to: '/admin/webhooks',
            label: t('webhooks.nav'),
            testId: 'nav-admin-webhooks',
            match: (path: string) => path === '/admin/webhooks',
          },
        ]
      : []),
    ...(user.permissions.includes('commerce:import')
      ? [
          {
            to: '/admin/import',
            label: t('imports.nav'),
            testId: 'nav-admin-import',
            match: (path: string) => path === '/admin/import',
          },
        ]
      : []),
  ];
  const toolItems: NavItem[] = [
    {
      to: '/dev/mailbox',
      label: t('nav.mailbox'),
      testId: 'nav-mailbox',
      match: (path) => path === '/dev/mailbox',
    },
  ];

  const renderItem = (item: NavItem) => {
    const active = item.match(location.pathname);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={close}
        data-testid={item.testId}
      />
    );
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <Text fw={800} size="lg" component={Link} to="/" c="blue.9" td="none">
              Ombud
            </Text>
            <Text fw={600} size="sm" truncate="end" visibleFrom="sm" data-testid="org-name">
              {user.orgName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NoticeBell />
            <LanguageSwitcher value={currentLanguage()} onChange={changeLanguage} compactOnMobile />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="sm" data-testid="user-menu">
                  <VisuallyHidden>{t('nav.userMenu')}: </VisuallyHidden>
                  <Text span size="sm" truncate="end" maw={{ base: 96, sm: 160 }}>
                    {user.name}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {user.email} · {t(`role.${user.role}`)}
                </Menu.Label>
                <Menu.Item onClick={() => logout.mutate()} data-testid="logout">
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {/* A long menu (many reports, the admin pages) scrolls within the navbar. */}
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        {items.map(renderItem)}
        {adminItems.length > 0 && (
          <>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
              {t('nav.admin')}
            </Text>
            {adminItems.map(renderItem)}
          </>
        )}
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
          {t('nav.tools')}
        </Text>
        {toolItems.map(renderItem)}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
