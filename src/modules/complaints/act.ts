import type { Actor } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import type { CaseWork, Visibility } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';
import {
  complaintEvents,
  type ComplaintEventData,
  type ComplaintEventType,
} from './domain/events.ts';
import type { ComplaintStatus } from './domain/status.ts';
import * as events from './events.repository.ts';
import * as links from './links.repository.ts';
import { issueTrackingToken } from '../../platform/tokens.ts';
import type { SearchIndex } from './search-index.ts';
import type { SearchNameSource } from './search-index.repository.ts';

/** What another module may do to one complaint, inside its locked transaction. */
export type ComplaintTools = {
  complaint: {
    id: string;
    reference: string;
    status: ComplaintStatus;
    language: Language;
    ownerId: string | null;
    intakeAgentId: string | null;
  };
  customer: { id: string; name: string; email: string | null };
  org: { name: string; timeZone: string };
  addEvent<T extends ComplaintEventType>(
    actor: Actor,
    type: T,
    visibility: Visibility,
    data: ComplaintEventData<T>,
  ): Promise<string>;
  /** Queues an e-mail when the customer has an address; returns the channel used. */
  messageCustomer(subject: string, body: string): Promise<'email' | 'portal'>;
  /** Step 4: the due in force, and the department it is promised on behalf of. */
  setCommitment(dueAt: Date, departmentId: string | null): Promise<void>;
  startWork(actor: Actor): Promise<void>;
  claimIfUnowned(actor: Actor): Promise<void>;
  /** A fresh private link for a message to the customer (only hashes of links are kept). */
  newTrackingUrl(): Promise<string>;
  /** The names the complaint is also found by, from this module (replaces the earlier ones). */
  fileUnder(source: SearchNameSource, names: readonly string[]): Promise<void>;
};

/** For other modules (commitments, follow-ups): changes and reads through the owner. */
export function createComplaintAccess(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'mail'> & { work: CaseWork; search: SearchIndex },
) {
  const { db, clock, mail, work, search } = deps;

  return {
    /** A change to one complaint, locked, in one transaction, with the tools to act on it. */
    async act<T>(
      orgId: string,
      id: string,
      fn: (tx: Tx, tools: ComplaintTools) => Promise<T>,
    ): Promise<T> {
      return work.change(orgId, id, async (tx, complaint) => {
        const { customer, org } = await work.customerAndOrg(tx, complaint);
        return fn(tx, {
          complaint: {
            id: complaint.id,
            reference: complaint.reference,
            status: complaint.status,
            language: complaint.language,
            ownerId: complaint.ownerId,
            intakeAgentId: complaint.intakeAgentId,
          },
          customer: { id: customer.id, name: customer.name, email: complaint.contactEmail },
          org: { name: org.name, timeZone: org.timeZone },
          addEvent: (actor, type, visibility, data) =>
            work.addEvent(tx, complaint, actor, type, visibility, data),
          async messageCustomer(subject, body) {
            if (!complaint.contactEmail) return 'portal';
            await mail.queue(tx, {
              orgId,
              complaintId: id,
              kind: 'message',
              to: complaint.contactEmail,
              subject,
              text: body,
            });
            return 'email';
          },
          setCommitment: (dueAt, departmentId) =>
            repo.updateComplaint(
              tx,
              orgId,
              id,
              { committedDueAt: dueAt, committedDepartmentId: departmentId },
              clock.now(),
            ),
          startWork: (actor) => work.startWork(tx, complaint, actor),
          claimIfUnowned: (actor) => work.claimIfUnowned(tx, complaint, actor),
          async newTrackingUrl() {
            const token = issueTrackingToken(orgId);
            await links.insertTrackingLink(tx, orgId, id, token.hash, clock.now());
            return work.trackingUrl(token.token);
          },
          fileUnder: (source, names) =>
            search.fileUnder(tx, orgId, source, [{ complaintId: id, names }]),
        });
      });
    },

    /**
     * Files many complaints under new names from another module (a task type was renamed),
     * in one transaction; complaints of another org are skipped.
     */
    fileUnder: (
      orgId: string,
      source: SearchNameSource,
      entries: readonly { complaintId: string; names: readonly string[] }[],
    ) => db.transaction().execute((tx) => search.fileUnder(tx, orgId, source, entries)),

    /**
     * Step 8 on the case's timeline (internal): linked to a problem, moved, or unlinked, in the
     * problem's transaction. The event is appended without locking the case.
     */
    recordProblemLink: (
      tx: Tx,
      orgId: string,
      complaintId: string,
      actor: Actor,
      change:
        | { linked: true; data: ComplaintEventData<typeof complaintEvents.problemLinked> }
        | { linked: false; data: ComplaintEventData<typeof complaintEvents.problemUnlinked> },
    ) =>
      change.linked
        ? work.addEvent(
            tx,
            { orgId, id: complaintId },
            actor,
            complaintEvents.problemLinked,
            'internal',
            change.data,
          )
        : work.addEvent(
            tx,
            { orgId, id: complaintId },
            actor,
            complaintEvents.problemUnlinked,
            'internal',
            change.data,
          ),

    /** Whether the complaint exists in the org (another org's answers false). */
    exists: async (executor: Executor, orgId: string, id: string) =>
      (await repo.findComplaint(executor, orgId, id)) !== undefined,

    /** Reference and customer name of complaints, for other modules' lists. */
    async labels(
      executor: Executor,
      orgId: string,
      ids: readonly string[],
    ): Promise<Map<string, { reference: string; customerName: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await repo.findLabels(executor, orgId, ids);
      return new Map(
        rows.map((r) => [r.id, { reference: r.reference, customerName: r.customerName }]),
      );
    },

    /** When each complaint was fixed, and reopened, every time, in order (the promise ledger). */
    async fixHistoryOf(
      executor: Executor,
      orgId: string,
      ids: readonly string[],
    ): Promise<Map<string, { fixes: Date[]; reopens: Date[] }>> {
      const history = new Map<string, { fixes: Date[]; reopens: Date[] }>();
      for (const id of ids) history.set(id, { fixes: [], reopens: [] });
      for (const e of await events.listFixesAndReopens(executor, orgId, ids))
        history.get(e.complaintId)?.[e.kind === 'fixed' ? 'fixes' : 'reopens'].push(e.at);
      return history;
    },
  };
}

export type ComplaintAccess = ReturnType<typeof createComplaintAccess>;
