import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byName, useDepartments } from '../../api/catalog.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { useUserOptions } from './problem-ui.tsx';
import {
  useSaveChain,
  useSuggestedChain,
  type ChainLinkInput,
  type ProblemDetail,
} from './problems.api.ts';

type Draft = {
  departmentId: string | null;
  userId: string | null;
  personName: string;
  role: string;
};

const fromView = (l: {
  departmentId: string | null;
  userId: string | null;
  personName: string | null;
  role: string;
}): Draft => ({
  departmentId: l.departmentId,
  userId: l.userId,
  personName: l.userId ? '' : (l.personName ?? ''),
  role: l.role,
});

const MAX_LINKS = 20;

/**
 * The responsibility chain (落实到责任人) as an ordered list: each link a department, a named
 * person (a user, or a name for someone without an account) and their role. It can be filled
 * from the org chart, reordered, and saved whole.
 */
export function ChainEditor({ detail, onDone }: { detail: ProblemDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = detail.problem.id;
  const departments = useDepartments();
  const users = useUserOptions();
  const save = useSaveChain(id);
  const suggest = useSuggestedChain(id);
  const [links, setLinks] = useState<Draft[]>(detail.chain.map(fromView));
  const [suggesting, setSuggesting] = useState(false);
  const [suggestError, setSuggestError] = useState<unknown>(null);
  const errors = splitApiError(save.error, []);
  const departmentOptions = [...(departments.data ?? [])]
    .sort(byName)
    .map((d) => ({ value: d.id, label: d.name }));

  const change = (index: number, patch: Partial<Draft>) =>
    setLinks((prev) => prev.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const moveBy = (index: number, by: -1 | 1) =>
    setLinks((prev) => {
      const next = [...prev];
      const [link] = next.splice(index, 1);
      if (link) next.splice(index + by, 0, link);
      return next;
    });

  const fill = async () => {
    setSuggesting(true);
    setSuggestError(null);
    try {
      const suggested = await suggest();
      setLinks(suggested.links.map(fromView));
    } catch (error) {
      setSuggestError(error);
    } finally {
      setSuggesting(false);
    }
  };

  const complete = links.every((l) => l.role.trim() && (l.userId || l.personName.trim()));
  const submit = () => {
    const body: ChainLinkInput[] = links.map((l) => ({
      departmentId: l.departmentId,
      userId: l.userId,
      personName: l.userId ? null : l.personName,
      role: l.role,
    }));
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <Stack gap="sm" data-testid="chain-editor">
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          loading={suggesting}
          onClick={() => void fill()}
          data-testid="chain-suggest"
        >
          {t('problems.chain.suggest')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('problems.chain.suggestHelp')}
        </Text>
      </Group>
      <ErrorAlert error={suggestError} />
      <Stack gap="xs" component="ol" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {links.map((link, i) => (
          <Paper key={i} component="li" withBorder p="xs" radius="sm" data-testid="chain-edit-link">
            <Group align="flex-end" gap="xs" wrap="wrap">
              <Text fw={700} size="sm" w={24} aria-hidden>
                {i + 1}.
              </Text>
              <Select
                label={t('problems.chain.department')}
                data={departmentOptions}
                value={link.departmentId}
                onChange={(v) => change(i, { departmentId: v })}
                searchable
                clearable
                w={180}
                data-testid="chain-edit-department"
              />
              <Select
                label={t('problems.chain.person')}
                placeholder={t('problems.chain.personPlaceholder')}
                data={users}
                value={link.userId}
                onChange={(v) => change(i, { userId: v, ...(v ? { personName: '' } : {}) })}
                searchable
                clearable
                w={180}
                data-testid="chain-edit-user"
              />
              {!link.userId && (
                <TextInput
                  label={t('problems.chain.personName')}
                  value={link.personName}
                  onChange={(e) => change(i, { personName: e.currentTarget.value })}
                  maxLength={200}
                  w={180}
                  data-testid="chain-edit-name"
                />
              )}
              <TextInput
                label={t('problems.chain.role')}
                value={link.role}
                onChange={(e) => change(i, { role: e.currentTarget.value })}
                required
                maxLength={200}
                w={180}
                data-testid="chain-edit-role"
              />
              <Group gap={4}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={i === 0}
                  onClick={() => moveBy(i, -1)}
                  aria-label={t('problems.chain.up', { n: i + 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={i === links.length - 1}
                  onClick={() => moveBy(i, 1)}
                  aria-label={t('problems.chain.down', { n: i + 1 })}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  c="red.9"
                  size="lg"
                  onClick={() => setLinks((prev) => prev.filter((_, j) => j !== i))}
                  aria-label={t('problems.chain.remove', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {links.length < MAX_LINKS && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setLinks((prev) => [
                ...prev,
                { departmentId: null, userId: null, personName: '', role: '' },
              ])
            }
            data-testid="chain-add-link"
          >
            {t('problems.chain.add')}
          </Button>
        </Group>
      )}
      {!complete && (
        <Text size="xs" c="dimmed">
          {t('problems.chain.incomplete')}
        </Text>
      )}
      <ErrorAlert error={errors.general} />
      <Group>
        <Button
          disabled={!complete}
          loading={save.isPending}
          onClick={submit}
          data-testid="chain-save"
        >
          {t('problems.chain.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
