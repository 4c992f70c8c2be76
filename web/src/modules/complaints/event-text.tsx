import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { statusSchema } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLoopEventText } from '../commitments/loop-event-text.ts';
import { OriginalMailButton } from './original-mail.tsx';
import { FormattedText } from '../../ui/formatted-text.tsx';

export const KNOWN_EVENT_TYPES = [
  'complaint.received',
  'complaint.acknowledged',
  'complaint.status_changed',
  'complaint.updated',
  'complaint.assigned',
  'facts.recorded',
  'readback.sent',
  'readback.confirmed',
  'message.sent',
  'message.received',
  'note.added',
  'attachment.added',
  'complaint.fixed',
  'tracking_link.issued',
  'tracking_link.revoked',
  'problem.linked',
  'problem.unlinked',
  'call.logged',
  'message.bounced',
] as const;

function text(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

type EventLike = {
  type: string;
  actorType: string;
  actorName?: string | null;
  data: Record<string, unknown>;
};

/** One localized sentence for a timeline event, e.g. "Lan changed the status". */
export function useEventSentence() {
  const { t } = useTranslation();
  const loop = useLoopEventText();
  return (event: EventLike) => {
    const actor = event.actorName || t(`actor.${event.actorType}`, { defaultValue: '' });
    const known = (KNOWN_EVENT_TYPES as readonly string[]).includes(event.type);
    const loopSentence = known ? undefined : loop.sentence(event.type, actor);
    if (loopSentence) return loopSentence;
    return known
      ? t(`timeline.events.${event.type.replace('.', '_')}`, {
          actor,
          reference: typeof event.data.reference === 'string' ? event.data.reference : '',
        })
      : t('timeline.events.unknown', { actor, type: event.type });
  };
}

/** The useful data of an event: status from → to, message subject and body, note, file, version. */
export function EventData({ type, data }: { type: string; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const loop = useLoopEventText();
  const status = (value: string | undefined) =>
    value && (statusSchema.options as readonly string[]).includes(value)
      ? t(`status.${value}`)
      : (value ?? '');
  const lines: {
    label?: string;
    value: ReactNode;
    block?: boolean;
    testId?: string;
  }[] = [];

  switch (type) {
    case 'complaint.status_changed': {
      const from = text(data, 'from', 'fromStatus', 'previousStatus');
      const to = text(data, 'to', 'toStatus', 'status');
      lines.push({
        value: `${status(from) || '—'} → ${status(to) || '—'}`,
        testId: 'event-status',
      });
      const note = text(data, 'note', 'reason');
      if (note) lines.push({ label: t('timeline.note'), value: note, block: true });
      break;
    }
    case 'complaint.assigned': {
      const owner = text(data, 'ownerName', 'toName', 'assigneeName');
      if (owner) lines.push({ label: t('complaint.owner'), value: owner });
      break;
    }
    case 'complaint.updated': {
      const changes = data.changes ?? data.fields;
      const fields = Array.isArray(changes)
        ? changes.map(String)
        : changes && typeof changes === 'object'
          ? Object.keys(changes)
          : Object.keys(data);
      if (fields.length > 0) {
        lines.push({
          label: t('timeline.changed'),
          value: fields.map((f) => t(`timeline.field.${f}`, { defaultValue: f })).join(', '),
        });
      }
      break;
    }
    case 'complaint.received': {
      const channel = text(data, 'channel');
      if (channel) lines.push({ label: t('complaint.channel'), value: t(`channel.${channel}`) });
      break;
    }
    case 'facts.recorded':
    case 'readback.sent':
    case 'readback.confirmed': {
      const version = text(data, 'version');
      if (version) lines.push({ value: t('facts.version', { version }) });
      const via = text(data, 'via');
      // On a sent read-back, "via" is how it was delivered (e-mail or the portal); on a
      // confirmation, it is how the customer confirmed (portal or verbally).
      if (via && type === 'readback.sent') {
        lines.push({
          label: t('facts.sentVia'),
          value: via === 'email' ? t('channel.email') : t('facts.via.portal'),
        });
      } else if (via) {
        lines.push({ label: t('facts.confirmation'), value: t(`facts.via.${via}`) });
      }
      const by = text(data, 'by', 'confirmedBy');
      if (by) lines.push({ label: t('verbal.confirmedBy'), value: by });
      const readBack = text(data, 'readBack', 'text');
      if (readBack) lines.push({ value: readBack, block: true });
      break;
    }
    case 'complaint.acknowledged':
    case 'message.sent':
    case 'message.received': {
      const subject = text(data, 'subject');
      if (subject) lines.push({ label: t('composer.subject'), value: subject });
      const body = text(data, 'body', 'text');
      if (body && data.format === 'formatted')
        lines.push({ value: <FormattedText text={body} testId="event-body" /> });
      else if (body) lines.push({ value: body, block: true, testId: 'event-body' });
      const cc = Array.isArray(data.cc) ? data.cc.map(String) : [];
      if (cc.length > 0) lines.push({ label: t('reply.cc'), value: cc.join(', ') });
      const files = Array.isArray(data.attachmentIds) ? data.attachmentIds.length : 0;
      if (files > 0) lines.push({ value: t('reply.filesSent', { count: files }) });
      break;
    }
    case 'note.added': {
      const body = text(data, 'body', 'text');
      if (body) lines.push({ value: body, block: true, testId: 'event-body' });
      break;
    }
    case 'tracking_link.issued': {
      const revoked = Number(data.revokedOthers ?? 0);
      if (revoked > 0) lines.push({ value: t('trackingLinks.revokedOthers', { count: revoked }) });
      break;
    }
    case 'tracking_link.revoked': {
      lines.push({ value: t('trackingLinks.revokedAll', { count: Number(data.revoked ?? 0) }) });
      break;
    }
    case 'call.logged': {
      const direction = text(data, 'direction');
      const outcome = text(data, 'outcome');
      const seconds = typeof data.durationSeconds === 'number' ? data.durationSeconds : 0;
      lines.push({
        label: t('calls.call'),
        value: [
          direction ? t(`calls.directions.${direction}`) : '',
          outcome ? t(`calls.outcomes.${outcome}`) : '',
          `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
        ]
          .filter(Boolean)
          .join(' · '),
        testId: 'event-call',
      });
      break;
    }
    case 'message.bounced': {
      const to = text(data, 'to');
      const error = text(data, 'error');
      if (to) lines.push({ label: t('timeline.bouncedTo'), value: to });
      if (error)
        lines.push({ label: t('timeline.bounceReason'), value: error, testId: 'event-bounce' });
      break;
    }
    case 'attachment.added': {
      const filename = text(data, 'filename', 'name');
      if (filename) lines.push({ label: t('timeline.file'), value: filename });
      break;
    }
    default:
      lines.push(...loop.lines(type, data));
      break;
  }

  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line, index) =>
        typeof line.value !== 'string' ? (
          <div key={index}>{line.value}</div>
        ) : (
          <Text
            key={index}
            size="sm"
            className={line.block ? 'preserve-lines' : undefined}
            data-testid={line.testId}
          >
            {line.label && (
              <Text span fw={600}>
                {line.label}:{' '}
              </Text>
            )}
            {line.value}
          </Text>
        ),
      )}
    </Stack>
  );
}

/** A timeline item's body: what the event carries, then when it happened. */
export function EventBody({
  event,
}: {
  event: { type: string; data: Record<string, unknown>; createdAt: string };
}) {
  const format = useFormat();
  const { id: complaintId } = useParams();
  const inboundId = typeof event.data.inboundId === 'string' ? event.data.inboundId : undefined;
  const cameByMail =
    (event.type === 'message.received' && inboundId) ||
    (event.type === 'complaint.received' && event.data.channel === 'email' && complaintId);
  return (
    <>
      <EventData type={event.type} data={event.data} />
      {cameByMail && (
        <OriginalMailButton {...(inboundId ? { inboundId } : complaintId ? { complaintId } : {})} />
      )}
      <Text size="xs" c="dimmed" mt={2}>
        <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
      </Text>
    </>
  );
}
