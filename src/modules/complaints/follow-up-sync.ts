import type { Tx } from '../../platform/db/index.ts';
import type { StepDues } from '../sla/index.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { kindsForFix } from './domain/follow-ups.ts';
import * as events from './events.repository.ts';
import * as repo from './follow-ups.repository.ts';

/**
 * Keeps a case's follow-up tasks in step with its status, inside every change to the case:
 * a fix makes the tasks of step 6 (the intake agent's manager updates the customer; the owner
 * calls back after the promised date), a reopen or a cancellation ends the open ones, and the
 * open ones carry the due of their step's clock as the clocks move.
 */
export function createFollowUpSync(deps: Pick<ComplaintDeps, 'clock' | 'org' | 'notices'>) {
  const { clock, org, notices } = deps;

  async function makeTasks(tx: Tx, complaint: Complaint, dues: StepDues | undefined) {
    const { fixedAt } = await events.stepMoments(tx, complaint.orgId, complaint.id);
    if (!fixedAt || (await repo.hasTasksFor(tx, complaint.orgId, complaint.id, fixedAt))) return;
    const settings = await repo.findSettings(tx, complaint.orgId);
    const kinds = kindsForFix(settings);
    if (kinds.length === 0) return;
    const agent = complaint.intakeAgentId ?? complaint.ownerId;
    const manager =
      (agent ? await org.managerOf(complaint.orgId, agent, tx) : undefined) ??
      settings.fallbackUserId;
    const assignees = {
      manager_update: manager ?? null,
      verification: complaint.ownerId ?? complaint.intakeAgentId ?? manager ?? null,
    };
    await repo.insertFollowUps(
      tx,
      kinds.map((kind) => ({
        orgId: complaint.orgId,
        complaintId: complaint.id,
        kind,
        fixedAt,
        assigneeId: assignees[kind],
        dueAt: dues?.[kind] ?? null,
        createdAt: clock.now(),
      })),
    );
    // Each assignee hears of their task (the bell, and a mail), with its due.
    for (const kind of kinds) {
      const userId = assignees[kind];
      if (!userId) continue;
      await notices.notify(tx, {
        orgId: complaint.orgId,
        userId,
        kind: 'follow_up',
        complaintId: complaint.id,
        dedupeKey: `${complaint.id}:follow_up:${kind}:${fixedAt.toISOString()}`,
        data: {
          reference: complaint.reference,
          clock: kind,
          dueAt: dues?.[kind]?.toISOString() ?? null,
        },
      });
    }
  }

  /** After a change to the case (its status as it now is, its clocks just derived). */
  async function sync(
    tx: Tx,
    complaint: Complaint,
    statusBefore: string,
    dues: StepDues | undefined,
  ): Promise<void> {
    const isFixed = complaint.status === 'fixed' || complaint.status === 'closed';
    if (!isFixed) {
      if (statusBefore === 'fixed' || statusBefore === 'closed' || complaint.status === 'cancelled')
        await repo.cancelOpen(tx, complaint.orgId, complaint.id);
      return;
    }
    if (complaint.status === 'fixed' && statusBefore !== 'fixed') {
      await makeTasks(tx, complaint, dues);
      return;
    }
    if (!dues) return;
    for (const task of await repo.openOfComplaint(tx, complaint.orgId, complaint.id)) {
      const due = task.kind === 'low_score' ? undefined : dues[task.kind];
      // A stopped clock (the step's own event) no longer moves the task's due.
      if (due && due.getTime() !== task.dueAt?.getTime())
        await repo.setDue(tx, complaint.orgId, task.id, due);
    }
  }

  return { sync };
}

export type FollowUpSync = ReturnType<typeof createFollowUpSync>;
