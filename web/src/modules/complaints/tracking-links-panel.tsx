import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useIssueTrackingLink, useRevokeTrackingLinks } from './complaints.api.ts';

/** A long label wraps inside a narrow column instead of being cut off. */
const wrapping = {
  size: 'compact-sm',
  h: 'auto',
  mih: 26,
  py: 2,
  styles: { label: { whiteSpace: 'normal' } },
} as const;

type Outcome =
  { kind: 'issued'; url: string; revoked: number } | { kind: 'revoked'; revoked: number } | null;

/**
 * The customer's private links to the portal. Staff never see the links that went out by mail
 * (a link lets whoever holds it act as the customer), so a new link is shown here once, for the
 * agent to give to the customer; a leaked link is stopped by replacing or revoking them all.
 */
export function TrackingLinksPanel({
  complaintId,
  createdLink,
}: {
  complaintId: string;
  /** The link issued with the complaint, when this page created it a moment ago. */
  createdLink?: string;
}) {
  const { t } = useTranslation();
  const issue = useIssueTrackingLink(complaintId);
  const revoke = useRevokeTrackingLinks(complaintId);
  const [outcome, setOutcome] = useState<Outcome>(
    createdLink ? { kind: 'issued', url: createdLink, revoked: 0 } : null,
  );
  const [confirming, setConfirming] = useState(false);

  const newLink = (revokeOthers: boolean) =>
    issue.mutate(revokeOthers, {
      onSuccess: (result) =>
        setOutcome({ kind: 'issued', url: result.trackingUrl, revoked: result.revoked }),
    });

  const stopAll = () =>
    revoke.mutate(undefined, {
      onSuccess: (result) => {
        setOutcome({ kind: 'revoked', revoked: result.revoked });
        setConfirming(false);
      },
    });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="tracking-links-title"
      data-testid="tracking-links"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="tracking-links-title">
          {t('trackingLinks.title')}
        </Title>
        <Text size="sm">{t('trackingLinks.help')}</Text>
        <Group gap="xs">
          <Button
            variant="default"
            {...wrapping}
            onClick={() => newLink(false)}
            loading={issue.isPending && issue.variables === false}
            disabled={issue.isPending}
            data-testid="tracking-link-new"
          >
            {t('trackingLinks.new')}
          </Button>
          <Button
            variant="default"
            {...wrapping}
            onClick={() => newLink(true)}
            loading={issue.isPending && issue.variables === true}
            disabled={issue.isPending}
            data-testid="tracking-link-replace"
          >
            {t('trackingLinks.replace')}
          </Button>
          <Button
            variant="outline"
            color="red.9"
            {...wrapping}
            onClick={() => setConfirming(true)}
            data-testid="tracking-links-revoke"
          >
            {t('trackingLinks.revokeAll')}
          </Button>
        </Group>
        <ErrorAlert error={issue.error} />
        {outcome?.kind === 'issued' && <IssuedLink url={outcome.url} revoked={outcome.revoked} />}
        {outcome?.kind === 'revoked' && (
          <Alert color="blue" variant="light" role="status" data-testid="tracking-links-revoked">
            <Text size="sm">{t('trackingLinks.revokedAll', { count: outcome.revoked })}</Text>
          </Alert>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('trackingLinks.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('trackingLinks.confirmBody')}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={stopAll}
              loading={revoke.isPending}
              data-testid="tracking-links-revoke-confirm"
            >
              {t('trackingLinks.revokeAll')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** A link shown once: it is not stored readable anywhere, so it cannot be shown again. */
function IssuedLink({ url, revoked }: { url: string; revoked: number }) {
  const { t } = useTranslation();
  const absolute = new URL(url, window.location.origin).toString();
  return (
    <Alert
      color="teal"
      variant="light"
      title={t('trackingLinks.issuedTitle')}
      data-testid="tracking-link-issued"
    >
      <Stack gap="xs">
        <TextInput
          label={t('trackingLinks.linkLabel')}
          value={absolute}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          data-testid="tracking-link-url"
        />
        <Group gap="sm">
          <CopyButton value={absolute}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} data-testid="tracking-link-copy">
                {copied ? t('public.copied') : t('public.copyLink')}
              </Button>
            )}
          </CopyButton>
          <Anchor
            href={absolute}
            target="_blank"
            rel="noreferrer"
            size="sm"
            c="var(--mantine-color-teal-light-color)"
          >
            {t('detail.trackingLink')}
          </Anchor>
        </Group>
        <Text size="sm" fw={600} data-testid="tracking-link-private-note">
          {t('trackingLinks.privateNote')}
        </Text>
        {revoked > 0 && (
          <Text size="sm" data-testid="tracking-link-revoked-count">
            {t('trackingLinks.revokedOthers', { count: revoked })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
