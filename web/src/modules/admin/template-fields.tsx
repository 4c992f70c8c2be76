import {
  Alert,
  Button,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  templateStep,
  templateVariablesByStep,
  type TemplateView,
  type createTemplateRequest,
} from '../../../../src/modules/templates/templates.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import type { FieldsProps } from '../../ui/resource-form.tsx';

export type TemplateDraft = z.input<typeof createTemplateRequest>;

export function TemplateFields({ form, item }: FieldsProps<TemplateView, TemplateDraft>) {
  const { t } = useTranslation();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A variable goes where the admin was writing: the subject or the body (the body by default).
  const [target, setTarget] = useState<'subject' | 'body'>('body');
  const { language, step } = form.values;
  const subject = form.values.subject ?? '';
  const body = form.values.body;
  // Exactly the variables this kind of template can use; the server refuses any other.
  const variables = templateVariablesByStep[step];

  const insertVariable = (variable: string) => {
    const token = `{{${variable}}}`;
    const element = target === 'subject' ? subjectRef.current : bodyRef.current;
    const text = target === 'subject' ? subject : body;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    form.set(target, text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <>
      {item && item.unknownVariables.length > 0 && (
        <Alert color="red" data-testid="template-unknown-variables">
          {t('templates.unknownVariables', { variables: item.unknownVariables.join(', ') })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('templates.step')}
          {...form.select('step')}
          data={templateStep.options.map((s) => ({ value: s, label: t(`templates.steps.${s}`) }))}
          allowDeselect={false}
          data-testid="template-step"
        />
        <Select
          label={t('templates.language')}
          {...form.select('language')}
          data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          allowDeselect={false}
          data-testid="template-language"
        />
        <TextInput
          label={t('templates.name')}
          required
          {...form.text('name')}
          data-testid="template-name"
        />
      </SimpleGrid>
      <TextInput
        ref={subjectRef}
        label={t('templates.subject')}
        lang={language}
        {...form.text('subject')}
        onFocus={() => setTarget('subject')}
        data-testid="template-subject"
      />
      <Stack gap={4} data-testid="template-variables">
        <Text size="sm" fw={600} id="template-variables-label">
          {t('templates.variables')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('templates.variablesHelp', { kind: t(`templates.steps.${step}`) })}
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="template-variable-target">
          {t(target === 'subject' ? 'templates.insertIntoSubject' : 'templates.insertIntoBody')}
        </Text>
        <Group gap={6} role="group" aria-labelledby="template-variables-label">
          {variables.map((variable) => (
            <Button
              key={variable}
              variant="light"
              size="compact-sm"
              onClick={() => insertVariable(variable)}
              title={t(`templates.variable.${variable}`)}
              data-testid={`template-variable-${variable}`}
            >
              <Code bg="transparent" c="inherit">{`{{${variable}}}`}</Code>
            </Button>
          ))}
        </Group>
        <Table fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {variables.map((variable) => (
              <Table.Tr key={variable}>
                <Table.Td>
                  <Code>{`{{${variable}}}`}</Code>
                </Table.Td>
                <Table.Td>{t(`templates.variable.${variable}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('templates.frameHelp')}
        </Text>
      </Stack>
      <Textarea
        ref={bodyRef}
        label={t('templates.body')}
        lang={language}
        required
        autosize
        minRows={8}
        {...form.text('body', { empty: '' })}
        onFocus={() => setTarget('body')}
        data-testid="template-body"
      />
      <Switch
        label={t('users.active')}
        {...form.checkbox('active')}
        data-testid="template-active"
      />
    </>
  );
}
