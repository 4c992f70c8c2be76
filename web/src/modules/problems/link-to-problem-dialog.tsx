import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { NewProblemDialog } from './new-problem-dialog.tsx';
import { ProblemPicker } from './problem-ui.tsx';
import { useLinkComplaints } from './problems.api.ts';

/** Links cases to an active problem, picked by reference or title (from a case or the queue). */
export function LinkToProblemDialog({
  complaintIds,
  onClose,
  onLinked,
}: {
  complaintIds: string[];
  onClose: () => void;
  onLinked?: (linked: number) => void;
}) {
  const { t } = useTranslation();
  const link = useLinkComplaints();
  const [problemId, setProblemId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission()('problem:write');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problemId) return;
    link.mutate(
      { problemId, complaintIds },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: t('problems.link.done', { count: result.linked }),
          });
          onLinked?.(result.linked);
          onClose();
        },
      },
    );
  };

  // No problem fits yet: one is opened with these cases linked to it.
  if (creating) return <NewProblemDialog complaintIds={complaintIds} onClose={onClose} />;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('problems.link.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="link-to-problem-form">
        <Stack gap="sm">
          <Text size="sm">{t('problems.link.help', { count: complaintIds.length })}</Text>
          <ProblemPicker
            value={problemId}
            onChange={setProblemId}
            testId="link-to-problem-picker"
            autoFocus
          />
          <ErrorAlert error={link.error} />
          <Group justify="flex-end">
            {canCreate && (
              <Button
                variant="light"
                onClick={() => setCreating(true)}
                data-testid="link-to-problem-new"
                mr="auto"
              >
                {t('problems.link.new')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!problemId}
              loading={link.isPending}
              data-testid="link-to-problem-submit"
            >
              {t('problems.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
