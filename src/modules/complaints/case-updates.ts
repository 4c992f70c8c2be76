import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
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

/** Classifying, assigning and moving a case through its statuses (step 5 ends at fixed). */
export function createCaseUpdates(deps: Pick<ComplaintDeps, 'clock' | 'org'> & { work: CaseWork }) {
  const { clock, org, work } = deps;

  return {
    async update(scope: Scope, id: string, patch: ComplaintUpdate): Promise<void> {
      await work.change(scope.orgId, id, async (tx, complaint) => {
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
        if (Object.keys(changes).length === 0 && !ownerChanged) return;
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
      });
    },

    async changeStatus(
      scope: Scope,
      id: string,
      status: ComplaintStatus,
      note: string | null | undefined,
    ): Promise<void> {
      await work.change(scope.orgId, id, (tx, complaint) =>
        work.transition(tx, complaint, scope.actor, status, note ?? null),
      );
    },
  };
}
