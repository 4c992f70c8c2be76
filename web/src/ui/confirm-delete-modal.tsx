import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ConfirmDeleteModal({
  name,
  opened,
  loading,
  onCancel,
  onConfirm,
}: {
  name: string;
  opened: boolean;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('common.confirmDeleteTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t('common.confirmDelete', { name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={loading} data-testid="confirm-delete">
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
