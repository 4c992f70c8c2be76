import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { publishLive } from '../../platform/live.ts';
import { recordAudit } from '../audit/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { NoticesService } from '../notices/index.ts';
import {
  businessSecondsBetween,
  describeTarget,
  type SlaService,
  type Target,
} from '../sla/index.ts';
import { commitmentMessage, formatDue } from './domain/messages.ts';
import {
  promiseOutcome,
  quantile,
  suggestDuration,
  totals,
  type PromiseOutcome,
} from './domain/ledger.ts';
import type { CommitmentView, DeadlineRequestView, TaskTypeView } from './commitments.contract.ts';

export type CommitmentService = ReturnType<typeof createCommitmentService>;
type TaskTypeInput = {
  name: string;
  departmentId: string | null;
  durationAmount: number;
  durationUnit: Target['unit'];
  calendarId: string | null;
  active: boolean;
};

const TARGET_SHARE = 0.9;

export function createCommitmentService(deps: {
  db: Db;
  clock: Clock;
  sla: SlaService;
  complaints: ComplaintService;
  notices: NoticesService;
}) {
  const { db, clock, sla, complaints, notices } = deps;

  async function listTaskTypes(
    executor: Executor,
    orgId: string,
    lang: Language,
  ): Promise<TaskTypeView[]> {
    const rows = await executor
      .selectFrom('task_types as t')
      .leftJoin('departments as d', (j) =>
        j.onRef('d.org_id', '=', 't.org_id').onRef('d.id', '=', 't.department_id'),
      )
      .selectAll('t')
      .select('d.name as department_name')
      .where('t.org_id', '=', orgId)
      .orderBy('t.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      departmentId: r.department_id,
      departmentName: r.department_name,
      durationAmount: r.duration_amount,
      durationUnit: r.duration_unit as Target['unit'],
      durationText: describeTarget(
        { amount: r.duration_amount, unit: r.duration_unit as Target['unit'] },
        lang,
      ),
      calendarId: r.calendar_id,
      active: r.is_active,
    }));
  }

  async function getTaskType(
    executor: Executor,
    orgId: string,
    id: string,
    lang: Language = 'vi',
  ): Promise<TaskTypeView> {
    const t = (await listTaskTypes(executor, orgId, lang)).find((x) => x.id === id);
    if (!t) throw invalidField('taskTypeId');
    return t;
  }

  async function assertTaskTypeRefs(tx: Executor, orgId: string, input: TaskTypeInput) {
    if (input.departmentId) {
      const d = await tx
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', input.departmentId)
        .executeTakeFirst();
      if (!d) throw invalidField('departmentId');
    }
    if (input.calendarId) {
      const c = await tx
        .selectFrom('calendars')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', input.calendarId)
        .executeTakeFirst();
      if (!c) throw invalidField('calendarId');
    }
  }

  async function requestViews(
    executor: Executor,
    orgId: string,
    filter: {
      complaintId?: string;
      departmentIds?: string[];
      requestedBy?: string;
      status?: string;
    },
  ): Promise<DeadlineRequestView[]> {
    let query = executor
      .selectFrom('deadline_requests as r')
      .innerJoin('complaints as c', (j) =>
        j.onRef('c.org_id', '=', 'r.org_id').onRef('c.id', '=', 'r.complaint_id'),
      )
      .innerJoin('customers as k', (j) =>
        j.onRef('k.org_id', '=', 'c.org_id').onRef('k.id', '=', 'c.customer_id'),
      )
      .innerJoin('departments as d', (j) =>
        j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.department_id'),
      )
      .leftJoin('users as q', (j) =>
        j.onRef('q.org_id', '=', 'r.org_id').onRef('q.id', '=', 'r.requested_by'),
      )
      .leftJoin('users as a', (j) =>
        j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.answered_by'),
      )
      .selectAll('r')
      .select([
        'c.reference',
        'k.name as customer_name',
        'd.name as department_name',
        'q.name as requested_by_name',
        'a.name as answered_by_name',
      ])
      .where('r.org_id', '=', orgId);
    if (filter.complaintId) query = query.where('r.complaint_id', '=', filter.complaintId);
    if (filter.departmentIds)
      query = query.where(
        'r.department_id',
        'in',
        filter.departmentIds.length > 0
          ? filter.departmentIds
          : ['00000000-0000-0000-0000-000000000000'],
      );
    if (filter.requestedBy) query = query.where('r.requested_by', '=', filter.requestedBy);
    if (filter.status && filter.status !== 'all')
      query = query.where('r.status', '=', filter.status);
    const rows = await query.orderBy('r.created_at', 'desc').limit(200).execute();
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        complaintId: r.complaint_id,
        complaintReference: r.reference,
        customerName: r.customer_name,
        departmentId: r.department_id,
        departmentName: r.department_name,
        requestedById: r.requested_by,
        requestedByName: r.requested_by_name,
        question: r.question,
        status: r.status as DeadlineRequestView['status'],
        answerDueAt: r.answer_due_at?.toISOString() ?? null,
        answerNote: r.answer_note,
        answeredByName: r.answered_by_name,
        answeredAt: r.answered_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
        clock:
          r.status === 'cancelled'
            ? null
            : await sla.internalClock(
                executor,
                orgId,
                'deadline_request',
                r.created_at,
                r.answered_at,
              ),
      })),
    );
  }

  async function departmentsOf(
    executor: Executor,
    orgId: string,
    userId: string,
  ): Promise<string[]> {
    const me = await executor
      .selectFrom('users')
      .select('department_id')
      .where('org_id', '=', orgId)
      .where('id', '=', userId)
      .executeTakeFirst();
    const headed = await executor
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('head_user_id', '=', userId)
      .execute();
    return [
      ...new Set(
        [me?.department_id, ...headed.map((h) => h.id)].filter((x): x is string => Boolean(x)),
      ),
    ];
  }

  async function commitmentViews(
    executor: Executor,
    orgId: string,
    complaintId: string,
  ): Promise<CommitmentView[]> {
    const rows = await executor
      .selectFrom('commitments as m')
      .leftJoin('task_types as t', (j) =>
        j.onRef('t.org_id', '=', 'm.org_id').onRef('t.id', '=', 'm.task_type_id'),
      )
      .leftJoin('users as u', (j) =>
        j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.committed_by'),
      )
      .selectAll('m')
      .select(['t.name as task_type_name', 'u.name as committed_by_name'])
      .where('m.org_id', '=', orgId)
      .where('m.complaint_id', '=', complaintId)
      .orderBy('m.sequence')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      sequence: r.sequence,
      dueAt: r.due_at.toISOString(),
      taskTypeId: r.task_type_id,
      taskTypeName: r.task_type_name,
      departmentId: r.department_id,
      deadlineRequestId: r.deadline_request_id,
      committedByName: r.committed_by_name,
      committedAt: r.committed_at.toISOString(),
      reason: r.reason,
      customerMessage: r.customer_message,
    }));
  }

  /** Every promise of the org made in [from, to), with its outcome as of now. */
  async function ledger(orgId: string, range: { from?: Date; to?: Date }) {
    let query = db
      .selectFrom('commitments as m')
      .select([
        'm.complaint_id',
        'm.sequence',
        'm.due_at',
        'm.committed_at',
        'm.committed_by',
        'm.task_type_id',
        'm.department_id',
      ])
      .where('m.org_id', '=', orgId);
    if (range.from) query = query.where('m.committed_at', '>=', range.from);
    if (range.to) query = query.where('m.committed_at', '<', range.to);
    const rows = await query.orderBy('m.complaint_id').orderBy('m.sequence').execute();
    const byComplaint = new Map<string, typeof rows>();
    for (const r of rows)
      byComplaint.set(r.complaint_id, [...(byComplaint.get(r.complaint_id) ?? []), r]);
    const ids = [...byComplaint.keys()];
    const fixes =
      ids.length === 0
        ? []
        : await db
            .selectFrom('complaint_events')
            .select(['complaint_id', 'created_at'])
            .where('org_id', '=', orgId)
            .where('type', '=', 'complaint.fixed')
            .where('complaint_id', 'in', ids)
            .orderBy('id')
            .execute();
    const now = clock.now();
    return [...byComplaint.entries()].flatMap(([complaintId, list]) => {
      const first = list[0];
      const last = list.at(-1);
      if (!first || !last || first.sequence !== 1) return [];
      const fixedAt =
        fixes.find((f) => f.complaint_id === complaintId && f.created_at >= first.committed_at)
          ?.created_at ?? null;
      const result = promiseOutcome(
        {
          originalDueAt: first.due_at,
          latestDueAt: last.due_at,
          commitments: list.length,
          fixedAt,
        },
        now,
      );
      return [
        {
          complaintId,
          agentId: first.committed_by,
          taskTypeId: first.task_type_id,
          departmentId: first.department_id,
          committedAt: first.committed_at,
          fixedAt,
          ...result,
        },
      ];
    });
  }

  return {
    listTaskTypes: (orgId: string, lang: Language) => listTaskTypes(db, orgId, lang),

    async createTaskType(
      orgId: string,
      actor: Actor,
      input: TaskTypeInput,
      lang: Language,
    ): Promise<TaskTypeView> {
      return db.transaction().execute(async (tx) => {
        await assertTaskTypeRefs(tx, orgId, input);
        const row = await tx
          .insertInto('task_types')
          .values({
            org_id: orgId,
            name: input.name,
            department_id: input.departmentId,
            duration_amount: input.durationAmount,
            duration_unit: input.durationUnit,
            calendar_id: input.calendarId,
            is_active: input.active,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) throw new AppError('conflict', { field: 'name' });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'task_type.created',
          entityType: 'task_type',
          entityId: row.id,
          after: input,
        });
        return getTaskType(tx, orgId, row.id, lang);
      });
    },

    async updateTaskType(
      orgId: string,
      actor: Actor,
      id: string,
      input: TaskTypeInput,
      lang: Language,
    ): Promise<TaskTypeView> {
      return db.transaction().execute(async (tx) => {
        const before = await getTaskType(tx, orgId, id).catch(() => {
          throw new AppError('not_found');
        });
        await assertTaskTypeRefs(tx, orgId, input);
        const clash = await tx
          .selectFrom('task_types')
          .select('id')
          .where('org_id', '=', orgId)
          .where('name', '=', input.name)
          .where('id', '!=', id)
          .executeTakeFirst();
        if (clash) throw new AppError('conflict', { field: 'name' });
        await tx
          .updateTable('task_types')
          .set({
            name: input.name,
            department_id: input.departmentId,
            duration_amount: input.durationAmount,
            duration_unit: input.durationUnit,
            calendar_id: input.calendarId,
            is_active: input.active,
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .execute();
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'task_type.updated',
          entityType: 'task_type',
          entityId: id,
          before,
          after: input,
        });
        return getTaskType(tx, orgId, id, lang);
      });
    },

    /** Step 4 from the catalogue: the due time the task's standard duration gives, from now. */
    async propose(orgId: string, complaintId: string, taskTypeId: string, lang: Language) {
      await complaints.detail(
        { orgId, actor: { type: 'system', id: null, name: null }, permissions: new Set() },
        complaintId,
      );
      const task = await getTaskType(db, orgId, taskTypeId, lang);
      const { record, calendar } = await sla.calendarFor(db, orgId, task.calendarId);
      const dueAt = sla.dueAfter(
        clock.now(),
        { amount: task.durationAmount, unit: task.durationUnit },
        calendar,
      );
      return {
        taskTypeId: task.id,
        dueAt: dueAt.toISOString(),
        durationText: task.durationText,
        calendarName: record.name,
        timeZone: record.timeZone,
      };
    },

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
          ? (await getTaskType(db, scope.orgId, input.taskTypeId)).departmentId
          : null);
      if (!departmentId) throw invalidField('departmentId', 'field.required');
      const id = await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        const department = await tx
          .selectFrom('departments')
          .select(['id', 'name', 'head_user_id'])
          .where('org_id', '=', scope.orgId)
          .where('id', '=', departmentId)
          .executeTakeFirst();
        if (!department) throw invalidField('departmentId');
        const row = await tx
          .insertInto('deadline_requests')
          .values({
            org_id: scope.orgId,
            complaint_id: complaintId,
            department_id: departmentId,
            requested_by: scope.actor.type === 'user' ? scope.actor.id : null,
            question: input.question,
            status: 'open',
            answer_due_at: null,
            answer_note: null,
            answered_by: null,
            answered_at: null,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tools.addEvent(scope.actor, 'deadline_request.sent', 'internal', {
          requestId: row.id,
          departmentId,
          departmentName: department.name,
          question: input.question,
        });
        const members = await tx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', scope.orgId)
          .where('department_id', '=', departmentId)
          .where('is_active', '=', true)
          .execute();
        const recipients = new Set([
          ...members.map((m) => m.id),
          ...(department.head_user_id ? [department.head_user_id] : []),
        ]);
        recipients.delete(scope.actor.id ?? '');
        for (const userId of recipients) {
          await notices.notify(tx, {
            orgId: scope.orgId,
            userId,
            kind: 'deadline_request',
            complaintId,
            dedupeKey: `deadline_request:${row.id}`,
            data: {
              requestId: row.id,
              reference: tools.complaint.reference,
              question: input.question,
            },
          });
        }
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'deadline_request',
          departmentId,
          complaintId,
          payload: { requestId: row.id, status: 'open', complaintId },
        });
        return row.id;
      });
      return (await requestViews(db, scope.orgId, { complaintId })).find((r) => r.id === id)!;
    },

    async listDeadlineRequests(
      scope: Scope,
      query: { status: string; scope: 'department' | 'mine' | 'all' },
    ): Promise<DeadlineRequestView[]> {
      if (query.scope === 'mine')
        return requestViews(db, scope.orgId, {
          requestedBy: scope.actor.id ?? '',
          status: query.status,
        });
      if (query.scope === 'all' && scope.permissions.has('complaint:assign'))
        return requestViews(db, scope.orgId, { status: query.status });
      return requestViews(db, scope.orgId, {
        departmentIds: await departmentsOf(db, scope.orgId, scope.actor.id ?? ''),
        status: query.status,
      });
    },

    /** The department's answer: a due time and a note, dropped live into the agent's form. */
    async answerDeadlineRequest(
      scope: Scope,
      requestId: string,
      input: { dueAt: string; note?: string | null | undefined },
    ): Promise<DeadlineRequestView> {
      const request = await db
        .selectFrom('deadline_requests')
        .selectAll()
        .where('org_id', '=', scope.orgId)
        .where('id', '=', requestId)
        .executeTakeFirst();
      if (!request) throw new AppError('not_found');
      const mine = await departmentsOf(db, scope.orgId, scope.actor.id ?? '');
      if (!mine.includes(request.department_id) && !scope.permissions.has('org:admin'))
        throw new AppError('forbidden');
      const dueAt = new Date(input.dueAt);
      if (dueAt <= clock.now()) throw invalidField('dueAt');
      await complaints.act(scope.orgId, request.complaint_id, async (tx, tools) => {
        const updated = await tx
          .updateTable('deadline_requests')
          .set({
            status: 'answered',
            answer_due_at: dueAt,
            answer_note: input.note ?? null,
            answered_by: scope.actor.id,
            answered_at: clock.now(),
          })
          .where('org_id', '=', scope.orgId)
          .where('id', '=', requestId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
        await tools.addEvent(scope.actor, 'deadline_request.answered', 'internal', {
          requestId,
          dueAt: dueAt.toISOString(),
          note: input.note ?? null,
        });
        if (request.requested_by) {
          await notices.notify(tx, {
            orgId: scope.orgId,
            userId: request.requested_by,
            kind: 'deadline_answer',
            complaintId: request.complaint_id,
            dedupeKey: `deadline_answer:${requestId}`,
            data: {
              requestId,
              reference: tools.complaint.reference,
              dueAt: dueAt.toISOString(),
              note: input.note ?? null,
            },
          });
        }
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'deadline_request',
          departmentId: request.department_id,
          complaintId: request.complaint_id,
          userIds: request.requested_by ? [request.requested_by] : [],
          payload: {
            requestId,
            status: 'answered',
            dueAt: dueAt.toISOString(),
            note: input.note ?? null,
            complaintId: request.complaint_id,
          },
        });
        await publishLive(tx, {
          orgId: scope.orgId,
          topic: 'complaint',
          complaintId: request.complaint_id,
          payload: {
            kind: 'deadline_answer',
            requestId,
            dueAt: dueAt.toISOString(),
            note: input.note ?? null,
          },
        });
      });
      return (await requestViews(db, scope.orgId, { complaintId: request.complaint_id })).find(
        (r) => r.id === requestId,
      )!;
    },

    /**
     * Step 4: the commitment. The customer hears the concrete due time in their language, by
     * their channel and in the portal. A change needs a reason and tells the customer too.
     */
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
        const previous = await tx
          .selectFrom('commitments')
          .select(['sequence', 'due_at'])
          .where('org_id', '=', scope.orgId)
          .where('complaint_id', '=', complaintId)
          .orderBy('sequence', 'desc')
          .limit(1)
          .executeTakeFirst();
        const sequence = (previous?.sequence ?? 0) + 1;
        if (previous && !input.reason?.trim()) throw invalidField('reason', 'field.required');
        let departmentId: string | null = null;
        let taskTypeName: string | null = null;
        if (input.taskTypeId) {
          const task = await getTaskType(tx, scope.orgId, input.taskTypeId);
          departmentId = task.departmentId;
          taskTypeName = task.name;
        }
        if (input.deadlineRequestId) {
          const request = await tx
            .selectFrom('deadline_requests')
            .select(['department_id', 'complaint_id'])
            .where('org_id', '=', scope.orgId)
            .where('id', '=', input.deadlineRequestId)
            .executeTakeFirst();
          if (!request || request.complaint_id !== complaintId)
            throw invalidField('deadlineRequestId');
          departmentId = request.department_id;
        }
        const due = formatDue(dueAt, tools.complaint.language, tools.org.timeZone);
        const standard = commitmentMessage(tools.complaint.language, {
          name: tools.customer.name,
          org: tools.org.name,
          reference: tools.complaint.reference,
          due,
          reason: previous ? (input.reason ?? null) : null,
        });
        const body = input.message?.trim() ? input.message : standard.body;
        await tx
          .insertInto('commitments')
          .values({
            org_id: scope.orgId,
            complaint_id: complaintId,
            sequence,
            due_at: dueAt,
            task_type_id: input.taskTypeId ?? null,
            deadline_request_id: input.deadlineRequestId ?? null,
            department_id: departmentId,
            committed_by: scope.actor.type === 'user' ? scope.actor.id : null,
            committed_at: clock.now(),
            reason: previous ? (input.reason ?? null) : null,
            customer_message: body,
          })
          .execute();
        const via = await tools.messageCustomer(standard.subject, body);
        await tools.addEvent(scope.actor, 'commitment.made', 'public', {
          dueAt: dueAt.toISOString(),
          sequence,
          previousDueAt: previous?.due_at.toISOString() ?? null,
          reason: previous ? (input.reason ?? null) : null,
          taskTypeName,
          body,
          via,
        });
        await tools.setCommittedDueAt(dueAt);
        await tools.moveToInProgress(scope.actor);
        await tools.claimIfUnowned(scope.actor);
      });
      return this.ofComplaint(scope.orgId, complaintId);
    },

    async ofComplaint(orgId: string, complaintId: string) {
      await complaints.detail(
        { orgId, actor: { type: 'system', id: null, name: null }, permissions: new Set() },
        complaintId,
      );
      const [list, requests] = await Promise.all([
        commitmentViews(db, orgId, complaintId),
        requestViews(db, orgId, { complaintId }),
      ]);
      const first = list[0];
      const last = list.at(-1);
      let outcome: PromiseOutcome | null = null;
      let slipDays: number | null = null;
      if (first && last) {
        const fixed = await db
          .selectFrom('complaint_events')
          .select('created_at')
          .where('org_id', '=', orgId)
          .where('complaint_id', '=', complaintId)
          .where('type', '=', 'complaint.fixed')
          .where('created_at', '>=', new Date(first.committedAt))
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        const r = promiseOutcome(
          {
            originalDueAt: new Date(first.dueAt),
            latestDueAt: new Date(last.dueAt),
            commitments: list.length,
            fixedAt: fixed?.created_at ?? null,
          },
          clock.now(),
        );
        outcome = r.outcome;
        slipDays = r.slipDays;
      }
      return { commitments: list, deadlineRequests: requests, outcome, slipDays };
    },

    /** Promise-kept rate by agent, task type or department. */
    async promiseReport(
      orgId: string,
      groupBy: 'agent' | 'task_type' | 'department',
      range: { from?: Date; to?: Date },
      lang: Language,
    ) {
      const entries = await ledger(orgId, range);
      const keyOf = (e: (typeof entries)[number]) =>
        groupBy === 'agent' ? e.agentId : groupBy === 'task_type' ? e.taskTypeId : e.departmentId;
      const names = new Map<string, string>();
      const table =
        groupBy === 'agent' ? 'users' : groupBy === 'task_type' ? 'task_types' : 'departments';
      for (const r of await db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .execute())
        names.set(r.id, r.name);
      const groups = new Map<string | null, typeof entries>();
      for (const e of entries) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
      const none = { vi: '(không có)', en: '(none)', zh: '（无）' }[lang];
      const rows = [...groups.entries()]
        .map(([key, list]) => ({
          key,
          name: key ? (names.get(key) ?? key) : none,
          ...totals(list),
        }))
        .sort((a, b) => b.made - a.made);
      const definition = {
        vi: 'Tỷ lệ giữ cam kết = (giữ đúng hạn + giữ sau khi cam kết lại) ÷ số cam kết đã có kết quả. Cam kết gốc là lần đầu; "đúng hạn" là khắc phục trước thời hạn gốc.',
        en: 'Promise-kept rate = (kept + kept after re-commitment) ÷ promises with an outcome. The promise is the first commitment; "kept" means fixed by its original due time.',
        zh: '承诺兑现率 =（按时兑现 + 重新承诺后兑现）÷ 已有结果的承诺数。承诺以首次承诺为准；“按时”指在原定时限前解决。',
      }[lang];
      return { rows, totals: { key: null, name: 'Σ', ...totals(entries) }, definition };
    },

    /** Actual fix times per task type in business time, and the duration that keeps 90%. */
    async taskTypeStats(orgId: string, lang: Language) {
      const entries = (await ledger(orgId, {})).filter(
        (e) => e.fixedAt !== null && e.taskTypeId !== null,
      );
      const tasks = await listTaskTypes(db, orgId, lang);
      const rows = [];
      for (const task of tasks) {
        const mine = entries.filter((e) => e.taskTypeId === task.id);
        const { calendar } = await sla.calendarFor(db, orgId, task.calendarId);
        const hours = mine.map(
          (e) => businessSecondsBetween(e.committedAt, e.fixedAt!, calendar) / 3600,
        );
        const hoursPerDay = 8;
        const unit: 'business_days' | 'business_hours' =
          task.durationUnit === 'business_days' ? 'business_days' : 'business_hours';
        const suggested = suggestDuration(hours, TARGET_SHARE, unit, hoursPerDay);
        const t = totals(mine);
        rows.push({
          id: task.id,
          name: task.name,
          standardText: task.durationText,
          fixes: mine.length,
          medianBusinessHours: hours.length ? Math.round(quantile(hours, 0.5)! * 10) / 10 : null,
          p90BusinessHours: hours.length ? Math.round(quantile(hours, 0.9)! * 10) / 10 : null,
          keptRate: t.keptRate,
          suggested:
            suggested === null
              ? null
              : {
                  amount: suggested,
                  unit,
                  text: describeTarget({ amount: suggested, unit }, lang),
                  share: TARGET_SHARE,
                },
        });
      }
      return { rows, targetShare: TARGET_SHARE };
    },
  };
}
