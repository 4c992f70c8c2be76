import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { ChainEditor } from './chain-editor.tsx';
import { useAcknowledgeLink, type ProblemDetail } from './problems.api.ts';

type Link = ProblemDetail['chain'][number];

/** One link's acknowledgement: what the person accepted, when, and who recorded it. */
function Acknowledgement({ problemId, link }: { problemId: string; link: Link }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const canWrite = useHasPermission()('problem:write');
  const acknowledge = useAcknowledgeLink(problemId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const isMine = link.userId === me.id;

  if (link.acknowledgedAt)
    return (
      <Stack gap={2} data-testid="chain-ack">
        <Text size="sm" className="preserve-lines">
          “{link.acknowledgement}”
        </Text>
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('problems.chain.ackBy', {
              name: link.acknowledgedByName ?? '—',
              at: format.dateTime(link.acknowledgedAt),
            })}
          </Text>
          {link.onBehalf && (
            <Badge size="sm" variant="outline" color="gray.8" data-testid="chain-ack-on-behalf">
              {t('problems.chain.onBehalf')}
            </Badge>
          )}
        </Group>
      </Stack>
    );
  if (!isMine && !canWrite)
    return (
      <Text size="xs" c="dimmed">
        {t('problems.chain.notAcknowledged')}
      </Text>
    );
  if (!open)
    return (
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('problems.chain.notAcknowledged')}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => setOpen(true)}
          data-testid="chain-ack-open"
        >
          {isMine ? t('problems.chain.acknowledge') : t('problems.chain.acknowledgeOnBehalf')}
        </Button>
      </Group>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    acknowledge.mutate({ linkId: link.id, text }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="chain-ack-form">
      <Stack gap="xs">
        <Textarea
          label={t('problems.chain.ackText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
          autosize
          minRows={2}
          autoFocus
          data-testid="chain-ack-text"
        />
        <ErrorAlert error={acknowledge.error} />
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            disabled={!text.trim()}
            loading={acknowledge.isPending}
            data-testid="chain-ack-submit"
          >
            {t('problems.chain.acknowledge')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The responsibility chain, customer service to the named person, each link acknowledged. */
export function ChainCard({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const canWrite = useHasPermission()('problem:write');
  const [editing, setEditing] = useState(false);
  const chain = detail.chain;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chain-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="chain-title">
            {t('problems.chain.title')}
          </Title>
          {canWrite && !editing && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setEditing(true)}
              data-testid="chain-edit"
            >
              {t('problems.chain.edit')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('problems.chain.help')}
        </Text>
        {editing ? (
          <ChainEditor detail={detail} onDone={() => setEditing(false)} />
        ) : chain.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('problems.chain.none')}
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ol"
            style={{ margin: 0, padding: 0, listStyle: 'none' }}
            data-testid="chain-links"
          >
            {chain.map((link, i) => (
              <Paper
                key={link.id}
                component="li"
                withBorder
                p="xs"
                radius="sm"
                data-testid="chain-link"
              >
                <Group gap="xs" align="baseline" wrap="wrap">
                  <Text fw={700} size="sm">
                    {i + 1}.
                  </Text>
                  <Text fw={600} size="sm">
                    {link.personName ?? '—'}
                  </Text>
                  <Text size="sm">{link.role}</Text>
                  {link.departmentName && (
                    <Text size="sm" c="dimmed">
                      · {link.departmentName}
                    </Text>
                  )}
                </Group>
                <Acknowledgement problemId={detail.problem.id} link={link} />
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
