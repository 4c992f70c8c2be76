import { Fragment } from 'react';
import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './queue-shortcuts.ts';

/** The queue's keyboard shortcuts, each with what it does. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="shortcuts-modal"
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.key')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map(([key, label]) => (
            <Table.Tr key={key}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {key.split(' + ').map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && ' + '}
                    <Kbd>{part}</Kbd>
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
