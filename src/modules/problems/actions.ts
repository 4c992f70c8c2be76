import type { Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { actionClockDecision, warnAtOf, type ActionStage } from './domain/action-clock.ts';
import { canMoveAction } from './domain/status.ts';
import type { ActionKind, ActionStatus } from './domain/vocabulary.ts';
import type { Records } from './records.ts';
import { actionViews } from './problem-views.ts';
import type { ActionView } from './problems.contract.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { actionClock } from './problems.jobs.ts';
import * as repo from './problems.repository.ts';
import * as work from './work.repository.ts';

type DueInput = { dueAt?: string | undefined; dueInBusinessDays?: number | undefined };

/**
 * Corrective and preventive actions with owners and due dates on the org's business calendar,
 * their evidence, and their clocks: a warning at 80% of the span, then at the due an overdue
 * notice to the owner and an escalation to the owner's manager.
 */
export function createActions(
  deps: Pick<ProblemDeps, 'db' | 'clock' | 'jobs' | 'sla' | 'org' | 'notices'> & {
    records: Records;
  },
) {
  const { db, clock, jobs, sla, org, notices, records } = deps;

  async function dueOf(tx: Tx, orgId: string, input: DueInput): Promise<Date | undefined> {
    if (input.dueAt) return new Date(input.dueAt);
    if (!input.dueInBusinessDays) return undefined;
    const { calendar } = await sla.calendarFor(tx, orgId, null);
    return sla.dueAfter(
      clock.now(),
      { amount: input.dueInBusinessDays, unit: 'business_days' },
      calendar,
    );
  }

  async function startClocks(tx: Tx, orgId: string, id: string, startedAt: Date, dueAt: Date) {
    const due = dueAt.toISOString();
    const runs: [ActionStage, Date][] = [
      ['warning', warnAtOf(startedAt, dueAt)],
      ['overdue', dueAt],
    ];
    await jobs.enqueueMany(
      tx,
      actionClock,
      runs.map(([stage, runAt]) => ({
        payload: { orgId, actionId: id, stage, dueAt: due },
        runAt,
        key: `${id}:${stage}:${due}`,
      })),
    );
  }

  async function lockAction(tx: Tx, orgId: string, problemId: string, actionId: string) {
    const a = (await work.listActions(tx, orgId, { ids: [actionId] }, true))[0];
    if (!a || a.problemId !== problemId) throw new AppError('not_found');
    return a;
  }

  const viewOf = async (orgId: string, id: string): Promise<ActionView> =>
    (
      await actionViews(db, orgId, await work.listActions(db, orgId, { ids: [id] }), clock.now())
    )[0]!;

  const userId = (scope: Scope) => (scope.actor.type === 'user' ? scope.actor.id : null);

  return {
    async createAction(
      scope: Scope,
      problemId: string,
      input: { kind: ActionKind; description: string; ownerId: string } & DueInput,
    ): Promise<ActionView> {
      const id = await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, problemId);
        if (!(await org.isActiveMember(tx, scope.orgId, input.ownerId)))
          throw invalidField('ownerId');
        const dueAt = await dueOf(tx, scope.orgId, input);
        if (!dueAt) throw invalidField('dueAt', 'field.required');
        const now = clock.now();
        const created = await work.insertAction(tx, scope.orgId, {
          problemId,
          kind: input.kind,
          description: input.description,
          ownerId: input.ownerId,
          dueAt,
          createdBy: userId(scope),
          at: now,
        });
        await startClocks(tx, scope.orgId, created, now, dueAt);
        await repo.addEvent(
          tx,
          scope.orgId,
          problemId,
          scope.actor,
          'action.created',
          {
            actionId: created,
            kind: input.kind,
            dueAt: dueAt.toISOString(),
          },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.action_created',
          entityType: 'problem_action',
          entityId: created,
          after: { ...input, problemId, dueAt: dueAt.toISOString() },
        });
        return created;
      });
      return viewOf(scope.orgId, id);
    },

    /** Problem writers change anything; the action's owner may change its status. */
    async updateAction(
      scope: Scope,
      problemId: string,
      actionId: string,
      input: {
        description?: string | undefined;
        ownerId?: string | undefined;
        status?: ActionStatus | undefined;
      } & DueInput,
    ): Promise<ActionView> {
      await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, problemId);
        const a = await lockAction(tx, scope.orgId, problemId, actionId);
        const writer = scope.permissions.has('problem:write');
        const onlyStatus =
          input.description === undefined &&
          input.ownerId === undefined &&
          input.dueAt === undefined &&
          input.dueInBusinessDays === undefined;
        if (!writer && !(onlyStatus && a.ownerId === scope.actor.id))
          throw new AppError('forbidden');
        if (input.status && !canMoveAction(a.status, input.status))
          throw new AppError('invalid_transition', {
            params: { from: a.status, to: input.status },
          });
        if (input.ownerId && !(await org.isActiveMember(tx, scope.orgId, input.ownerId)))
          throw invalidField('ownerId');
        const now = clock.now();
        const dueAt = await dueOf(tx, scope.orgId, input);
        const redated = dueAt !== undefined && dueAt.getTime() !== a.dueAt.getTime();
        const status = input.status ?? a.status;
        await work.updateAction(
          tx,
          scope.orgId,
          actionId,
          {
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.ownerId ? { ownerId: input.ownerId } : {}),
            ...(redated ? { dueAt, clockStartedAt: now } : {}),
            ...(input.status && input.status !== a.status
              ? { status, doneAt: status === 'done' ? now : null }
              : {}),
          },
          now,
        );
        // A new due starts new clocks; the jobs of the old due find it moved and do nothing.
        if (redated) await startClocks(tx, scope.orgId, actionId, now, dueAt);
        await repo.addEvent(
          tx,
          scope.orgId,
          problemId,
          scope.actor,
          'action.updated',
          {
            actionId,
            status,
            ...(redated ? { dueAt: dueAt.toISOString() } : {}),
          },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.action_updated',
          entityType: 'problem_action',
          entityId: actionId,
          before: {
            description: a.description,
            ownerId: a.ownerId,
            dueAt: a.dueAt,
            status: a.status,
          },
          after: { ...input, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) },
        });
      });
      return viewOf(scope.orgId, actionId);
    },

    async addEvidence(scope: Scope, problemId: string, actionId: string, note: string) {
      await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, problemId);
        const a = await lockAction(tx, scope.orgId, problemId, actionId);
        if (!scope.permissions.has('problem:write') && a.ownerId !== scope.actor.id)
          throw new AppError('forbidden');
        const now = clock.now();
        await work.insertEvidence(tx, scope.orgId, { actionId, note, by: userId(scope), at: now });
        await repo.addEvent(
          tx,
          scope.orgId,
          problemId,
          scope.actor,
          'action.evidence',
          { actionId },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.action_evidence',
          entityType: 'problem_action',
          entityId: actionId,
          after: { note },
        });
      });
      return viewOf(scope.orgId, actionId);
    },

    /** The job: warn, or at the due tell the owner and escalate to the owner's manager. */
    async runActionClock(p: {
      orgId: string;
      actionId: string;
      stage: ActionStage;
      dueAt: string;
    }) {
      const found = (await work.listActions(db, p.orgId, { ids: [p.actionId] }))[0];
      if (!found) return;
      const manager =
        p.stage === 'overdue' ? await org.managerOf(p.orgId, found.ownerId) : undefined;
      await db.transaction().execute(async (tx) => {
        const a = (await work.listActions(tx, p.orgId, { ids: [p.actionId] }, true))[0];
        if (!a) return;
        const problem = await repo.findProblem(tx, p.orgId, a.problemId);
        if (!problem || problem.status === 'closed' || problem.status === 'rejected') return;
        const decision = actionClockDecision(
          a,
          { stage: p.stage, dueAt: new Date(p.dueAt) },
          clock.now(),
        );
        if (decision.kind === 'nothing') return;
        if (decision.kind === 'later') {
          await jobs.enqueue(tx, actionClock, p, {
            runAt: decision.at,
            key: `${a.id}:${p.stage}:${p.dueAt}:${decision.at.toISOString()}`,
          });
          return;
        }
        const data = {
          reference: problem.reference,
          problemId: problem.id,
          actionId: a.id,
          actionKind: a.kind,
          description: a.description.slice(0, 200),
          ownerId: a.ownerId,
          actionDueAt: a.dueAt.toISOString(),
        };
        const key = `action:${a.id}:${p.stage}:${p.dueAt}`;
        if (decision.kind === 'warn') {
          await notices.notify(tx, {
            orgId: p.orgId,
            userId: a.ownerId,
            kind: 'problem_action_warning',
            complaintId: null,
            dedupeKey: key,
            data,
          });
          return;
        }
        await notices.notify(tx, {
          orgId: p.orgId,
          userId: a.ownerId,
          kind: 'problem_action_overdue',
          complaintId: null,
          dedupeKey: key,
          data,
        });
        if (manager && manager !== a.ownerId)
          await notices.notify(tx, {
            orgId: p.orgId,
            userId: manager,
            kind: 'problem_action_escalation',
            complaintId: null,
            dedupeKey: key,
            data,
          });
      });
    },
  };
}
