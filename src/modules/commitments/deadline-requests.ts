import type { Scope } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { publishLive } from '../../platform/live.ts';
import { complaintEvents } from '../complaints/index.ts';
import type { DeadlineRequestList, DeadlineRequestView } from './commitments.contract.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import type { TaskTypes } from './task-types.ts';

/**
 * Deadline requests: for work outside the catalogue the agent asks the owning department for a
 * due time while the customer waits. The department sees it live, with its own clock in minutes,
 * and its answer drops live into the agent's commitment form.
 */
export function createDeadlineRequests(
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'sla' | 'complaints' | 'notices' | 'org'> & {
    taskTypes: TaskTypes;
  },
) {
  const { db, clock, sla, complaints, notices, org, taskTypes } = deps;

  /** The requests as the screens show them; the policy behind their clock is read once. */
  async function views(
    executor: Executor,
    orgId: string,
    filter: repo.DeadlineRequestFilter,
    page?: { limit: number; offset: number },
  ): Promise<DeadlineRequestView[]> {
    const requests = await repo.listDeadlineRequests(executor, orgId, filter, page);
    if (requests.length === 0) return [];
    const [labels, clockOf] = await Promise.all([
      complaints.labels(
        executor,
        orgId,
        requests.map((r) => r.complaintId),
      ),
      sla.internalClocks(executor, orgId, 'deadline_request'),
    ]);
    return requests.map((r) => ({
      id: r.id,
      complaintId: r.complaintId,
      complaintReference: labels.get(r.complaintId)?.reference ?? '',
      customerName: labels.get(r.complaintId)?.customerName ?? '',
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      requestedById: r.requestedBy,
      requestedByName: r.requestedByName,
      question: r.question,
      status: r.status,
      answerDueAt: r.answerDueAt?.toISOString() ?? null,
      answerNote: r.answerNote,
      answeredByName: r.answeredByName,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      clock: r.status === 'cancelled' ? null : clockOf(r.createdAt, r.answeredAt),
    }));
  }

  const viewOf = async (orgId: string, id: string) => (await views(db, orgId, { ids: [id] }))[0]!;

  return {
    requestViews: views,

    /** Asks the owning department for a due time while the customer waits; they see it live. */
    async requestDeadline(
      scope: Scope,
      complaintId: string,
      input: {
        departmentId?: string | undefined;
        taskTypeId?: string | undefined;
        question: string;
      },
    ): Promise<DeadlineRequestView> {
      const departmentId =
        input.departmentId ??
        (input.taskTypeId
          ? (await taskTypes.getTaskType(db, scope.orgId, input.taskTypeId)).departmentId
          : null);
      if (!departmentId) throw invalidField('departmentId', 'field.required');
      const id = await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        const department = await org.findDepartment(tx, scope.orgId, departmentId);
        if (!department) throw invalidField('departmentId');
        const requestId = await repo.insertDeadlineRequest(tx, {
          orgId: scope.orgId,
          complaintId,
          departmentId,
          requestedBy: scope.actor.type === 'user' ? scope.actor.id : null,
          question: input.question,
          createdAt: clock.now(),
        });
        await tools.addEvent(scope.actor, complaintEvents.deadlineRequestSent, 'internal', {
          requestId,
          departmentId,
          departmentName: department.name,
          question: input.question,
        });
        const recipients = new Set(await org.departmentAudience(tx, scope.orgId, departmentId));
        recipients.delete(scope.actor.id ?? '');
        for (const userId of recipients) {
          await notices.notify(tx, {
            orgId: scope.orgId,
            userId,
            kind: 'deadline_request',
            complaintId,
            dedupeKey: `deadline_request:${requestId}`,
            data: {
              requestId,
              reference: tools.complaint.reference,
              customerName: tools.customer.name,
              ownerId: tools.complaint.ownerId,
              question: input.question,
            },
          });
        }
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'deadline_request',
          departmentId,
          complaintId,
          payload: { requestId, status: 'open', complaintId },
        });
        return requestId;
      });
      return viewOf(scope.orgId, id);
    },

    /** One page of the requests of my departments, mine, or (for managers) all, with the total. */
    async listDeadlineRequests(
      scope: Scope,
      query: {
        status: string;
        scope: 'department' | 'mine' | 'all';
        page: number;
        pageSize: number;
      },
    ): Promise<DeadlineRequestList> {
      const filter: repo.DeadlineRequestFilter =
        query.scope === 'mine'
          ? { requestedBy: scope.actor.id ?? '', status: query.status }
          : query.scope === 'all' && scope.permissions.has('complaint:assign')
            ? { status: query.status }
            : {
                departmentIds: await org.departmentsOf(db, scope.orgId, scope.actor.id ?? ''),
                status: query.status,
              };
      const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
      const [items, total] = await Promise.all([
        views(db, scope.orgId, filter, page),
        repo.countDeadlineRequests(db, scope.orgId, filter),
      ]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** The department's answer: a due time and a note, dropped live into the agent's form. */
    async answerDeadlineRequest(
      scope: Scope,
      requestId: string,
      input: { dueAt: string; note?: string | null | undefined },
    ): Promise<DeadlineRequestView> {
      const request = await repo.findDeadlineRequest(db, scope.orgId, requestId);
      if (!request) throw new AppError('not_found');
      const mine = await org.departmentsOf(db, scope.orgId, scope.actor.id ?? '');
      if (!mine.includes(request.departmentId) && !scope.permissions.has('org:admin'))
        throw new AppError('forbidden');
      const dueAt = new Date(input.dueAt);
      if (dueAt <= clock.now()) throw invalidField('dueAt');
      const note = input.note ?? null;
      await complaints.act(scope.orgId, request.complaintId, async (tx, tools) => {
        const answered = await repo.answerDeadlineRequest(tx, scope.orgId, requestId, {
          dueAt,
          note,
          answeredBy: scope.actor.id,
          at: clock.now(),
        });
        if (!answered) throw new AppError('conflict');
        await tools.addEvent(scope.actor, complaintEvents.deadlineRequestAnswered, 'internal', {
          requestId,
          dueAt: dueAt.toISOString(),
          note,
        });
        if (request.requestedBy) {
          await notices.notify(tx, {
            orgId: scope.orgId,
            userId: request.requestedBy,
            kind: 'deadline_answer',
            complaintId: request.complaintId,
            dedupeKey: `deadline_answer:${requestId}`,
            data: {
              requestId,
              reference: tools.complaint.reference,
              customerName: tools.customer.name,
              ownerId: tools.complaint.ownerId,
              dueAt: dueAt.toISOString(),
              note,
            },
          });
        }
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'deadline_request',
          departmentId: request.departmentId,
          complaintId: request.complaintId,
          userIds: request.requestedBy ? [request.requestedBy] : [],
          payload: {
            requestId,
            status: 'answered',
            dueAt: dueAt.toISOString(),
            note,
            complaintId: request.complaintId,
          },
        });
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'complaint',
          complaintId: request.complaintId,
          payload: { kind: 'deadline_answer', requestId, dueAt: dueAt.toISOString(), note },
        });
      });
      return viewOf(scope.orgId, requestId);
    },
  };
}

export type DeadlineRequests = ReturnType<typeof createDeadlineRequests>;
