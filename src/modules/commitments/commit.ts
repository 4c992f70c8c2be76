import { systemActor as ombud, type Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { maskTrackingTokens } from '../../platform/tokens.ts';
import { complaintEvents } from '../complaints/index.ts';
import type { CommitmentView } from './commitments.contract.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import * as taskTypeNames from './task-type-names.repository.ts';
import type { DeadlineRequests } from './deadline-requests.ts';
import { slipOf } from './domain/ledger.ts';
import type { LedgerEntry, LedgerReport } from './ledger-report.ts';
import { workingDayHours } from '../sla/index.ts';
import { isOpenStatus } from '../kernel/index.ts';
import './commitments.messages.ts';
import { commitmentMessage, pauseReason, type CommitmentKind } from './domain/messages.ts';
import { formatDueAt } from '../templates/index.ts';
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
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'complaints' | 'sla'> & {
    taskTypes: TaskTypes;
    requests: DeadlineRequests;
    ledger: LedgerReport;
  },
) {
  const { db, clock, complaints, sla, taskTypes, requests, ledger } = deps;

  /** The case's commitments; task type names in `lang` (else the org's default language). */
  async function ofComplaint(orgId: string, complaintId: string, lang?: Language) {
    if (!(await complaints.exists(db, orgId, complaintId))) throw new AppError('not_found');
    const [list, deadlineRequests] = await Promise.all([
      repo.listCommitments(db, orgId, { complaintId }, lang),
      requests.requestViews(db, orgId, { complaintId }),
    ]);
    const entries = await ledger.entriesOf(db, orgId, list);
    const dayHours = workingDayHours((await sla.calendarFor(db, orgId, null)).record.weeklyHours);
    const slip = (e: LedgerEntry) =>
      e.lateBusinessSeconds === null
        ? null
        : slipOf(e.lateBusinessSeconds, e.lateCalendarSeconds!, dayHours);
    const promises = entries.map((e) => ({
      sequence: e.sequence,
      committedAt: e.committedAt.toISOString(),
      firstDueAt: e.firstDueAt.toISOString(),
      dueInForce: e.dueInForce.toISOString(),
      recommittedInTime: e.recommittedInTime,
      outcome: e.outcome,
      dueInForceResult: e.dueInForceResult,
      fixedAt: e.fixedAt?.toISOString() ?? null,
      slip: slip(e),
    }));
    const current = promises.at(-1);
    return {
      commitments: list.map(toView),
      deadlineRequests,
      promises,
      outcome: current?.outcome ?? null,
      slip: current?.slip ?? null,
    };
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
      lang?: Language,
    ) {
      const dueAt = new Date(input.dueAt);
      if (dueAt <= clock.now()) throw invalidField('dueAt');
      await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        // A fixed case has nothing left to promise; reopening it makes a new commitment possible.
        if (!isOpenStatus(tools.complaint.status))
          throw new AppError('conflict', { field: 'dueAt', messageKey: 'error.commit_after_fix' });
        const previous = await repo.latestCommitment(tx, scope.orgId, complaintId);
        const sequence = (previous?.sequence ?? 0) + 1;
        if (previous && !input.reason?.trim()) throw invalidField('reason', 'field.required');
        let departmentId: string | null = null;
        let taskTypeName: string | null = null;
        if (input.taskTypeId) {
          // The timeline entry is the customer's (the portal shows it): in their language.
          const task = await taskTypes.getTaskType(
            tx,
            scope.orgId,
            input.taskTypeId,
            tools.complaint.language,
          );
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
        const kind: CommitmentKind = !previous
          ? 'first'
          : dueAt < previous.dueAt
            ? 'earlier'
            : 'later';
        // The agent's own words go inside the standard frame: reference, due and link stay.
        const message = commitmentMessage(tools.complaint.language, {
          kind,
          name: tools.customer.name,
          org: tools.org.name,
          reference: tools.complaint.reference,
          due: formatDueAt(dueAt, tools.complaint.language, tools.org.timeZone),
          reason,
          trackingUrl: await tools.newTrackingUrl(),
          note: input.message,
        });
        // The mail carries the customer's link; what is kept (and shown to staff) hides it.
        const body = maskTrackingTokens(message.body);
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
          pauseFrom: null,
        });
        const via = await tools.messageCustomer(message.subject, message.body);
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
        // The case is found by the task types it was promised as.
        const names = await taskTypeNames.taskTypeNamesOf(tx, scope.orgId, [complaintId]);
        await tools.fileUnder('taskTypes', names.get(complaintId) ?? []);
        await tools.startWork(scope.actor);
        await tools.claimIfUnowned(scope.actor);
      });
      return ofComplaint(scope.orgId, complaintId, lang);
    },

    /**
     * A pause that moved the committed due (the case waited for the customer) becomes a
     * re-commitment to the moved time, made by Ombud, with the reason "waiting for your reply":
     * the customer is told, and the ledger and the fix clock show the same due. It counts as
     * made when the pause began.
     */
    async recommitAfterPause(orgId: string, complaintId: string, pauseFrom: Date): Promise<void> {
      await complaints.act(orgId, complaintId, async (tx, tools) => {
        if (['fixed', 'closed', 'cancelled'].includes(tools.complaint.status)) return;
        const previous = await repo.latestCommitment(tx, orgId, complaintId);
        const latest = (await repo.listCommitments(tx, orgId, { complaintId })).at(-1);
        if (!previous || !latest || latest.committedAt > pauseFrom) return;
        // A pause that began after the due cannot undo the breach: nothing moves.
        if (pauseFrom > previous.dueAt) return;
        const fix = (
          await complaints.clocks.describe(orgId, complaintId, tools.complaint.language)
        ).clocks.find((c) => c.clock === 'fix' && c.source === 'policy');
        const moved = fix?.dueAt ? new Date(fix.dueAt) : null;
        if (!moved || moved.getTime() <= previous.dueAt.getTime()) return;
        const lang = tools.complaint.language;
        const reason = pauseReason(lang);
        const message = commitmentMessage(lang, {
          kind: 'paused',
          name: tools.customer.name,
          org: tools.org.name,
          reference: tools.complaint.reference,
          due: formatDueAt(moved, lang, tools.org.timeZone),
          reason,
          trackingUrl: await tools.newTrackingUrl(),
        });
        const sequence = previous.sequence + 1;
        await repo.insertCommitment(tx, orgId, {
          complaintId,
          sequence,
          dueAt: moved,
          taskTypeId: latest.taskTypeId,
          deadlineRequestId: null,
          departmentId: latest.departmentId,
          committedBy: null,
          committedAt: clock.now(),
          reason,
          customerMessage: maskTrackingTokens(message.body),
          pauseFrom,
        });
        const via = await tools.messageCustomer(message.subject, message.body);
        await tools.addEvent(ombud, complaintEvents.commitmentMade, 'public', {
          dueAt: moved.toISOString(),
          sequence,
          previousDueAt: previous.dueAt.toISOString(),
          reason,
          taskTypeName: latest.taskTypeName,
          body: maskTrackingTokens(message.body),
          via,
          automatic: true,
          pauseFrom: pauseFrom.toISOString(),
        });
        await tools.setCommitment(moved, latest.departmentId);
      });
    },
  };
}
