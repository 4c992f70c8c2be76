import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { complaintFactsOf } from '../complaints/index.ts';
import { recurrenceCheck, type RecurrenceDecision } from './domain/recurrence.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { createProblemWebhooks } from './problem-webhooks.ts';
import { windowEnd } from './problems.jobs.ts';
import * as repo from './problems.repository.ts';
import * as work from './work.repository.ts';

/**
 * A problem's monitoring window: its end on the org's business calendar (or in weeks), the
 * recurrence check as of now, and the history entry each window leaves when it ends.
 */
export function createWindow(deps: Pick<ProblemDeps, 'clock' | 'jobs' | 'sla' | 'webhooks'>) {
  const { clock, jobs, sla } = deps;
  const problemWebhook = createProblemWebhooks(deps);

  async function lockProblem(tx: Tx, orgId: string, id: string): Promise<repo.Problem> {
    const p = await repo.findProblem(tx, orgId, id, true);
    if (!p) throw new AppError('not_found');
    return p;
  }

  /** The recurrence check as of now, on the linked complaints' receipt times. */
  async function checkOf(tx: Tx, orgId: string, p: repo.Problem): Promise<RecurrenceDecision> {
    const links = await repo.linksOf(tx, orgId, { problemIds: [p.id] });
    const facts = await complaintFactsOf(
      tx,
      orgId,
      links.map((l) => l.complaintId),
    );
    return recurrenceCheck({
      window: { startedAt: p.monitoringStartedAt!, endsAt: p.monitoringEndsAt! },
      threshold: p.threshold,
      linkedComplaints: facts.map((f) => ({ complaintId: f.id, receivedAt: f.receivedAt })),
      now: clock.now(),
    });
  }

  async function windowEndOf(tx: Tx, orgId: string, p: repo.Problem, start: Date): Promise<Date> {
    const { calendar } = await sla.calendarFor(tx, orgId, null);
    return sla.dueAfter(
      start,
      {
        amount: p.windowLength,
        unit: p.windowUnit === 'weeks' ? 'calendar_weeks' : 'business_days',
      },
      calendar,
    );
  }

  async function startMonitoring(tx: Tx, orgId: string, actor: Actor, p: repo.Problem) {
    const done = await work.listActions(tx, orgId, {
      problemIds: [p.id],
      kind: 'corrective',
      statuses: ['done'],
    });
    if (done.length === 0)
      throw new AppError('conflict', { messageKey: 'error.problem_needs_corrective_done' });
    const now = clock.now();
    const endsAt = await windowEndOf(tx, orgId, p, now);
    await repo.updateProblem(
      tx,
      orgId,
      p.id,
      { status: 'monitoring', monitoringStartedAt: now, monitoringEndsAt: endsAt },
      now,
    );
    await jobs.enqueue(
      tx,
      windowEnd,
      { orgId, problemId: p.id, endsAt: endsAt.toISOString() },
      { runAt: endsAt, key: `${p.id}:${endsAt.toISOString()}` },
    );
    await repo.addEvent(
      tx,
      orgId,
      p.id,
      actor,
      'monitoring.started',
      {
        startedAt: now.toISOString(),
        endsAt: endsAt.toISOString(),
        windowLength: p.windowLength,
        windowUnit: p.windowUnit,
        threshold: p.threshold,
      },
      now,
    );
  }

  /**
   * Ends the running window with its outcome, kept in the history for the recurrence report:
   * `recurred` and `clean` at the check, `override` at a close despite it, `manual` when sent
   * back by hand.
   */
  async function endWindow(
    tx: Tx,
    orgId: string,
    actor: Actor,
    p: repo.Problem,
    check: RecurrenceDecision,
    outcome: 'clean' | 'recurred' | 'override' | 'manual',
  ) {
    const startedAt = p.monitoringStartedAt?.toISOString() ?? null;
    const ended = await repo.listEvents(tx, orgId, { problemId: p.id, kind: 'monitoring.ended' });
    if (ended.some((e) => e.data.startedAt === startedAt)) return;
    await repo.addEvent(
      tx,
      orgId,
      p.id,
      actor,
      'monitoring.ended',
      {
        startedAt,
        endsAt: p.monitoringEndsAt?.toISOString() ?? null,
        outcome,
        threshold: p.threshold,
        recurrences: check.recurrences.length,
        recurrenceIds: check.recurrences.map((r) => r.complaintId),
      },
      clock.now(),
    );
  }

  async function sendBack(
    tx: Tx,
    orgId: string,
    actor: Actor,
    p: repo.Problem,
    reason: string | null,
  ) {
    const now = clock.now();
    await repo.updateProblem(
      tx,
      orgId,
      p.id,
      { status: 'action', monitoringStartedAt: null, monitoringEndsAt: null },
      now,
    );
    await repo.addEvent(
      tx,
      orgId,
      p.id,
      actor,
      'status.changed',
      { from: p.status, to: 'action', reason },
      now,
    );
    await problemWebhook(tx, orgId, p.id, 'status.changed', { from: p.status, to: 'action' });
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'problem.status_changed',
      entityType: 'problem',
      entityId: p.id,
      before: { status: p.status },
      after: { status: 'action', reason },
    });
  }

  /**
   * The window's length changed while it runs: its end is computed again from its start, and a
   * new check is timed (the old job finds another end and does nothing).
   */
  async function retime(tx: Tx, orgId: string, p: repo.Problem) {
    if (p.status !== 'monitoring' || !p.monitoringStartedAt) return;
    const endsAt = await windowEndOf(tx, orgId, p, p.monitoringStartedAt);
    if (endsAt.getTime() === p.monitoringEndsAt?.getTime()) return;
    await repo.updateProblem(tx, orgId, p.id, { monitoringEndsAt: endsAt }, clock.now());
    await jobs.enqueue(
      tx,
      windowEnd,
      { orgId, problemId: p.id, endsAt: endsAt.toISOString() },
      { runAt: endsAt, key: `${p.id}:${endsAt.toISOString()}` },
    );
  }

  return { lockProblem, checkOf, windowEndOf, startMonitoring, endWindow, sendBack, retime };
}

export type ProblemWindow = ReturnType<typeof createWindow>;
