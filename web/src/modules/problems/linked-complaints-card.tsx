import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { useLinkComplaints, useUnlinkComplaint, type ProblemDetail } from './problems.api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pasted references and ids, each turned into a case id: ids as they are, references looked up. */
async function resolveCases(text: string): Promise<{ ids: string[]; unknown: string[] }> {
  const tokens = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const token of tokens) {
    if (UUID.test(token)) {
      ids.push(token);
      continue;
    }
    const found = await api.call('listComplaints', { query: { q: token, pageSize: 10 } });
    const match = found.items.find((c) => c.reference.toLowerCase() === token.toLowerCase());
    if (match) ids.push(match.id);
    else unknown.push(token);
  }
  return { ids, unknown };
}

/** The cases this problem explains: recurrences marked, unlink, and more linked by reference. */
export function LinkedComplaintsCard({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useHasPermission();
  const canLink = can('problem:link');
  const id = detail.problem.id;
  const link = useLinkComplaints();
  const unlink = useUnlinkComplaint(id);
  const [text, setText] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const [resolving, setResolving] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const complaints = detail.complaints;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setResolving(true);
    setLookupError(null);
    try {
      const resolved = await resolveCases(text);
      setUnknown(resolved.unknown);
      if (resolved.ids.length > 0)
        link.mutate(
          { problemId: id, complaintIds: resolved.ids },
          { onSuccess: () => setText(resolved.unknown.join(' ')) },
        );
    } catch (error) {
      setLookupError(error);
    } finally {
      setResolving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="linked-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="linked-title">
          {t('problems.linked.title', { count: complaints.length })}
        </Title>
        {complaints.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('problems.linked.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="linked-complaints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('problems.linked.case')}</Table.Th>
                  <Table.Th scope="col">{t('problems.linked.customer')}</Table.Th>
                  <Table.Th scope="col">{t('problems.linked.received')}</Table.Th>
                  <Table.Th scope="col">{t('problems.linked.how')}</Table.Th>
                  {canLink && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {complaints.map((c) => (
                  <Table.Tr
                    key={c.complaintId}
                    data-testid="linked-complaint"
                    data-reference={c.reference}
                  >
                    <Table.Td>
                      <Group gap={6}>
                        <Anchor component={Link} to={`/complaints/${c.complaintId}`}>
                          {c.reference}
                        </Anchor>
                        {c.isRecurrence && (
                          <Badge color="red.8" data-testid="recurrence-badge">
                            {t('problems.linked.recurrence')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{c.customerName}</Table.Td>
                    <Table.Td>{format.dateTime(c.receivedAt)}</Table.Td>
                    <Table.Td>
                      {t(`problems.linked.source.${c.source}`)} · {format.date(c.linkedAt)}
                    </Table.Td>
                    {canLink && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          c="red.9"
                          loading={unlink.isPending && unlink.variables === c.complaintId}
                          onClick={() => unlink.mutate(c.complaintId)}
                          aria-label={t('problems.linked.unlinkNamed', { reference: c.reference })}
                          data-testid="linked-unlink"
                        >
                          {t('problems.linked.unlink')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ErrorAlert error={unlink.error} />
        {canLink && (
          <form onSubmit={(e) => void submit(e)} noValidate data-testid="link-more-form">
            <Stack gap="xs">
              <Textarea
                label={t('problems.linked.more')}
                description={t('problems.linked.moreHelp')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) void submit(e);
                }}
                autosize
                minRows={1}
                data-testid="link-more-input"
              />
              {unknown.length > 0 && (
                <Text size="sm" c="red.8" role="alert" data-testid="link-more-unknown">
                  {t('problems.linked.unknown', { list: unknown.join(', ') })}
                </Text>
              )}
              <ErrorAlert error={link.error ?? lookupError} />
              <Group>
                <Button
                  type="submit"
                  disabled={!text.trim()}
                  loading={resolving || link.isPending}
                  data-testid="link-more-submit"
                >
                  {t('problems.linked.link')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
