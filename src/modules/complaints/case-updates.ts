import type { Scope } from '../../platform/actor.ts';
import type { EarlyEscalation } from './early-escalation.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';
import type { Complaint } from './complaints.repository.ts';
import { complaintEvents } from './domain/events.ts';
import type { ComplaintStatus } from './domain/status.ts';

export type ComplaintUpdate = {
  reasonId?: string | null | undefined;
  severity?: Complaint['severity'] | undefined;
  productRef?: string | null | undefined;
  orderRef?: string | null | undefined;
  ownerId?: string | null | undefined;
};

/** How a change was asked for: a change made in bulk is also written to the audit trail. */
export type ChangeOrigin = { bulk: boolean };

/**
 * Classifying, assigning and moving a case through its statuses (step 5 ends at fixed). Each
 * says whether anything changed: asking again for the state a case is in changes nothing.
 */
export function createCaseUpdates(
  deps: Pick<ComplaintDeps, 'clock' | 'org'> & { work: CaseWork; escalation: EarlyEscalation },
) {
  const { clock, org, work, escalation } = deps;

  const audit = (
    tx: Tx,
    scope: Scope,
    id: string,
    action: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) =>
    recordAudit(tx, {
      orgId: scope.orgId,
      actor: scope.actor,
      action,
      entityType: 'complaint',
      entityId: id,
      before,
      after,
    });

  return {
    async update(
      scope: Scope,
      id: string,
      patch: ComplaintUpdate,
      origin: ChangeOrigin = { bulk: false },
    ): Promise<boolean> {
      return work.change(scope.orgId, id, async (tx, complaint) => {
        // Anyone may take a case; giving it to someone else needs complaint:assign.
        if (
          patch.ownerId !== undefined &&
          patch.ownerId !== complaint.ownerId &&
          !scope.permissions.has('complaint:assign') &&
          patch.ownerId !== scope.actor.id
        )
          throw new AppError('forbidden');
        await work.assertReason(tx, scope.orgId, patch.reasonId, 'reasonId');
        await work.assertUser(tx, scope.orgId, patch.ownerId, 'ownerId');
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of ['reasonId', 'severity', 'productRef', 'orderRef'] as const) {
          if (patch[key] !== undefined && patch[key] !== complaint[key])
            changes[key] = { from: complaint[key], to: patch[key] };
        }
        const ownerChanged = patch.ownerId !== undefined && patch.ownerId !== complaint.ownerId;
        if (Object.keys(changes).length === 0 && !ownerChanged) return false;
        await repo.updateComplaint(tx, scope.orgId, id, patch, clock.now());
        if (Object.keys(changes).length > 0)
          await work.addEvent(tx, complaint, scope.actor, complaintEvents.updated, 'internal', {
            changes,
          });
        if (ownerChanged) {
          const toName = patch.ownerId
            ? ((await org.findUser(tx, scope.orgId, patch.ownerId))?.name ?? null)
            : null;
          await work.addEvent(tx, complaint, scope.actor, complaintEvents.assigned, 'internal', {
            from: complaint.ownerId,
            to: patch.ownerId ?? null,
            toName,
          });
        }
        if (Object.keys(changes).length > 0) await work.refreshSearchText(tx, complaint);
        if (changes.severity && patch.severity) {
          complaint.severity = patch.severity;
          await escalation.check(tx, complaint);
        }
        if (origin.bulk && ownerChanged)
          await audit(
            tx,
            scope,
            id,
            'bulk.assigned',
            { ownerId: complaint.ownerId },
            { ownerId: patch.ownerId ?? null },
          );
        return true;
      });
    },

    async changeStatus(
      scope: Scope,
      id: string,
      status: ComplaintStatus,
      note: string | null | undefined,
      origin: ChangeOrigin = { bulk: false },
    ): Promise<boolean> {
      return work.change(scope.orgId, id, async (tx, complaint) => {
        const from = complaint.status;
        if (from === status) return false;
        await work.transition(tx, complaint, scope.actor, status, note ?? null);
        if (origin.bulk)
          await audit(tx, scope, id, 'bulk.status_changed', { status: from }, { status });
        return true;
      });
    },
  };
}
export type CaseUpdates = ReturnType<typeof createCaseUpdates>;
