import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import {
  fishboneBones,
  rootCauseCategories,
  type FishboneBone,
  type RootCauseCategory,
} from './problem-words.ts';
import { useSaveRootCause, type ProblemDetail } from './problems.api.ts';

type Why = { why: string; answer: string };
type Fishbone = Record<FishboneBone, string[]>;
const emptyFishbone = (): Fishbone => ({
  people: [],
  machine: [],
  material: [],
  method: [],
  environment: [],
});

/** The root cause: a category and the analysis, with the "5 whys" and the fishbone (人机料法环). */
export function RootCauseEditor({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useHasPermission()('problem:write');
  const saved = detail.rootCause;
  const save = useSaveRootCause(detail.problem.id);
  const [category, setCategory] = useState<RootCauseCategory | null>(saved?.category ?? null);
  const [analysis, setAnalysis] = useState(saved?.analysis ?? '');
  const [whys, setWhys] = useState<Why[]>(saved?.fiveWhys ?? []);
  const [withFishbone, setWithFishbone] = useState(Boolean(saved?.fishbone));
  const [fishbone, setFishbone] = useState<Fishbone>({
    ...emptyFishbone(),
    ...(saved?.fishbone ?? {}),
  });
  const errors = splitApiError(save.error, ['category', 'analysis', 'fiveWhys', 'fishbone']);

  const setWhy = (index: number, part: keyof Why, value: string) =>
    setWhys((prev) => prev.map((w, i) => (i === index ? { ...w, [part]: value } : w)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category) return;
    save.mutate(
      {
        category,
        analysis,
        fiveWhys: whys.filter((w) => w.why.trim() || w.answer.trim()),
        fishbone: withFishbone ? fishbone : null,
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('problems.rootCause.saved') }),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="root-cause-title">
      <form onSubmit={submit} noValidate data-testid="root-cause-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="root-cause-title">
            {t('problems.rootCause.title')}
          </Title>
          {saved && (
            <Text size="xs" c="dimmed" data-testid="root-cause-saved">
              {t('problems.rootCause.savedBy', {
                name: saved.updatedByName ?? '—',
                at: format.dateTime(saved.updatedAt),
              })}
            </Text>
          )}
          <Select
            label={t('problems.rootCause.category')}
            data={rootCauseCategories.map((c) => ({
              value: c,
              label: t(`problems.category.${c}`),
            }))}
            value={category}
            onChange={(v) => setCategory(v as RootCauseCategory | null)}
            required
            readOnly={!canWrite}
            error={errors.field.category}
            data-testid="root-cause-category"
          />
          <Textarea
            label={t('problems.rootCause.analysis')}
            value={analysis}
            onChange={(e) => setAnalysis(e.currentTarget.value)}
            required
            readOnly={!canWrite}
            autosize
            minRows={3}
            error={errors.field.analysis}
            data-testid="root-cause-analysis"
          />
          <Text fw={600} size="sm">
            {t('problems.rootCause.whys')}
          </Text>
          <Stack gap="xs" component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
            {whys.map((w, i) => (
              <li key={i} data-testid="root-cause-why">
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('problems.rootCause.why', { n: i + 1 })}
                    value={w.why}
                    onChange={(e) => setWhy(i, 'why', e.currentTarget.value)}
                    readOnly={!canWrite}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    label={t('problems.rootCause.because', { n: i + 1 })}
                    value={w.answer}
                    onChange={(e) => setWhy(i, 'answer', e.currentTarget.value)}
                    readOnly={!canWrite}
                    style={{ flex: 1 }}
                  />
                  {canWrite && (
                    <ActionIcon
                      variant="default"
                      c="red.9"
                      size="lg"
                      onClick={() => setWhys((prev) => prev.filter((_, j) => j !== i))}
                      aria-label={t('problems.rootCause.removeWhy', { n: i + 1 })}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
          {canWrite && whys.length < 5 && (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => setWhys((prev) => [...prev, { why: '', answer: '' }])}
                data-testid="root-cause-add-why"
              >
                {t('problems.rootCause.addWhy')}
              </Button>
            </Group>
          )}
          <Checkbox
            label={t('problems.rootCause.withFishbone')}
            checked={withFishbone}
            onChange={(e) => setWithFishbone(e.currentTarget.checked)}
            disabled={!canWrite}
            data-testid="root-cause-fishbone-toggle"
          />
          {withFishbone && (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="root-cause-fishbone">
              {fishboneBones.map((bone) => (
                <TagsInput
                  key={bone}
                  label={t(`problems.bone.${bone}`)}
                  description={t('problems.rootCause.boneHelp')}
                  value={fishbone[bone]}
                  onChange={(v) => setFishbone((prev) => ({ ...prev, [bone]: v }))}
                  readOnly={!canWrite}
                  maxTags={20}
                  data-testid={`root-cause-bone-${bone}`}
                />
              ))}
            </SimpleGrid>
          )}
          <ErrorAlert error={errors.general} />
          {canWrite && (
            <Group>
              <Button
                type="submit"
                disabled={!category || !analysis.trim()}
                loading={save.isPending}
                data-testid="root-cause-save"
              >
                {t('problems.rootCause.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
