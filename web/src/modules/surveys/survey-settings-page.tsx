import { Button, Group, NumberInput, Radio, Stack, Switch, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useSaveSurveySettings, useSurveySettings, type SurveySettings } from './surveys.api.ts';

const LANGUAGES = ['vi', 'en', 'zh'] as const;

/** How the org runs its satisfaction surveys: when, which questions, its own question. */
export function SurveySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveys.settings.title'));
  const settings = useSurveySettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: SurveySettings }) {
  const { t } = useTranslation();
  const save = useSaveSurveySettings();
  const [value, setValue] = useState(initial);
  const errors = splitApiError(save.error, [
    'delayHours',
    'question.vi',
    'question.en',
    'question.zh',
  ]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('surveys.settings.saved') }),
    });
  };
  return (
    <Stack gap="md" component="form" onSubmit={submit} maw={640} data-testid="survey-settings">
      <Title order={1}>{t('surveys.settings.title')}</Title>
      <ErrorAlert error={errors.general} />
      <Switch
        label={t('surveys.settings.enabled')}
        checked={value.isEnabled}
        onChange={(e) => setValue({ ...value, isEnabled: e.currentTarget.checked })}
      />
      <Radio.Group
        label={t('surveys.settings.timing')}
        value={value.timing}
        onChange={(timing) =>
          setValue({ ...value, timing: timing === 'after_verification' ? timing : 'after_fix' })
        }
      >
        <Stack gap="xs" mt="xs">
          <Radio value="after_fix" label={t('surveys.settings.afterFix')} />
          <Radio value="after_verification" label={t('surveys.settings.afterVerification')} />
        </Stack>
      </Radio.Group>
      <NumberInput
        label={t('surveys.settings.delayHours')}
        min={0}
        max={720}
        value={value.delayHours}
        error={errors.field.delayHours}
        onChange={(v) => setValue({ ...value, delayHours: typeof v === 'number' ? v : 0 })}
      />
      <Switch
        label={t('surveys.settings.askCes')}
        checked={value.askCes}
        onChange={(e) => setValue({ ...value, askCes: e.currentTarget.checked })}
      />
      <Switch
        label={t('surveys.settings.askNps')}
        checked={value.askNps}
        onChange={(e) => setValue({ ...value, askNps: e.currentTarget.checked })}
      />
      {LANGUAGES.map((language) => (
        <TextInput
          key={language}
          label={t('surveys.settings.question', { language: LANGUAGE_NAMES[language] })}
          value={value.question[language] ?? ''}
          error={errors.field[`question.${language}`]}
          onChange={(e) =>
            setValue({
              ...value,
              question: { ...value.question, [language]: e.currentTarget.value },
            })
          }
        />
      ))}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('surveys.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
