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
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  templateStep,
  type TemplateView,
  type createTemplateRequest,
} from '../../../../src/modules/templates/templates.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import type { FieldsProps } from '../../ui/resource-form.tsx';

export type TemplateDraft = z.input<typeof createTemplateRequest>;

/** The placeholders the server fills in when a template is used. */
const TEMPLATE_VARIABLES = [
  'customerName',
  'reference',
  'trackingUrl',
  'agentName',
  'orgName',
  'readBack',
] as const;

export function TemplateFields({ form, item }: FieldsProps<TemplateView, TemplateDraft>) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { body, language } = form.values;

  const insertVariable = (variable: string) => {
    const token = `{{${variable}}}`;
    const element = bodyRef.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    form.set('body', body.slice(0, start) + token + body.slice(end));
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
        label={t('templates.subject')}
        lang={language}
        {...form.text('subject')}
        data-testid="template-subject"
      />
      <Stack gap={4} data-testid="template-variables">
        <Text size="sm" fw={600} id="template-variables-label">
          {t('templates.variables')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('templates.variablesHelp')}
        </Text>
        <Group gap={6} role="group" aria-labelledby="template-variables-label">
          {TEMPLATE_VARIABLES.map((variable) => (
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
            {TEMPLATE_VARIABLES.map((variable) => (
              <Table.Tr key={variable}>
                <Table.Td>
                  <Code>{`{{${variable}}}`}</Code>
                </Table.Td>
                <Table.Td>{t(`templates.variable.${variable}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Textarea
        ref={bodyRef}
        label={t('templates.body')}
        lang={language}
        required
        autosize
        minRows={8}
        {...form.text('body', { empty: '' })}
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
