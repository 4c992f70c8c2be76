import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../src/modules/complaints/queue.contract.ts';
import { splitApiError } from '../../ui/api-error.tsx';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useCreateView, useDeleteView, useUpdateView } from './queue.api.ts';
import type { ViewQuery } from './queue.api.ts';
import { viewParams, type QueueParams } from './queue-params.ts';

const same = (a: ViewQuery, b: ViewQuery) => viewParams(a).toString() === viewParams(b).toString();

/** A name for a view, and whether the queue opens with it. */
function NameModal({
  title,
  opened,
  initialName,
  withDefault,
  loading,
  error,
  onClose,
  onSubmit,
}: {
  title: string;
  opened: boolean;
  initialName: string;
  withDefault: boolean;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (name: string, isDefault: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [isDefault, setIsDefault] = useState(false);
  const errors = splitApiError(error, ['name']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name, isDefault);
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('queueViews.name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.field.name}
            data-autofocus
            data-testid="queue-view-name"
          />
          {withDefault && (
            <Checkbox
              label={t('queueViews.makeDefault')}
              checked={isDefault}
              onChange={(e) => setIsDefault(e.currentTarget.checked)}
              data-testid="queue-view-default"
            />
          )}
          <ErrorAlert error={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="queue-view-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The person's saved views of the queue: pick one, save the current filters as a new one,
 * rename, make the default the queue opens with, or delete. Nobody else sees them.
 */
export function QueueViews({ params, views }: { params: QueueParams; views: SavedView[] }) {
  const { t } = useTranslation();
  const create = useCreateView();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [dialog, setDialog] = useState<'save' | 'rename' | 'delete' | null>(null);
  const active = views.find((v) => same(v.query, params.view)) ?? null;
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };

  return (
    <Group align="flex-end" gap="xs" data-testid="queue-views">
      <Select
        label={t('queueViews.saved')}
        placeholder={views.length === 0 ? t('queueViews.noneSaved') : t('queueViews.pick')}
        disabled={views.length === 0}
        value={active?.id ?? null}
        onChange={(id) => {
          const view = views.find((v) => v.id === id);
          if (view) params.apply(view.query);
        }}
        data={views.map((v) => ({
          value: v.id,
          label: v.isDefault ? t('queueViews.defaultName', { name: v.name }) : v.name,
        }))}
        allowDeselect={false}
        w={240}
        data-testid="queue-view-select"
      />
      <Button variant="default" onClick={() => setDialog('save')} data-testid="queue-view-save">
        {t('queueViews.save')}
      </Button>
      {active && (
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('queueViews.actions', { name: active.name })}
              data-testid="queue-view-menu"
            >
              <span aria-hidden>⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog('rename')} data-testid="queue-view-rename">
              {t('queueViews.rename')}
            </Menu.Item>
            <Menu.Item
              onClick={() => update.mutate({ id: active.id, isDefault: !active.isDefault })}
              data-testid="queue-view-toggle-default"
            >
              {active.isDefault ? t('queueViews.unsetDefault') : t('queueViews.setDefault')}
            </Menu.Item>
            <Menu.Item
              color="red.9"
              onClick={() => setDialog('delete')}
              data-testid="queue-view-delete"
            >
              {t('queueViews.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}

      {dialog === 'save' && (
        <NameModal
          title={t('queueViews.save')}
          opened
          initialName=""
          withDefault
          loading={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(name, isDefault) =>
            create.mutate({ name, isDefault, query: params.view }, { onSuccess: close })
          }
        />
      )}
      {dialog === 'rename' && active && (
        <NameModal
          title={t('queueViews.renameTitle', { name: active.name })}
          opened
          initialName={active.name}
          withDefault={false}
          loading={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(name) => update.mutate({ id: active.id, name }, { onSuccess: close })}
        />
      )}
      {active && (
        <ConfirmDeleteModal
          name={active.name}
          opened={dialog === 'delete'}
          loading={remove.isPending}
          onCancel={close}
          onConfirm={() => remove.mutate(active.id, { onSuccess: close })}
        />
      )}
    </Group>
  );
}
