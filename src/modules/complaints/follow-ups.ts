import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintClocks } from './clocks.ts';
import type { Complaint } from './complaints.repository.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { followUpDefinitions } from './domain/follow-up-definitions.ts';
import { endOfLocalDay, startOfLocalDay } from './domain/local-day.ts';
import { afterUnreachable, followUpCompliance, type FollowUpKind } from './domain/follow-ups.ts';
import { complaintEvents } from './domain/events.ts';
import type {
  FollowUpReport,
  FollowUpSettingsView,
  FollowUpView,
  ManagerUpdateRequest,
  VerificationRequest,
} from './follow-ups.contract.ts';
import './follow-ups.messages.ts';
import * as repo from './follow-ups.repository.ts';
import type { Messages } from './messages.ts';
import { iso } from './complaints.views.ts';

const toView = (f: repo.FollowUp, now: Date): FollowUpView => ({
  id: f.id,
  complaintId: f.complaintId,
  reference: f.reference,
  customerName: f.customerName,
  complaintStatus: f.complaintStatus,
  kind: f.kind,
  fixedAt: f.fixedAt.toISOString(),
  assigneeId: f.assigneeId,
  assigneeName: f.assigneeName,
  status: f.status,
  dueAt: iso(f.dueAt),
  attempts: f.attempts,
  nextAttemptAt: iso(f.nextAttemptAt),
  outcome: f.outcome,
  method: f.method,
  note: f.note,
  doneByName: f.doneByName,
  doneAt: iso(f.doneAt),
  isOverdue: f.status === 'due' && f.dueAt !== null && f.dueAt.getTime() < now.getTime(),
});

/**
 * Step 6's use cases: the manager records their update (or sends it as a message), the
 * call-back records what it found ("not fixed" reopens the case), and the customer can answer
 * "did the fix work?" in the portal. Each runs in the case's own change, so the clocks stop on
 * the step's event in the same transaction.
 */
