import { formatDateTime } from '../../customer/format.ts';
import { hasKey, t, type Language } from '../../customer/i18n.ts';

// What the portal says of each timeline event: the same sentences and details as the console's
// timeline (web/src/modules/complaints/event-text.tsx and commitments/loop-event-text.ts), for
// the events a customer sees.

const KNOWN_EVENT_TYPES: readonly string[] = [
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
];

const STATUSES: readonly string[] = [
  'new',
  'in_progress',
  'waiting_customer',
  'fixed',
  'closed',
  'cancelled',
];

export type EventLike = {
  type: string;
  actorType: string;
  actorName?: string | null;
  data: Record<string, unknown>;
};

export type Line = { label?: string; value: string; block?: boolean; testId?: string };

function text(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** One sentence for a timeline event, e.g. "Lan changed the status". */
export function eventSentence(event: EventLike): string {
  const actor = event.actorName || t(`actor.${event.actorType}`, { defaultValue: '' });
  if (KNOWN_EVENT_TYPES.includes(event.type))
    return t(`timeline.events.${event.type.replace('.', '_')}`, { actor });
  const loopKey = `loopEvents.${event.type.replace('.', '_')}`;
  if (hasKey(loopKey)) return t(loopKey, { actor });
  return t('timeline.events.unknown', { actor, type: event.type });
}

/** Steps 4–5: commitments and deadline requests. */
function loopLines(
  type: string,
  data: Record<string, unknown>,
  when: (iso: string) => string,
): Line[] {
  const lines: Line[] = [];
  const due = text(data, 'dueAt');
  switch (type) {
    case 'commitment.made': {
      if (due) lines.push({ label: t('commitments.due'), value: when(due) });
      const previous = text(data, 'previousDueAt');
      if (previous) lines.push({ label: t('loopEvents.previousDue'), value: when(previous) });
      const taskType = text(data, 'taskTypeName');
      if (taskType) lines.push({ label: t('commitments.taskType'), value: taskType });
      const reason = text(data, 'reason');
      if (reason) lines.push({ label: t('commitments.reasonLabel'), value: reason });
      const body = text(data, 'body');
      if (body) lines.push({ value: body, block: true, testId: 'event-body' });
      break;
    }
    case 'deadline_request.sent': {
      const department = text(data, 'departmentName');
      if (department) lines.push({ label: t('deadlineRequests.department'), value: department });
      const question = text(data, 'question');
      if (question) lines.push({ value: question, block: true });
      break;
    }
    case 'deadline_request.answered': {
      if (due) lines.push({ label: t('deadlineRequests.answerDue'), value: when(due) });
      const note = text(data, 'note');
      if (note) lines.push({ label: t('deadlineRequests.note'), value: note, block: true });
      break;
    }
    default:
      break;
  }
  return lines;
}

/** The useful data of an event: status from → to, message subject and body, file, version. */
export function eventLines(
  type: string,
  data: Record<string, unknown>,
  language: Language,
  timeZone: string,
): Line[] {
  const status = (value: string | undefined) =>
    value && STATUSES.includes(value) ? t(`status.${value}`) : (value ?? '');
  const lines: Line[] = [];
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
      if (body) lines.push({ value: body, block: true, testId: 'event-body' });
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
    case 'attachment.added': {
      const filename = text(data, 'filename', 'name');
      if (filename) lines.push({ label: t('timeline.file'), value: filename });
      break;
    }
    default:
      lines.push(...loopLines(type, data, (iso) => formatDateTime(iso, language, timeZone)));
      break;
  }
  return lines;
}
