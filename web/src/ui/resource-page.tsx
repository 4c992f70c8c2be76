import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './api-error.tsx';
import { ConfirmDeleteModal } from './confirm-delete-modal.tsx';
import { PageLoader } from './page-loader.tsx';
import type { ResourceForm } from './resource-form.tsx';
import { ResourceTable, type Column, type ListRow } from './resource-table.tsx';

/** What a custom list (not a table) can do: open the editor, or ask to delete. */
export type ResourceActions<T, P> = {
  edit: (item: T) => void;
  create: (preset?: P) => void;
  remove?: (item: T) => void;
};

type Editor<T> =
  | { kind: 'modal'; size?: 'md' | 'lg' | 'xl' }
  | {
      /** Below the list, kept open on the saved record (rich editors). */
      kind: 'panel';
      /** Remounts the form when this changes (a new version from the server). */
      key?: (item: T) => string;
      /** After the form, outside it (a second form of its own, such as an import). */
      after?: (item: T | null) => ReactNode;
      saveHint?: (item: T | null) => string | undefined;
    };

type Editing<T, P> = { item: T | null; preset: P | undefined };

export type ResourcePageProps<T extends { id: string }, P> = {
  /** Prefix of the test ids: `${testId}-new`, `-row`, `-edit`, `-delete`, `-form`, `-submit`. */
  testId: string;
  listTestId: string;
  title: string;
  help?: string;
  newLabel: string;
  editTitle: (item: T) => string;
  query: UseQueryResult<T[]>;
  /** Invalidated after every save and delete (the list, and whatever hangs below its key). */
  queryKey: readonly unknown[];
  /** The list as a table of these columns (the default), or `renderList` for another layout. */
  columns?: Column<T>[];
  /** Rows in tree order with their depth (parent before children). */
  tree?: (items: T[]) => ListRow<T>[];
  renderList?: (items: T[], actions: ResourceActions<T, P>) => ReactNode;
  tableMinWidth?: number;
  striped?: boolean;
  itemName: (item: T) => string;
  form: ResourceForm<T, P>;
  /** A different form for existing records (another request schema), when there is one. */
  editForm?: ResourceForm<T, P>;
  /** Where the New button starts a record; the form's `initial` receives it. */
  newPreset?: P;
  canCreate?: boolean;
  canEdit?: boolean;
  remove?: (item: T) => Promise<unknown>;
  editor?: Editor<T>;
  /** Another failed load the page depends on. */
  error?: unknown;
  children?: ReactNode;
};

/**
 * One admin or catalogue page: the list with its empty, loading and error states, a New button,
 * the create/edit form (in a dialog or a panel below the list), and the delete confirmation.
 * Every save or delete invalidates `queryKey`.
 */
export function ResourcePage<T extends { id: string }, P = undefined>(
  props: ResourcePageProps<T, P>,
) {
  const { t } = useTranslation();
  const { query, testId, editor = { kind: 'modal' }, canEdit = true } = props;
  const [editing, setEditing] = useState<Editing<T, P> | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const titleId = useId();
  const items = query.data ?? [];
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: props.queryKey });
  const remove = useMutation({
    mutationFn: (item: T) => props.remove?.(item) ?? Promise.resolve(),
    onSuccess: refresh,
  });

  // A panel follows the list: it shows the current version of the record being edited.
  const current = editing?.item
    ? (items.find((item) => item.id === editing.item?.id) ?? editing.item)
    : null;
  const actions: ResourceActions<T, P> = {
    edit: (item) => setEditing({ item, preset: undefined }),
    create: (preset) => setEditing({ item: null, preset: preset ?? props.newPreset }),
    remove: props.remove ? setDeleting : undefined,
  };
  const FormOf = (item: T | null) => (item && props.editForm ? props.editForm : props.form).Form;

  const list = props.renderList ? (
    props.renderList(items, actions)
  ) : (
    <ResourceTable
      rows={props.tree ? props.tree(items) : items.map((item) => ({ item, depth: 0 }))}
      columns={props.columns ?? []}
      testId={testId}
      listTestId={props.listTestId}
      minWidth={props.tableMinWidth ?? 640}
      striped={props.striped}
      isTree={Boolean(props.tree)}
      selectedId={editor.kind === 'panel' ? (current?.id ?? null) : undefined}
      itemName={props.itemName}
      onEdit={actions.edit}
      onDelete={actions.remove}
    />
  );

  let editorView: ReactNode = null;
  if (editing && editor.kind === 'modal') {
    const Form = FormOf(editing.item);
    editorView = (
      <Form
        item={editing.item}
        preset={editing.preset}
        testId={`${testId}-form`}
        submitTestId={`${testId}-submit`}
        gap="sm"
        canSubmit={canEdit}
        onSaved={() => {
          refresh();
          setEditing(null);
        }}
        onCancel={() => setEditing(null)}
      />
    );
  } else if (editing && editor.kind === 'panel') {
    const Form = FormOf(current);
    editorView = (
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby={titleId}
        data-testid={`${testId}-editor`}
      >
        <Form
          key={current ? (editor.key?.(current) ?? current.id) : 'new'}
          item={current}
          preset={editing.preset}
          testId={`${testId}-form`}
          submitTestId={`${testId}-save`}
          gap="md"
          canSubmit={canEdit}
          onSaved={(saved) => {
            refresh();
            setEditing({ item: saved, preset: undefined });
          }}
          header={
            <Title order={2} size="h3" id={titleId}>
              {current ? props.editTitle(current) : props.newLabel}
            </Title>
          }
          saveHint={editor.saveHint?.(current)}
        />
        {editor.after?.(current)}
      </Paper>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{props.title}</Title>
        {canEdit && (
          <Button
            onClick={() => actions.create()}
            disabled={props.canCreate === false}
            data-testid={`${testId}-new`}
          >
            {props.newLabel}
          </Button>
        )}
      </Group>
      {props.help && (
        <Text size="sm" c="dimmed">
          {props.help}
        </Text>
      )}
      <ErrorAlert error={query.error ?? remove.error ?? props.error} />
      {query.isPending ? <PageLoader /> : list}
      {editor.kind === 'modal' ? (
        <Modal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.item ? props.editTitle(editing.item) : props.newLabel}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          size={editor.size}
        >
          {editorView}
        </Modal>
      ) : (
        editorView
      )}
      <ConfirmDeleteModal
        name={deleting ? props.itemName(deleting) : ''}
        opened={deleting !== null}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting, { onSettled: () => setDeleting(null) })
        }
      />
      {props.children}
    </Stack>
  );
}
