import type { Actor } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { toMinorUnits } from '../../platform/contract/money.ts';
import type { ComplaintClocks } from './clocks.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { SearchIndex } from './search-index.ts';
import type { FollowUpSync } from './follow-up-sync.ts';
import * as repo from './complaints.repository.ts';
import type { Complaint } from './complaints.repository.ts';
import {
  complaintEventData,
  complaintEvents,
  webhookEventOf,
  type ComplaintEventData,
  type ComplaintEventType,
} from './domain/events.ts';
import { webhookResource } from './webhook-resource.ts';
import { canTransition, type ComplaintStatus } from './domain/status.ts';
import * as eventsRepo from './events.repository.ts';
import { pauseEnded } from './complaints.jobs.ts';
import { publishLive } from '../../platform/live.ts';

export type Visibility = 'public' | 'internal';

/** A case's status as a change left it, told inside that change's transaction. */
export type StatusChange = {
  orgId: string;
  complaintId: string;
  status: ComplaintStatus;
  statusBefore: ComplaintStatus;
};
export type StatusListener = (tx: Tx, change: StatusChange) => Promise<void>;

/** An amount as typed (500000 VND, 12.5 USD) in minor units, or a 400 naming the field. */
export function moneyOf(
  amount: number | null | undefined,
  currency: string | null | undefined,
  field: string,
) {
  if (amount === null || amount === undefined) return { amount: null, currency: null };
  const code = currency ?? 'VND';
  const minor = toMinorUnits(amount, code);
  if (minor === undefined) throw invalidField(field);
  return { amount: minor, currency: code };
}

export const customerActor = (customer: { id: string; name: string }): Actor => ({
  type: 'customer',
  id: customer.id,
  name: customer.name,
});

/**
 * The steps every complaint use case shares: load and lock a case, write its timeline, move
 * its status by the transition table, and keep its clocks and search text current.
 */
