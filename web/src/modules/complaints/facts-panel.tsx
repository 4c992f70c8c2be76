import {
  Accordion,
  Badge,
  Blockquote,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useSendReadBack } from './complaints.api.ts';
import { VersionDetails } from './fact-version-details.tsx';
import { FactsForm } from './facts-form.tsx';
import { VerbalConfirmModal } from './verbal-confirm-modal.tsx';

/** Step 2: record the facts as a new version, read them back, and keep the confirmed version. */
export function FactsPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = detail.complaint.id;
  const { current, confirmed, versions } = detail.facts;
  const [editing, setEditing] = useState(current === null);
  const [verbalOpen, setVerbalOpen] = useState(false);
  const sendReadBack = useSendReadBack(id);

  const isCurrentConfirmed = Boolean(current && confirmed && current.version === confirmed.version);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="facts-title">
            {t('facts.title')}
          </Title>
          {current && !editing && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="facts-edit">
              {t('facts.newVersion')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('facts.help')}
        </Text>

        {current && (
          <Stack gap="xs" data-testid="facts-current" data-version={current.version}>
            <Group gap="xs">
              <Text fw={600}>{t('facts.version', { version: current.version })}</Text>
              {isCurrentConfirmed ? (
                <Badge color="teal.9" data-testid="facts-confirmed-badge">
                  {t('facts.confirmed')}
                </Badge>
              ) : current.sentAt ? (
                <Badge color="yellow.4" autoContrast data-testid="facts-sent-badge">
                  {t('facts.awaiting')}
                </Badge>
              ) : (
                <Badge color="gray.7">{t('facts.notSent')}</Badge>
              )}
            </Group>
            <Blockquote
              color="blue"
              p="sm"
              className="preserve-lines"
              data-testid="readback-text"
              lang={detail.complaint.language}
            >
              {current.readBack}
            </Blockquote>
            {current.sentAt && (
              <Text size="sm">{t('facts.sentAt', { at: format.dateTime(current.sentAt) })}</Text>
            )}
            {!isCurrentConfirmed && (
              <>
                <ErrorAlert error={sendReadBack.error} />
                <Group gap="xs">
                  <Button
                    onClick={() =>
                      sendReadBack.mutate(current.version, {
                        onSuccess: () =>
                          notifications.show({ color: 'teal', message: t('facts.readBackSent') }),
                      })
                    }
                    loading={sendReadBack.isPending}
                    data-testid="send-readback"
                  >
                    {current.sentAt ? t('facts.resendReadBack') : t('facts.sendReadBack')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => setVerbalOpen(true)}
                    data-testid="verbal-confirm"
                  >
                    {t('facts.markVerbal')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}

        {confirmed && !isCurrentConfirmed && (
          <Text size="sm" data-testid="facts-confirmed-version">
            {t('facts.confirmedEarlier', { version: confirmed.version })}
          </Text>
        )}

        {editing && (
          <FactsForm
            complaintId={id}
            base={current}
            intake={detail.complaint}
            onDone={() => setEditing(false)}
            onCancel={current ? () => setEditing(false) : undefined}
          />
        )}

        {versions.length > 0 && (
          <Accordion variant="separated" data-testid="facts-versions">
            {[...versions]
              .sort((a, b) => b.version - a.version)
              .map((version) => (
                <Accordion.Item key={version.version} value={String(version.version)}>
                  <Accordion.Control data-testid="facts-version">
                    {t('facts.version', { version: version.version })}
                    {' · '}
                    {format.dateTime(version.createdAt)}
                    {confirmed?.version === version.version ? ` · ${t('facts.confirmed')}` : ''}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <VersionDetails version={version} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
          </Accordion>
        )}
      </Stack>
      {current && (
        <VerbalConfirmModal
          complaintId={id}
          version={current.version}
          opened={verbalOpen}
          onClose={() => setVerbalOpen(false)}
          defaultName={detail.customer.name}
        />
      )}
    </Paper>
  );
}
