import type { Tx } from '../../platform/db/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { isOpenStatus } from '../kernel/index.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { earlyEscalationReasons } from './domain/early-escalation.ts';
import { complaintEvents } from './domain/events.ts';
import * as repo from './follow-ups.repository.ts';

/**
 * Escalates a case to the manager before the customer has to ask (once per case): checked when
 * the case is taken in, when the customer writes again, and when its severity changes.
 */
export function createEarlyEscalation(
  deps: Pick<ComplaintDeps, 'customers' | 'org' | 'notices'> & { work: CaseWork },
) {
  const { customers, org, notices, work } = deps;

  /** In the case's change: escalates when a rule says so and it was not escalated before. */
  async function check(tx: Tx, complaint: Complaint): Promise<boolean> {
    // A case already fixed, closed or cancelled has nothing left to escalate.
    if (!isOpenStatus(complaint.status)) return false;
    const settings = await repo.findSettings(tx, complaint.orgId);
    if (!settings.escalation.enabled) return false;
    if (await repo.wasEscalated(tx, complaint.orgId, complaint.id)) return false;
    const [customer, written] = await Promise.all([
      customers.findCustomer(tx, complaint.orgId, complaint.customerId),
      repo.customerMessages(tx, complaint.orgId, complaint.id),
    ]);
    const reasons = earlyEscalationReasons(settings.escalation, {
      severity: complaint.severity,
      tier: customer?.tier ?? null,
      texts: [complaint.description, ...written],
      customerContacts: written.length,
    });
    if (reasons.length === 0) return false;
    const from = complaint.ownerId ?? complaint.intakeAgentId;
    const to =
      (from ? await org.managerOf(complaint.orgId, from, tx) : undefined) ??
      settings.fallbackUserId;
    if (!to) return false;
    const toName = await repo.userName(tx, complaint.orgId, to);
    await work.addEvent(tx, complaint, systemActor, complaintEvents.escalatedEarly, 'internal', {
      reasons,
      to,
      toName,
    });
    await notices.notify(tx, {
      orgId: complaint.orgId,
      userId: to,
      kind: 'early_escalation',
      complaintId: complaint.id,
      dedupeKey: `${complaint.id}:early_escalation`,
      data: { reference: complaint.reference, customerName: customer?.name ?? null, reasons },
    });
    return true;
  }

  return {
    check,
    /** The job intake leaves when a rule matched the new case. */
    async checkLater(orgId: string, complaintId: string): Promise<void> {
      await work.change(orgId, complaintId, (tx, complaint) => check(tx, complaint));
    },
  };
}

export type EarlyEscalation = ReturnType<typeof createEarlyEscalation>;