export function createCaseWork(
  deps: Pick<
    ComplaintDeps,
    'db' | 'clock' | 'customers' | 'org' | 'reasons' | 'publicUrl' | 'jobs' | 'webhooks'
  > & {
    clocks: ComplaintClocks;
    search: SearchIndex;
    followUps: FollowUpSync;
  },
) {
  const { db, clock, customers, org, reasons, clocks, search, followUps } = deps;
  const statusListeners: StatusListener[] = [];

  async function getComplaint(executor: Executor, orgId: string, id: string): Promise<Complaint> {
    const complaint = await repo.findComplaint(executor, orgId, id);
    if (!complaint) throw new AppError('not_found');
    return complaint;
  }

  async function getOrg(executor: Executor, orgId: string) {
    const found = await org.findOrg(executor, orgId);
    if (!found) throw new AppError('not_found');
    return found;
  }

  /**
   * Appends to the timeline; the data is checked against the event's schema. An event that
   * webhooks hear of is queued for the org's endpoints in the same transaction.
   */
  async function addEvent<T extends ComplaintEventType>(
    tx: Tx,
    complaint: { orgId: string; id: string } | Complaint,
    actor: Actor,
    type: T,
    visibility: Visibility,
    data: ComplaintEventData<T>,
  ): Promise<string> {
    const parsed = complaintEventData[type].parse(data) as Record<string, unknown>;
    const hook = webhookEventOf(type, parsed);
    if (hook)
      await deps.webhooks.enqueue(tx, {
        orgId: complaint.orgId,
        type: hook,
        resource: () => webhookResource(tx, complaint, type, parsed),
      });
    return eventsRepo.insertEvent(tx, {
      orgId: complaint.orgId,
      complaintId: complaint.id,
      type,
      actor,
      visibility,
      data: parsed,
      at: clock.now(),
    });
  }

  /** Changes the status through the transition table, with an event; no-op if unchanged. */
  async function transition(
    tx: Tx,
    complaint: Complaint,
    actor: Actor,
    to: ComplaintStatus,
    note: string | null,
    visibility: Visibility = 'public',
  ): Promise<void> {
    if (complaint.status === to) return;
    if (!canTransition(complaint.status, to))
      throw new AppError('invalid_transition', { params: { from: complaint.status, to } });
    const closes = to === 'closed' || to === 'cancelled';
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { status: to, closedAt: closes ? clock.now() : null },
      clock.now(),
    );
    await addEvent(tx, complaint, actor, complaintEvents.statusChanged, visibility, {
      from: complaint.status,
      to,
      ...(note ? { note } : {}),
    });
    if (to === 'fixed') await addEvent(tx, complaint, actor, complaintEvents.fixed, 'public', {});
    const from = complaint.status;
    complaint.status = to;
    // Leaving a pause: a committed due the pause moved is re-committed (commitments module).
    const policy = await clocks.policyOf(tx, complaint.orgId, complaint.id);
    if (
      policy &&
      policy.pauseMovesCommitment &&
      policy.pausedClocks.includes('fix') &&
      (policy.pauseStatuses as string[]).includes(from) &&
      !(policy.pauseStatuses as string[]).includes(to)
    ) {
      const pauseFrom = await eventsRepo.lastStatusChangeTo(
        tx,
        complaint.orgId,
        complaint.id,
        from,
      );
      if (pauseFrom)
        await deps.jobs.enqueue(
          tx,
          pauseEnded,
          { orgId: complaint.orgId, complaintId: complaint.id, pauseFrom: pauseFrom.toISOString() },
          { key: `${complaint.id}:${pauseFrom.toISOString()}` },
        );
    }
  }

  /**
   * The first person who works on an unowned case (a web or e-mail complaint) becomes its
   * owner, so that its clocks always have someone to warn and to escalate from.
   */
  async function claimIfUnowned(tx: Tx, complaint: Complaint, actor: Actor): Promise<void> {
    if (complaint.ownerId || actor.type !== 'user' || !actor.id) return;
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { ownerId: actor.id },
      clock.now(),
    );
    await addEvent(tx, complaint, actor, complaintEvents.assigned, 'internal', {
      from: null,
      to: actor.id,
      toName: actor.name,
      automatic: true,
    });
    complaint.ownerId = actor.id;
  }

  /** Work starts: a new case moves to in progress, quietly. */
  async function startWork(tx: Tx, complaint: Complaint, actor: Actor): Promise<void> {
    if (complaint.status === 'new')
      await transition(tx, complaint, actor, 'in_progress', null, 'internal');
  }

  /**
   * Runs a change on one complaint, locked, in one transaction; the clocks follow in it, and the
   * screens that have the case open hear of it on commit (its clocks, its commitments).
   */
  async function change<T>(
    orgId: string,
    id: string,
    fn: (tx: Tx, complaint: Complaint) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (tx) => {
      if (!(await repo.lockComplaint(tx, orgId, id))) throw new AppError('not_found');
      const complaint = await getComplaint(tx, orgId, id);
      const statusBefore = complaint.status;
      const result = await fn(tx, complaint);
      const stepDues = await clocks.refresh(tx, orgId, id);
      // Step 6's tasks follow the status: made by a fix, ended by a reopen, due with the clocks.
      if (
        statusBefore !== complaint.status ||
        complaint.status === 'fixed' ||
        complaint.status === 'closed'
      )
        await followUps.sync(tx, complaint, statusBefore, stepDues);
      if (statusBefore !== complaint.status)
        for (const listener of statusListeners)
          await listener(tx, {
            orgId,
            complaintId: id,
            status: complaint.status,
            statusBefore,
          });
      await publishLive(tx, {
        orgId,
        topic: 'complaint',
        complaintId: id,
        payload: { kind: 'changed', status: complaint.status },
      });
      return result;
    });
  }

  async function customerAndOrg(executor: Executor, complaint: Complaint) {
    const [customer, found] = await Promise.all([
      customers.findCustomer(executor, complaint.orgId, complaint.customerId),
      getOrg(executor, complaint.orgId),
    ]);
    if (!customer) throw new AppError('not_found');
    return { customer, org: found };
  }

  /** After a change to what the case is found by (its reason, references, facts). */
  const refreshSearchText = (tx: Tx, complaint: { orgId: string; id: string }): Promise<void> =>
    search.rebuild(tx, complaint.orgId, [complaint.id]);

  async function assertUser(
    executor: Executor,
    orgId: string,
    userId: string | null | undefined,
    field: string,
  ) {
    if (userId && !(await org.isActiveMember(executor, orgId, userId))) throw invalidField(field);
  }

  /** The reason, or a 400 naming the field when it is not one of the org's. */
  async function assertReason(
    executor: Executor,
    orgId: string,
    reasonId: string | null | undefined,
    field: string,
  ) {
    if (!reasonId) return undefined;
    const reason = await reasons.find(executor, orgId, reasonId);
    if (!reason) throw invalidField(field);
    return reason;
  }

  return {
    getComplaint,
    getOrg,
    addEvent,
    transition,
    claimIfUnowned,
    startWork,
    change,
    customerAndOrg,
    refreshSearchText,
    assertUser,
    assertReason,
    trackingUrl: (token: string): string => `${deps.publicUrl}/track/${token}`,
    /** Modules built later (surveys) hear of each status change, in the change's transaction. */
    onStatusChange: (listener: StatusListener): void => {
      statusListeners.push(listener);
    },
  };
}

export type CaseWork = ReturnType<typeof createCaseWork>;
