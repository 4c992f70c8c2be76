import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from './api-error.tsx';
import { useSchemaForm, type SchemaForm } from './schema-form.ts';

export type FieldsProps<T, V> = { form: SchemaForm<V>; item: T | null };

/** How one record is edited: the contract schema, where the values start, the fields, the save. */
export type ResourceFormSpec<T, S extends z.ZodType<unknown, object>, V extends object, P> = {
  schema: S;
  /** The values for an existing record, or for a new one (from the page's preset). */
  initial: (item: T | null, preset: P | undefined) => V;
  /** The fields, bound to the form; special editors are field components like any other. */
  Fields: ComponentType<FieldsProps<T, V>>;
  /** Sends the schema-checked request; resolves to the saved record. */
  save: (request: z.output<S>, item: T | null) => Promise<T>;
};

export type ResourceFormProps<T, P> = {
  item: T | null;
  preset: P | undefined;
  testId: string;
  submitTestId: string;
  gap: 'sm' | 'md';
  /** Hidden for people who may only look. */
  canSubmit: boolean;
  onSaved: (saved: T) => void;
  /** Shown as a Cancel button beside Save (in a dialog). */
  onCancel?: () => void;
  /** Above the fields (a panel's heading). */
  header?: ReactNode;
  /** Beside the Save button. */
  saveHint?: string;
};

/**
 * A form definition with its schema type sealed inside, so a page can hold one for new records
 * and another for existing ones, and ResourcePage can render either.
 */
export type ResourceForm<T, P = undefined> = { Form: ComponentType<ResourceFormProps<T, P>> };

export function defineResourceForm<
  T,
  S extends z.ZodType<unknown, object>,
  V extends object,
  P = undefined,
>(spec: ResourceFormSpec<T, S, V, P>): ResourceForm<T, P> {
  const { schema, initial, Fields, save } = spec;

  function Form(props: ResourceFormProps<T, P>) {
    const { t } = useTranslation();
    const form = useSchemaForm<S, V>(schema, () => initial(props.item, props.preset));
    const submit = form.handleSubmit(async (request) => {
      const saved = await save(request, props.item);
      notifications.show({ color: 'teal', message: t('common.saved') });
      // A panel stays open on the saved record: what was stored is the new clean state.
      form.reset(initial(saved, props.preset));
      props.onSaved(saved);
    });
    const actions = props.onCancel || props.canSubmit;
    return (
      <form onSubmit={submit} noValidate data-testid={props.testId}>
        <Stack gap={props.gap}>
          {props.header}
          <ErrorAlert error={form.formError} />
          <Fields form={form} item={props.item} />
          {actions && (
            <Group justify={props.onCancel ? 'flex-end' : 'flex-start'}>
              {props.onCancel && (
                <Button variant="default" onClick={props.onCancel}>
                  {t('common.cancel')}
                </Button>
              )}
              {props.canSubmit && (
                <Button type="submit" loading={form.isSubmitting} data-testid={props.submitTestId}>
                  {t('common.save')}
                </Button>
              )}
              {props.canSubmit && form.isDirty && (
                <Text size="sm" c="dimmed" data-testid={`${props.testId}-unsaved`}>
                  {t('common.unsavedChanges')}
                </Text>
              )}
              {props.saveHint && (
                <Text size="sm" c="dimmed">
                  {props.saveHint}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    );
  }

  return { Form };
}
