import { useTranslation } from 'react-i18next';
import { useOrgTimeZone, useZoneFormat } from '../sla/time.ts';

type Line = { label?: string; value: string; block?: boolean; testId?: string };

function text(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Timeline sentences and details for the events of steps 4–5 (commitments, deadline requests). */
export function useLoopEventText() {
  const { t, i18n } = useTranslation();
  const format = useZoneFormat(useOrgTimeZone());
  return {
    sentence: (type: string, actor: string): string | undefined => {
      const key = `loopEvents.${type.replace('.', '_')}`;
      return i18n.exists(key) ? t(key, { actor }) : undefined;
    },
    lines: (type: string, data: Record<string, unknown>): Line[] => {
      const lines: Line[] = [];
      const due = text(data, 'dueAt');
      switch (type) {
        case 'commitment.made': {
          if (due) lines.push({ label: t('commitments.due'), value: format.dateTimeWeekday(due) });
          const previous = text(data, 'previousDueAt');
          if (previous) {
            lines.push({ label: t('loopEvents.previousDue'), value: format.dateTime(previous) });
          }
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
          if (department)
            lines.push({ label: t('deadlineRequests.department'), value: department });
          const question = text(data, 'question');
          if (question) lines.push({ value: question, block: true });
          break;
        }
        case 'deadline_request.answered': {
          if (due) {
            lines.push({
              label: t('deadlineRequests.answerDue'),
              value: format.dateTimeWeekday(due),
            });
          }
          const note = text(data, 'note');
          if (note) lines.push({ label: t('deadlineRequests.note'), value: note, block: true });
          break;
        }
        case 'manager_update.recorded':
        case 'verification.recorded':
        case 'verification.attempted': {
          const outcome = text(data, 'outcome');
          if (outcome)
            lines.push({
              label: t('followUps.whatFound'),
              value: t(`followUps.outcome.${outcome}`),
            });
          const method = text(data, 'method') ?? text(data, 'via');
          if (method && type !== 'verification.attempted')
            lines.push({
              label: t('followUps.howReached'),
              value: t(`followUps.method.${method}`),
            });
          const next = text(data, 'nextAttemptAt');
          if (next) lines.push({ label: t('followUps.dueColumn'), value: format.dateTime(next) });
          const note = text(data, 'note');
          if (note) lines.push({ value: note, block: true });
          break;
        }
        case 'survey.answered': {
          for (const [key, max] of [
            ['csat', 5],
            ['ces', 7],
            ['nps', 10],
          ] as const) {
            const score = data[key];
            if (typeof score === 'number')
              lines.push({ label: key.toUpperCase(), value: `${score}/${max}` });
          }
          const comment = text(data, 'comment');
          if (comment) lines.push({ label: t('surveys.comment'), value: comment, block: true });
          break;
        }
        default:
          break;
      }
      return lines;
    },
  };
}
