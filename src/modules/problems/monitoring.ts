import { systemActor, type Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { closeDecision } from './domain/recurrence.ts';
import { canTransition } from './domain/status.ts';
import { textIn } from './domain/texts.ts';
import type { ProblemStatus } from './domain/vocabulary.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { createWindow } from './window.ts';
import { createProblemWebhooks } from './problem-webhooks.ts';
import * as repo from './problems.repository.ts';

/**
 * Moving a problem through its life, and the closed loop: monitoring starts a window on the
 * org's business calendar; closing waits for the window and for recurrences to stay within the
 * threshold, unless the quality owner overrides with a reason.
 */
export function createMonitoring(
  deps: Pick<ProblemDeps, 'db' | 'clock' | 'jobs' | 'sla' | 'notices' | 'webhooks'>,
) {
  const { db, clock, notices } = deps;
  const problemWebhook = createProblemWebhooks(deps);
  const { lockProblem, checkOf, startMonitoring, endWindow, sendBack, windowEndOf, retime } =
    createWindow(deps);

  const final = () => new AppError('conflict', { messageKey: 'error.problem_final' });

  async function close(
    tx: Tx,
    scope: Scope,
    p: repo.Problem,
    input: { override: boolean; reason?: string | null | undefined },
  ) {
    if (p.status === 'action' && input.override) return closeAfterSendBack(tx, scope, p, input);
    if (p.status !== 'monitoring')
      throw new AppError('invalid_transition', { params: { from: p.status, to: 'closed' } });
    const check = await checkOf(tx, scope.orgId, p);
    const decision = closeDecision(check, { requested: input.override, reason: input.reason });
    if (decision.kind === 'refused') {
      if (decision.reason === 'override_reason_required')
        throw invalidField('reason', 'field.required');
      throw new AppError('recurrence_check_failed', {
        messageKey:
          decision.reason === 'recurred'
            ? 'error.problem_recurred'
            : 'error.problem_window_running',
        params: { recurrences: check.recurrences.length },
      });
    }
    const now = clock.now();
    await endWindow(
      tx,
      scope.orgId,
      scope.actor,
      p,
      check,
      decision.override ? 'override' : 'clean',
    );
    await repo.updateProblem(
      tx,
      scope.orgId,
      p.id,
      {
        status: 'closed',
        closedAt: now,
        ...(decision.override
          ? { override: { reason: input.reason!, byId: scope.actor.id, at: now } }
          : {}),
      },
      now,
    );
    await repo.addEvent(
      tx,
      scope.orgId,
      p.id,
      scope.actor,
      decision.override ? 'closed.override' : 'closed',
      {
        reason: input.reason ?? null,
        recurrences: check.recurrences.length,
        threshold: p.threshold,
        windowEnded: check.kind !== 'watching',
      },
      now,
    );
    await recordAudit(tx, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: decision.override ? 'problem.closed_override' : 'problem.closed',
      entityType: 'problem',
      entityId: p.id,
      before: { status: p.status },
      after: {
        status: 'closed',
        override: decision.override,
        reason: input.reason ?? null,
        recurrences: check.recurrences.map((r) => r.complaintId),
      },
    });
  }

  /**
   * An override after the check sent the problem back to action: the quality owner closes it
   * anyway, with a reason, on the recurrences of the window that ended.
   */
  async function closeAfterSendBack(
    tx: Tx,
    scope: Scope,
    p: repo.Problem,
    input: { reason?: string | null | undefined },
  ) {
    const ended = await repo.listEvents(tx, scope.orgId, {
      problemId: p.id,
      kind: 'monitoring.ended',
    });
    const last = ended.at(-1);
    if (!last)
      throw new AppError('invalid_transition', { params: { from: p.status, to: 'closed' } });
    if (!input.reason?.trim()) throw invalidField('reason', 'field.required');
    const now = clock.now();
    await repo.updateProblem(
      tx,
      scope.orgId,
      p.id,
      {
        status: 'closed',
        closedAt: now,
        override: { reason: input.reason, byId: scope.actor.id, at: now },
      },
      now,
    );
    const recurrences = Number(last.data.recurrences ?? 0);
    await repo.addEvent(
      tx,
      scope.orgId,
      p.id,
      scope.actor,
      'closed.override',
      { reason: input.reason, recurrences, threshold: p.threshold, windowEnded: true },
      now,
    );
    await recordAudit(tx, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'problem.closed_override',
      entityType: 'problem',
      entityId: p.id,
      before: { status: p.status },
      after: { status: 'closed', override: true, reason: input.reason, recurrences },
    });
  }

  return {
    lockProblem,
    final,

    /** Moves a problem along its transition table (closing goes through `close`). */
    async transition(
      scope: Scope,
      id: string,
      input: { to: ProblemStatus; reason?: string | null | undefined },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const p = await lockProblem(tx, scope.orgId, id);
        if (p.status === 'closed' || p.status === 'rejected') throw final();
        if (!canTransition(p.status, input.to))
          throw new AppError('invalid_transition', { params: { from: p.status, to: input.to } });
        if (input.to === 'closed') {
          if (!scope.permissions.has('problem:close')) throw new AppError('forbidden');
          return close(tx, scope, p, { override: false, reason: input.reason });
        }
        if (input.to === 'rejected' && !input.reason?.trim())
          throw invalidField('reason', 'field.required');
        if (input.to === 'monitoring') {
          await startMonitoring(tx, scope.orgId, scope.actor, p);
        } else if (p.status === 'monitoring' && input.to === 'action') {
          const check = await checkOf(tx, scope.orgId, p);
          await endWindow(
            tx,
            scope.orgId,
            scope.actor,
            p,
            check,
            check.kind === 'recurred' ? 'recurred' : 'manual',
          );
          await sendBack(tx, scope.orgId, scope.actor, p, input.reason ?? null);
          return;
        } else {
          await repo.updateProblem(tx, scope.orgId, p.id, { status: input.to }, clock.now());
        }
        await repo.addEvent(
          tx,
          scope.orgId,
          p.id,
          scope.actor,
          'status.changed',
          {
            from: p.status,
            to: input.to,
            reason: input.reason ?? null,
          },
          clock.now(),
        );
        await problemWebhook(tx, scope.orgId, p.id, 'status.changed', {
          from: p.status,
          to: input.to,
        });
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.status_changed',
          entityType: 'problem',
          entityId: p.id,
          before: { status: p.status },
          after: { status: input.to, reason: input.reason ?? null },
        });
      });
    },

    async close(
      scope: Scope,
      id: string,
      input: { override: boolean; reason?: string | null | undefined },
    ): Promise<void> {
      await db
        .transaction()
        .execute(async (tx) => close(tx, scope, await lockProblem(tx, scope.orgId, id), input));
    },

    /** The job at a window's end: back to action if it recurred, else "ready to close". */
    async evaluateWindow(p: { orgId: string; problemId: string; endsAt: string }): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const found = await repo.findProblem(tx, p.orgId, p.problemId, true);
        if (!found || found.status !== 'monitoring' || !found.monitoringEndsAt) return;
        if (found.monitoringEndsAt.toISOString() !== new Date(p.endsAt).toISOString()) return;
        const check = await checkOf(tx, p.orgId, found);
        if (check.kind === 'watching') return;
        const data = {
          reference: found.reference,
          problemId: found.id,
          title: textIn(found.title, 'vi'),
          recurrences: check.recurrences.length,
          threshold: found.threshold,
        };
        if (check.kind === 'recurred') {
          await endWindow(tx, p.orgId, systemActor, found, check, 'recurred');
          await sendBack(tx, p.orgId, systemActor, found, null);
          await notices.notify(tx, {
            orgId: p.orgId,
            userId: found.ownerId,
            kind: 'problem_recurred',
            complaintId: null,
            dedupeKey: `problem:${found.id}:recurred:${p.endsAt}`,
            data,
          });
          return;
        }
        await endWindow(tx, p.orgId, systemActor, found, check, 'clean');
        await repo.addEvent(
          tx,
          p.orgId,
          found.id,
          systemActor,
          'monitoring.ready_to_close',
          {
            recurrences: check.recurrences.length,
          },
          clock.now(),
        );
        await notices.notify(tx, {
          orgId: p.orgId,
          userId: found.ownerId,
          kind: 'problem_ready_to_close',
          complaintId: null,
          dedupeKey: `problem:${found.id}:ready:${p.endsAt}`,
          data,
        });
      });
    },

    windowEndOf,
    retime,
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
