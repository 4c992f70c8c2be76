import type { Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { complaintEvents } from '../complaints/index.ts';
import type { CommitmentView } from './commitments.contract.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import type { DeadlineRequests } from './deadline-requests.ts';
import { promiseOutcome, type PromiseOutcome } from './domain/ledger.ts';
import { commitmentMessage, formatDue } from './domain/messages.ts';
import type { TaskTypes } from './task-types.ts';

const toView = (c: repo.Commitment): CommitmentView => ({
  id: c.id,
  sequence: c.sequence,
  dueAt: c.dueAt.toISOString(),
  taskTypeId: c.taskTypeId,
  taskTypeName: c.taskTypeName,
  departmentId: c.departmentId,
  deadlineRequestId: c.deadlineRequestId,
  committedByName: c.committedByName,
  committedAt: c.committedAt.toISOString(),
  reason: c.reason,
  customerMessage: c.customerMessage,
});

/**
 * Step 4: the commitment. The customer hears the concrete due time in their language, by their
 * channel and in the portal. A change needs a reason and tells the customer too.
 */
export function createCommit(
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'complaints'> & {
    taskTypes: TaskTypes;
    requests: DeadlineRequests;
  },
) {
  const { db, clock, complaints, taskTypes, requests } = deps;

  async function ofComplaint(orgId: string, complaintId: string) {
    if (!(await complaints.exists(db, orgId, complaintId))) throw new AppError('not_found');
    const [list, deadlineRequests] = await Promise.all([
      repo.listCommitments(db, orgId, { complaintId }),
      requests.requestViews(db, orgId, { complaintId }),
    ]);
    const first = list[0];
    const last = list.at(-1);
    let outcome: PromiseOutcome | null = null;
    let slipDays: number | null = null;
    if (first && last) {
      const fixedAt =
        (await complaints.fixesOf(db, orgId, [complaintId])).find((f) => f.at >= first.committedAt)
          ?.at ?? null;
      const r = promiseOutcome(
        {
          originalDueAt: first.dueAt,
          latestDueAt: last.dueAt,
          commitments: list.length,
          fixedAt,
        },
        clock.now(),
      );
      outcome = r.outcome;
      slipDays = r.slipDays;
    }
    return { commitments: list.map(toView), deadlineRequests, outcome, slipDays };
  }

  return {
    ofComplaint,

    async commit(
      scope: Scope,
      complaintId: string,
      input: {
        dueAt: string;
        taskTypeId?: string | null | undefined;
        deadlineRequestId?: string | null | undefined;
        reason?: string | null | undefined;
        message?: string | null | undefined;
      },
    ) {
      const dueAt = new Date(input.dueAt);
      if (dueAt <= clock.now()) throw invalidField('dueAt');
      await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        const previous = await repo.latestCommitment(tx, scope.orgId, complaintId);
        const sequence = (previous?.sequence ?? 0) + 1;
        if (previous && !input.reason?.trim()) throw invalidField('reason', 'field.required');
        let departmentId: string | null = null;
        let taskTypeName: string | null = null;
        if (input.taskTypeId) {
          const task = await taskTypes.getTaskType(tx, scope.orgId, input.taskTypeId);
          departmentId = task.departmentId;
          taskTypeName = task.name;
        }
        if (input.deadlineRequestId) {
          const request = await repo.findDeadlineRequest(tx, scope.orgId, input.deadlineRequestId);
          if (!request || request.complaintId !== complaintId)
            throw invalidField('deadlineRequestId');
          departmentId = request.departmentId;
        }
        const reason = previous ? (input.reason ?? null) : null;
        const due = formatDue(dueAt, tools.complaint.language, tools.org.timeZone);
        const standard = commitmentMessage(tools.complaint.language, {
          name: tools.customer.name,
          org: tools.org.name,
          reference: tools.complaint.reference,
          due,
          reason,
        });
        const body = input.message?.trim() ? input.message : standard.body;
        await repo.insertCommitment(tx, scope.orgId, {
          complaintId,
          sequence,
          dueAt,
          taskTypeId: input.taskTypeId ?? null,
          deadlineRequestId: input.deadlineRequestId ?? null,
          departmentId,
          committedBy: scope.actor.type === 'user' ? scope.actor.id : null,
          committedAt: clock.now(),
          reason,
          customerMessage: body,
        });
        const via = await tools.messageCustomer(standard.subject, body);
        await tools.addEvent(scope.actor, complaintEvents.commitmentMade, 'public', {
          dueAt: dueAt.toISOString(),
          sequence,
          previousDueAt: previous?.dueAt.toISOString() ?? null,
          reason,
          taskTypeName,
          body,
          via,
        });
        await tools.setCommitment(dueAt, departmentId);
        await tools.startWork(scope.actor);
        await tools.claimIfUnowned(scope.actor);
      });
      return ofComplaint(scope.orgId, complaintId);
    },
  };
}