export function createFollowUps(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'sla'> & {
    work: CaseWork;
    clocks: ComplaintClocks;
    messages: Messages;
  },
) {
  const { db, clock, work, sla, clocks } = deps;

  /** The open task of that kind, or 404 (another org's, another kind) / 409 (already ended). */
  async function openTask(tx: Tx, orgId: string, id: string, kind: FollowUpKind) {
    const task = await repo.findFollowUp(tx, orgId, id);
    if (!task || task.kind !== kind) throw new AppError('not_found');
    if (task.status !== 'due')
      throw new AppError('conflict', { messageKey: 'error.follow_up_closed' });
    return task;
  }

  /** The assignee records their task; a manager (who may assign) may record anyone's. */
  function assertMayRecord(scope: Scope, task: repo.FollowUp) {
    if (task.assigneeId === null || task.assigneeId === scope.actor.id) return;
    if (scope.permissions.has('complaint:assign')) return;
    throw new AppError('forbidden', {
      messageKey: 'error.not_your_follow_up',
      params: { name: task.assigneeName ?? '' },
    });
  }

  /** Runs `fn` in the change of the task's case, with the task locked by the case's lock. */
  async function onTask<T>(
    scope: Scope,
    id: string,
    fn: (tx: Tx, complaint: Complaint, task: repo.FollowUp) => Promise<T>,
  ): Promise<T> {
    const found = await repo.findFollowUp(db, scope.orgId, id);
    if (!found) throw new AppError('not_found');
    return work.change(scope.orgId, found.complaintId, async (tx, complaint) => {
      const task = await openTask(tx, scope.orgId, id, found.kind);
      assertMayRecord(scope, task);
      return fn(tx, complaint, task);
    });
  }

  /** "Not fixed": the call-back ends, the case reopens with the customer's words as reason. */
  async function reopen(tx: Tx, complaint: Complaint, actor: Actor, reason: string) {
    if (complaint.status === 'fixed' || complaint.status === 'closed')
      await work.transition(tx, complaint, actor, 'in_progress', reason);
  }

  async function findView(orgId: string, id: string): Promise<FollowUpView> {
    const task = await repo.findFollowUp(db, orgId, id);
    if (!task) throw new AppError('not_found');
    return toView(task, clock.now());
  }

  return {
    async listFollowUps(
      scope: Scope,
      query: { scope: 'mine' | 'all'; kind?: FollowUpKind | undefined },
    ): Promise<{ items: FollowUpView[] }> {
      const all = query.scope === 'all' && scope.permissions.has('complaint:assign');
      const items = await repo.listDue(db, scope.orgId, {
        assigneeId: all ? null : scope.actor.id,
        kind: query.kind ?? null,
        limit: 200,
      });
      return { items: items.map((f) => toView(f, clock.now())) };
    },

    async followUpsOf(scope: Scope, complaintId: string): Promise<{ items: FollowUpView[] }> {
      await work.getComplaint(db, scope.orgId, complaintId);
      const items = await repo.listForComplaint(db, scope.orgId, complaintId);
      return { items: items.map((f) => toView(f, clock.now())) };
    },

    /** The manager's update: how they reached the customer and what was said, or a message. */
    async recordManagerUpdate(
      scope: Scope,
      id: string,
      input: ManagerUpdateRequest,
    ): Promise<FollowUpView> {
      await onTask(scope, id, async (tx, complaint, task) => {
        if (input.method === 'message')
          await deps.messages.writeMessage(tx, complaint, scope.actor, {
            step: 'other',
            subject: input.subject ?? null,
            body: input.body,
          });
        const note = input.method === 'message' ? (input.note ?? null) : input.note;
        await repo.finish(tx, scope.orgId, task.id, {
          status: 'done',
          outcome: 'reached',
          method: input.method,
          note,
          doneBy: scope.actor.id,
          at: clock.now(),
        });
        await work.addEvent(
          tx,
          complaint,
          scope.actor,
          complaintEvents.managerUpdateRecorded,
          'internal',
          {
            followUpId: task.id,
            method: input.method,
            note,
          },
        );
      });
      return findView(scope.orgId, id);
    },

    /**
     * What the call-back found. A failed try keeps the task due until the last one of the
     * org's retry schedule (then it ends as unreachable); "not fixed" reopens the case.
     */
    async recordVerification(
      scope: Scope,
      id: string,
      input: VerificationRequest,
    ): Promise<FollowUpView> {
      await onTask(scope, id, async (tx, complaint, task) => {
        const note = input.note ?? null;
        const now = clock.now();
        if (input.outcome === 'unreachable') {
          const settings = await repo.findSettings(tx, scope.orgId);
          const decision = afterUnreachable(task.attempts, settings);
          if (!decision.final) {
            const policy = await clocks.policyOf(tx, scope.orgId, complaint.id);
            const { calendar } = await sla.calendarFor(tx, scope.orgId, policy?.calendarId ?? null);
            const next = sla.dueAfter(
              now,
              { amount: decision.retryInHours, unit: 'business_hours' },
              calendar,
            );
            await repo.recordTry(tx, scope.orgId, task.id, decision.attempt, next);
            await work.addEvent(
              tx,
              complaint,
              scope.actor,
              complaintEvents.verificationAttempted,
              'internal',
              {
                followUpId: task.id,
                attempt: decision.attempt,
                note,
                nextAttemptAt: next.toISOString(),
              },
            );
            return;
          }
        }
        const attempts = task.attempts + 1;
        await repo.finish(tx, scope.orgId, task.id, {
          status: 'done',
          outcome: input.outcome,
          method: 'call',
          note,
          doneBy: scope.actor.id,
          at: now,
          attempts,
        });
        await work.addEvent(
          tx,
          complaint,
          scope.actor,
          complaintEvents.verificationRecorded,
          'internal',
          {
            followUpId: task.id,
            outcome: input.outcome,
            via: 'call',
            attempts,
            note,
          },
        );
        if (input.outcome === 'not_fixed') await reopen(tx, complaint, scope.actor, note ?? '');
      });
      return findView(scope.orgId, id);
    },

    /** A task no one will do (the customer asked not to be called), with the reason. */
    async skipFollowUp(scope: Scope, id: string, reason: string): Promise<FollowUpView> {
      await onTask(scope, id, async (tx, complaint, task) => {
        await repo.finish(tx, scope.orgId, task.id, {
          status: 'skipped',
          outcome: null,
          method: null,
          note: reason,
          doneBy: scope.actor.id,
          at: clock.now(),
        });
        await work.addEvent(tx, complaint, scope.actor, complaintEvents.noteAdded, 'internal', {
          body: `${task.kind === 'manager_update' ? 'Manager update' : 'Call-back'} skipped: ${reason}`,
        });
      });
      return findView(scope.orgId, id);
    },

    /**
     * The customer answers "did the fix work?" in the portal, once per fix. "No" reopens the
     * case with their comment, as a call-back that found it not fixed does.
     */
    async answerFix(
      tx: Tx,
      complaint: Complaint,
      actor: Actor,
      input: { works: boolean; comment?: string | null | undefined },
    ): Promise<void> {
      if (complaint.status !== 'fixed' && complaint.status !== 'closed')
        throw new AppError('conflict', { messageKey: 'error.not_fixed_yet' });
      if (await repo.fixAnswered(tx, complaint.orgId, complaint.id))
        throw new AppError('conflict', { messageKey: 'error.fix_already_answered' });
      const outcome = input.works ? 'works' : 'not_fixed';
      const note = input.comment ?? null;
      const [task] = (await repo.openOfComplaint(tx, complaint.orgId, complaint.id)).filter(
        (t) => t.kind === 'verification',
      );
      if (task)
        await repo.finish(tx, complaint.orgId, task.id, {
          status: 'done',
          outcome,
          method: 'portal',
          note,
          doneBy: null,
          at: clock.now(),
        });
      await work.addEvent(tx, complaint, actor, complaintEvents.verificationRecorded, 'public', {
        followUpId: task?.id ?? null,
        outcome,
        via: 'portal',
        attempts: 0,
        note,
      });
      if (!input.works) await reopen(tx, complaint, actor, note ?? '');
    },

    async followUpSettings(scope: Scope): Promise<FollowUpSettingsView> {
      return repo.findSettings(db, scope.orgId);
    },

    async saveFollowUpSettings(
      scope: Scope,
      input: FollowUpSettingsView,
    ): Promise<FollowUpSettingsView> {
      return db.transaction().execute(async (tx) => {
        if (input.fallbackUserId)
          await work.assertUser(tx, scope.orgId, input.fallbackUserId, 'fallbackUserId');
        const before = await repo.findSettings(tx, scope.orgId);
        await repo.saveSettings(tx, scope.orgId, input, clock.now());
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'follow_up_settings.updated',
          entityType: 'follow_up_settings',
          entityId: scope.orgId,
          before,
          after: input,
        });
        return repo.findSettings(tx, scope.orgId);
      });
    },

    /** Step 6's compliance for fixes made from `from` to `to`, whole days in the org's zone. */
    async followUpReport(
      scope: Scope,
      range: { from: string; to: string },
      lang: Language,
    ): Promise<FollowUpReport> {
      const { timeZone } = await work.getOrg(db, scope.orgId);
      const from = startOfLocalDay(range.from, timeZone);
      const to = endOfLocalDay(startOfLocalDay(range.to, timeZone), timeZone);
      if (to <= from) throw invalidField('to');
      const tasks = await repo.listForReport(db, scope.orgId, from, to);
      return {
        from: range.from,
        to: range.to,
        ...followUpCompliance(tasks, clock.now()),
        definitions: followUpDefinitions[lang],
      };
    },
  };
}

export type FollowUps = ReturnType<typeof createFollowUps>;
