import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { publishLive } from '../../platform/live.ts';
import { recordAudit } from '../audit/index.ts';
import { rewardEligibilityOf, type ComplaintTools } from '../complaints/index.ts';
import type { AuthorityOf } from './authority-check.ts';
import { giftEligibility } from './domain/eligibility.ts';
import type { ClimbReason, GrantKind, GrantType } from './domain/vocabulary.ts';
import * as ledger from './ledger.repository.ts';
import type { RecordGrant } from './record-grant.ts';
import { approvalClock } from './rewards.jobs.ts';
import type { ApprovalView } from './rewards.contract.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';
import type { RewardViews } from './rewards.views.ts';

/**
 * Approvals above an agent's authority: to the next approver up the org chart, on the approval
 * clock. The approver approves (possibly a different amount) or declines with a reason; the
 * request climbs when the approver's own authority is not enough or the clock breaches. Both
 * sides see each change live.
 */
export function createApprovals(
  deps: Pick<RewardDeps, 'db' | 'clock' | 'jobs' | 'sla' | 'complaints' | 'org'> & {
    views: RewardViews;
    authorityOf: AuthorityOf;
    recordGrant: RecordGrant;
  },
) {
  const { db, clock, jobs, sla, complaints, org, views, authorityOf, recordGrant } = deps;

  async function startClock(tx: Tx, orgId: string, approvalId: string, level: number) {
    const c = await sla.internalClock(tx, orgId, 'approval', clock.now(), null);
    if (!c?.dueAt) return;
    await jobs.enqueue(
      tx,
      approvalClock,
      { orgId, approvalId, level },
      { runAt: new Date(c.dueAt), key: `${approvalId}:${level}` },
    );
  }

  async function announce(
    tx: Tx,
    orgId: string,
    a: { id: string; complaintId: string; requestedBy: string },
    approverIds: (string | null)[],
    status: string,
  ) {
    await publishLive(tx, {
      orgId,
      topic: 'complaint',
      complaintId: a.complaintId,
      userIds: [a.requestedBy, ...approverIds.filter((id): id is string => id !== null)],
      payload: { kind: 'approval', approvalId: a.id, status, complaintId: a.complaintId },
    });
  }

  async function climb(
    tx: Tx,
    orgId: string,
    actor: Actor,
    a: ledger.Approval,
    reason: ClimbReason,
    amountMinor: number,
    /** The approver's own manager, looked up before the transaction (see `nextApprover`). */
    next: string | undefined,
  ): Promise<boolean> {
    if (!next) return false;
    const moved = await ledger.climbApproval(tx, orgId, a.id, a.level, {
      approverId: next,
      amountMinor,
      climb: { from: a.approverId, to: next, reason, at: clock.now().toISOString() },
      at: clock.now(),
    });
    if (!moved) return false;
    await startClock(tx, orgId, a.id, a.level + 1);
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'approval.escalated',
      entityType: 'approval_request',
      entityId: a.id,
      before: { approverId: a.approverId, level: a.level },
      after: { approverId: next, level: a.level + 1, reason },
    });
    await announce(tx, orgId, a, [a.approverId, next], 'pending');
    return true;
  }

  /**
   * Who is above an approver. The org chart is read outside the case's transaction, so a
   * transaction never waits for a second connection; inside, the caller checks the request
   * still waits for the same approver.
   */
  const nextApprover = (orgId: string, approverId: string | null) =>
    approverId ? org.managerOf(orgId, approverId) : Promise.resolve(undefined);

  const moved = () => new AppError('conflict', { messageKey: 'error.approval_closed' });

  const viewOf = async (orgId: string, id: string): Promise<ApprovalView> =>
    (await views.approvals(db, orgId, await ledger.listApprovals(db, orgId, { ids: [id] })))[0]!;

  return {
    approvalView: viewOf,

    /** Opens a request to the requester's manager, in the case's transaction. */
    async openApproval(
      tx: Tx,
      tools: ComplaintTools,
      orgId: string,
      actor: Actor,
      input: {
        kind: GrantKind;
        type: GrantType;
        giftId: string | null;
        amountMinor: number;
        currency: string;
        askMinor: number | null;
        reference: string | null;
        note: string | null;
        requestedBy: string;
        departmentId: string | null;
        /** The requester's manager, looked up before the transaction. */
        approverId: string | undefined;
      },
    ): Promise<string> {
      const { approverId } = input;
      if (!approverId) throw new AppError('conflict', { messageKey: 'error.no_approver' });
      const id = await ledger.insertApproval(tx, orgId, {
        ...input,
        complaintId: tools.complaint.id,
        approverId,
        createdAt: clock.now(),
      });
      await startClock(tx, orgId, id, 1);
      await recordAudit(tx, {
        orgId,
        actor,
        action: 'approval.requested',
        entityType: 'approval_request',
        entityId: id,
        after: { ...input, approverId, complaintId: tools.complaint.id },
      });
      await announce(
        tx,
        orgId,
        { id, complaintId: tools.complaint.id, requestedBy: input.requestedBy },
        [approverId],
        'pending',
      );
      return id;
    },

    /** The approver's answer: approve (this or another amount) or decline with a reason. */
    async decide(
      scope: Scope,
      approvalId: string,
      input: {
        decision: 'approve' | 'decline';
        amountMinor?: number | null | undefined;
        reason?: string | null | undefined;
      },
    ): Promise<ApprovalView> {
      const found = (await ledger.listApprovals(db, scope.orgId, { ids: [approvalId] }))[0];
      if (!found) throw new AppError('not_found');
      const actorId = scope.actor.id;
      if (scope.actor.type !== 'user' || !actorId) throw new AppError('forbidden');
      if (input.decision === 'decline' && !input.reason?.trim())
        throw invalidField('reason', 'field.required');
      const next = await nextApprover(scope.orgId, found.approverId);
      await complaints.act(scope.orgId, found.complaintId, async (tx, tools) => {
        const a = (await ledger.listApprovals(tx, scope.orgId, { ids: [approvalId] }, true))[0]!;
        if (a.status !== 'pending' || a.approverId !== found.approverId) throw moved();
        if (a.approverId !== actorId && !scope.permissions.has('org:admin'))
          throw new AppError('forbidden', { messageKey: 'error.not_your_approval' });
        const now = clock.now();
        if (input.decision === 'decline') {
          await ledger.closeApproval(tx, scope.orgId, a.id, {
            status: 'declined',
            decidedBy: actorId,
            decidedAmountMinor: null,
            declineReason: input.reason ?? null,
            at: now,
          });
          await recordAudit(tx, {
            orgId: scope.orgId,
            actor: scope.actor,
            action: 'approval.declined',
            entityType: 'approval_request',
            entityId: a.id,
            after: { reason: input.reason },
          });
          await announce(tx, scope.orgId, a, [a.approverId], 'declined');
          return;
        }
        const amountMinor = input.amountMinor ?? a.amountMinor;
        const decision = await authorityOf(tx, scope.orgId, {
          userId: actorId,
          kind: a.kind,
          type: a.type,
          amountMinor,
          currency: a.currency,
          askMinor: a.askMinor,
          customerId: tools.customer.id,
          timeZone: tools.org.timeZone,
          level: a.level,
        });
        if (decision.kind === 'refused')
          throw new AppError('conflict', { messageKey: `error.${decision.reason}` });
        // Above this approver's own authority the request climbs; at the top of the chart the
        // approval stands.
        if (
          decision.kind === 'needs_approval' &&
          (await climb(tx, scope.orgId, scope.actor, a, 'approver_limit', amountMinor, next))
        )
          return;
        const gift = a.giftId ? await repo.findGift(tx, scope.orgId, a.giftId) : undefined;
        const facts = await rewardEligibilityOf(tx, scope.orgId, a.complaintId);
        if (a.kind === 'gift') {
          const settings = await repo.findSettings(tx, scope.orgId);
          const ok = giftEligibility(facts!, settings.giftRequiresVerification);
          if (ok.kind === 'refused')
            throw new AppError('conflict', { messageKey: `error.gift_${ok.reason}` });
        }
        await recordGrant(tx, tools, scope.orgId, scope.actor, {
          kind: a.kind,
          type: a.type,
          gift: gift ?? null,
          amountMinor,
          currency: a.currency,
          reference: a.reference,
          note: a.note,
          grantedBy: a.requestedBy,
          departmentId: a.departmentId,
          reasonId: facts?.reasonId ?? null,
          approvedBy: actorId,
          approvalLevel: a.level,
          approvalId: a.id,
        });
        await ledger.closeApproval(tx, scope.orgId, a.id, {
          status: 'approved',
          decidedBy: actorId,
          decidedAmountMinor: amountMinor,
          declineReason: null,
          at: now,
        });
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'approval.approved',
          entityType: 'approval_request',
          entityId: a.id,
          after: { amountMinor, level: a.level },
        });
        await announce(tx, scope.orgId, a, [a.approverId], 'approved');
      });
      return viewOf(scope.orgId, approvalId);
    },

    /** The approval clock breached at `level`: the request climbs, unless it was answered. */
    async climbOnBreach(orgId: string, approvalId: string, level: number): Promise<void> {
      const found = (await ledger.listApprovals(db, orgId, { ids: [approvalId] }))[0];
      if (!found || found.status !== 'pending' || found.level !== level) return;
      const next = await nextApprover(orgId, found.approverId);
      await db.transaction().execute(async (tx) => {
        const a = (await ledger.listApprovals(tx, orgId, { ids: [approvalId] }, true))[0];
        if (!a || a.status !== 'pending' || a.level !== level) return;
        if (a.approverId !== found.approverId) return;
        const c = await sla.internalClock(tx, orgId, 'approval', a.levelStartedAt, null);
        if (c && c.state !== 'breached') {
          // The calendar moved the due: look again then.
          if (c.dueAt)
            await jobs.enqueue(
              tx,
              approvalClock,
              { orgId, approvalId, level },
              { runAt: new Date(c.dueAt), key: `${approvalId}:${level}:${c.dueAt}` },
            );
          return;
        }
        await climb(
          tx,
          orgId,
          { type: 'system', id: null, name: 'Ombud' },
          a,
          'clock_breach',
          a.amountMinor,
          next,
        );
      });
    },

    async listApprovals(
      scope: Scope,
      query: { status: string; scope: 'mine' | 'requested' | 'all' },
    ): Promise<ApprovalView[]> {
      const me = scope.actor.id ?? '';
      const filter: ledger.ApprovalFilter = {
        ...(query.status === 'all' ? {} : { status: query.status as ledger.Approval['status'] }),
        ...(query.scope === 'requested'
          ? { requestedBy: me }
          : query.scope === 'all' && scope.permissions.has('org:admin')
            ? {}
            : { approverId: me }),
      };
      return views.approvals(db, scope.orgId, await ledger.listApprovals(db, scope.orgId, filter));
    },
  };
}

export type Approvals = ReturnType<typeof createApprovals>;
