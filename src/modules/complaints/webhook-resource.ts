import type { Executor } from '../../platform/db/index.ts';
import * as repo from './complaints.repository.ts';
import type { Complaint } from './complaints.repository.ts';
import { complaintEvents, type ComplaintEventType } from './domain/events.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The case as a webhook's `data.complaint`: what identifies it and where it stands. */
export const complaintResource = (c: Complaint, status: string = c.status) => ({
  id: c.id,
  reference: c.reference,
  status,
  channel: c.channel,
  severity: c.severity,
  reasonId: c.reasonId,
  customerId: c.customerId,
  ownerId: c.ownerId,
  language: c.language,
  createdAt: c.createdAt.toISOString(),
  committedDueAt: iso(c.committedDueAt),
});

type Part = (d: Record<string, unknown>) => Record<string, unknown>;

/** What an event adds to the case in its webhook's `data`. */
const eventParts: Partial<Record<ComplaintEventType, Part>> = {
  [complaintEvents.messageReceived]: (d) => ({
    message: { body: d.body, via: d.via, subject: d.subject ?? null },
  }),
  [complaintEvents.commitmentMade]: (d) => ({
    commitment: {
      dueAt: d.dueAt,
      sequence: d.sequence,
      previousDueAt: d.previousDueAt,
      reason: d.reason,
      taskTypeName: d.taskTypeName,
    },
  }),
  [complaintEvents.managerUpdateRecorded]: (d) => ({
    followUp: { kind: 'manager_update', method: d.method, note: d.note },
  }),
  [complaintEvents.verificationRecorded]: (d) => ({
    followUp: { kind: 'verification', outcome: d.outcome, via: d.via, note: d.note },
  }),
  [complaintEvents.statusChanged]: (d) => ({ change: { from: d.from, to: d.to } }),
  [complaintEvents.rewardGranted]: (d) => ({
    grant: {
      id: d.grantId,
      kind: d.kind,
      type: d.type,
      amountMinor: d.amountMinor,
      currency: d.currency,
      reference: d.reference,
      approvalLevel: d.approvalLevel,
    },
  }),
  [complaintEvents.surveyAnswered]: (d) => ({
    survey: { id: d.surveyId, csat: d.csat, ces: d.ces, nps: d.nps, comment: d.comment },
  }),
};
const eventPart = (type: ComplaintEventType, d: Record<string, unknown>) =>
  eventParts[type]?.(d) ?? {};

/**
 * The `data` of a case's webhook. The event is written before the case object follows its
 * status, so a status event names the status it moved to.
 */
export async function webhookResource(
  executor: Executor,
  complaint: { orgId: string; id: string } | Complaint,
  type: ComplaintEventType,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const c =
    'reference' in complaint
      ? complaint
      : await repo.findComplaint(executor, complaint.orgId, complaint.id);
  if (!c) return eventPart(type, data);
  const status =
    type === complaintEvents.statusChanged
      ? String(data.to)
      : type === complaintEvents.fixed
        ? 'fixed'
        : c.status;
  return { complaint: complaintResource(c, status), ...eventPart(type, data) };
}
