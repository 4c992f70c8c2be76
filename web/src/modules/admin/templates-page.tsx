import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogKeys, useTemplates } from '../../api/catalog.ts';
import { api, type RequestOf } from '../../api/client.ts';
import {
  templateStep,
  type TemplateView,
} from '../../../../src/modules/templates/templates.contract.ts';
import { languageSchema, type LanguageCode } from '../../../../src/platform/contract/fields.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useAdminMutations } from './admin.api.ts';

const FIELDS = ['step', 'language', 'name', 'subject', 'body', 'active'] as const;

export const TEMPLATE_VARIABLES = [
  'customerName',
  'reference',
  'trackingUrl',
  'agentName',
  'orgName',
  'readBack',
] as const;

type Editing = TemplateView | { step: TemplateView['step']; language: LanguageCode } | null;

export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('templates.title'));
  const templates = useTemplates();
  const { remove } = useAdminMutations(catalogKeys.templates, {
    create: (body: RequestOf<'createTemplate'>['body']) => api.call('createTemplate', { body }),
    update: (id: string, body: RequestOf<'updateTemplate'>['body']) =>
      api.call('updateTemplate', { params: { id }, body }),
    remove: (id: string) => api.call('deleteTemplate', { params: { id } }),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TemplateView | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('templates.title')}</Title>
        <Button
          onClick={() => setEditing({ step: 'thank', language: 'vi' })}
          data-testid="template-new"
        >
          {t('templates.new')}
        </Button>
      </Group>
      <Text size="sm">{t('templates.help')}</Text>
      <ErrorAlert error={templates.error ?? remove.error} />
      {templates.isPending ? (
        <PageLoader />
      ) : (
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
                  {languageSchema.options.map((language) => {
                    const cell = (templates.data ?? []).filter(
                      (tpl) => tpl.step === step && tpl.language === language,
                    );
                    return (
                      <Table.Td
                        key={language}
                        valign="top"
                        data-testid={`template-cell-${step}-${language}`}
                      >
                        <Stack gap={6}>
                          {cell.map((tpl) => (
                            <Paper key={tpl.id} withBorder p={6} data-testid="template-item">
                              <Group justify="space-between" gap={4} wrap="nowrap">
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
                              <Group gap={4} mt={4}>
                                <Button
                                  variant="default"
                                  size="compact-xs"
                                  onClick={() => setEditing(tpl)}
                                  aria-label={t('common.editNamed', { name: tpl.name })}
                                  data-testid="template-edit"
                                >
                                  {t('common.edit')}
                                </Button>
                                <Button
                                  variant="outline"
                                  color="red.9"
                                  size="compact-xs"
                                  onClick={() => setDeleting(tpl)}
                                  aria-label={t('common.deleteNamed', { name: tpl.name })}
                                  data-testid="template-delete"
                                >
                                  {t('common.delete')}
                                </Button>
                              </Group>
                            </Paper>
                          ))}
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() => setEditing({ step, language })}
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
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && 'id' in editing ? t('templates.edit') : t('templates.new')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="xl"
      >
        {editing !== null && <TemplateForm initial={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDeleteModal
        name={deleting?.name ?? ''}
        opened={deleting !== null}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      />
    </Stack>
  );
}

function TemplateForm({
  initial,
  onDone,
}: {
  initial: TemplateView | { step: TemplateView['step']; language: LanguageCode };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const existing = 'id' in initial ? initial : null;
  const { create, update } = useAdminMutations(catalogKeys.templates, {
    create: (body: RequestOf<'createTemplate'>['body']) => api.call('createTemplate', { body }),
    update: (id: string, body: RequestOf<'updateTemplate'>['body']) =>
      api.call('updateTemplate', { params: { id }, body }),
    remove: (id: string) => api.call('deleteTemplate', { params: { id } }),
  });
  const [step, setStep] = useState<TemplateView['step']>(initial.step);
  const [language, setLanguage] = useState<LanguageCode>(initial.language);
  const [name, setName] = useState(existing?.name ?? '');
  const [subject, setSubject] = useState(existing?.subject ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const mutation = existing ? update : create;
  const errors = splitApiError(mutation.error, FIELDS);

  const insertVariable = (variable: string) => {
    const token = `{{${variable}}}`;
    const element = bodyRef.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: RequestOf<'createTemplate'>['body'] = {
      step,
      language,
      name,
      subject,
      body,
      active,
    };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    };
    if (existing) update.mutate({ id: existing.id, patch: input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="template-form">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        {existing && existing.unknownVariables.length > 0 && (
          <Alert color="red" data-testid="template-unknown-variables">
            {t('templates.unknownVariables', { variables: existing.unknownVariables.join(', ') })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('templates.step')}
            value={step}
            onChange={(value) => value && setStep(value as TemplateView['step'])}
            data={templateStep.options.map((s) => ({ value: s, label: t(`templates.steps.${s}`) }))}
            allowDeselect={false}
            error={errors.field.step}
            data-testid="template-step"
          />
          <Select
            label={t('templates.language')}
            value={language}
            onChange={(value) => value && setLanguage(value as LanguageCode)}
            data={languageSchema.options.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            allowDeselect={false}
            error={errors.field.language}
            data-testid="template-language"
          />
          <TextInput
            label={t('templates.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.field.name}
            data-testid="template-name"
          />
        </SimpleGrid>
        <TextInput
          label={t('templates.subject')}
          lang={language}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.field.subject}
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
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.field.body}
          data-testid="template-body"
        />
        <Switch
          label={t('users.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          data-testid="template-active"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="template-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
