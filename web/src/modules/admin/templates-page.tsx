import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { catalogKeys, useTemplates } from '../../api/catalog.ts';
import { api } from '../../api/client.ts';
import {
  createTemplateRequest,
  templateStep,
  type TemplateView,
} from '../../../../src/modules/templates/templates.contract.ts';
import { languageSchema } from '../../../../src/platform/contract/fields.ts';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { defineResourceForm } from '../../ui/resource-form.tsx';
import { ResourcePage, type ResourceActions } from '../../ui/resource-page.tsx';
import { RowActions } from '../../ui/resource-table.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { TemplateFields, type TemplateDraft } from './template-fields.tsx';

/** A new template starts in the grid cell it was added from. */
type Cell = Pick<TemplateView, 'step' | 'language'>;

// PATCH takes the same fields as POST (all optional); the form always sends all of them.
const templateForm = defineResourceForm({
  schema: createTemplateRequest,
  initial: (template: TemplateView | null, cell: Cell | undefined): TemplateDraft => ({
    step: template?.step ?? cell?.step ?? 'thank',
    language: template?.language ?? cell?.language ?? 'vi',
    name: template?.name ?? '',
    subject: template?.subject ?? '',
    body: template?.body ?? '',
    active: template?.active ?? true,
  }),
  Fields: TemplateFields,
  save: (request, template) =>
    template
      ? api.call('updateTemplate', { params: { id: template.id }, body: request })
      : api.call('createTemplate', { body: request }),
});

/** Templates as a grid: one row per step, one column per language. */
function TemplateGrid({
  templates,
  actions,
}: {
  templates: TemplateView[];
  actions: ResourceActions<TemplateView, Cell>;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table withColumnBorders data-testid="templates-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.step')}</Table.Th>
            {languageSchema.options.map((l) => (
              <Table.Th key={l}>
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templateStep.options.map((step) => (
            <Table.Tr key={step}>
              <Table.Th scope="row">{t(`templates.steps.${step}`)}</Table.Th>
              {languageSchema.options.map((language) => (
                <Table.Td
                  key={language}
                  valign="top"
                  data-testid={`template-cell-${step}-${language}`}
                >
                  <Stack gap={6}>
                    {templates
                      .filter((tpl) => tpl.step === step && tpl.language === language)
                      .map((tpl) => (
                        <Paper key={tpl.id} withBorder p={6} data-testid="template-item">
                          <Group justify="space-between" gap={4} wrap="nowrap" mb={4}>
                            <Text size="sm" fw={600} lang={language} lineClamp={1}>
                              {tpl.name}
                            </Text>
                            {tpl.unknownVariables.length > 0 && (
                              <Badge
                                size="xs"
                                color="red.9"
                                title={tpl.unknownVariables.join(', ')}
                              >
                                {t('templates.unknownVariablesShort')}
                              </Badge>
                            )}
                            {!tpl.active && (
                              <Badge size="xs" color="gray.7">
                                {t('common.inactive')}
                              </Badge>
                            )}
                          </Group>
                          <RowActions
                            name={tpl.name}
                            testId="template"
                            size="compact-xs"
                            onEdit={() => actions.edit(tpl)}
                            onDelete={actions.remove && (() => actions.remove?.(tpl))}
                          />
                        </Paper>
                      ))}
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => actions.create({ step, language })}
                      aria-label={t('templates.addFor', {
                        step: t(`templates.steps.${step}`),
                        language: LANGUAGE_NAMES[language],
                      })}
                      data-testid={`template-add-${step}-${language}`}
                    >
                      + {t('templates.add')}
                    </Button>
                  </Stack>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('templates.title'));
  const templates = useTemplates();
  return (
    <ResourcePage<TemplateView, Cell>
      testId="template"
      listTestId="templates-grid"
      title={t('templates.title')}
      help={t('templates.help')}
      newLabel={t('templates.new')}
      editTitle={() => t('templates.edit')}
      query={templates}
      queryKey={catalogKeys.templates}
      renderList={(items, actions) => <TemplateGrid templates={items} actions={actions} />}
      itemName={(tpl) => tpl.name}
      form={templateForm}
      newPreset={{ step: 'thank', language: 'vi' }}
      remove={(tpl) => api.call('deleteTemplate', { params: { id: tpl.id } })}
      editor={{ kind: 'modal', size: 'xl' }}
    />
  );
}
