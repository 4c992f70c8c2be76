import type { Executor } from '../../platform/db/index.ts';
import * as followUps from './follow-ups.repository.ts';
import { updateStepOf } from './domain/follow-ups.ts';
import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { searchTerms } from '../../platform/db/search.ts';
import { normalizePhone, type PhoneCountry } from '../customers/index.ts';
import * as attachments from './attachments.repository.ts';
import type { CaseWork } from './case-work.ts';
import type {
  ComplaintDetail,
  ComplaintList,
  ListComplaintsQuery,
  TimelineEvent,
} from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { toDetail, toListItem, toTimelineEvent, iso } from './complaints.views.ts';
import { endOfLocalDay } from './domain/local-day.ts';
import { deriveSteps } from './domain/steps.ts';
import * as events from './events.repository.ts';
import * as facts from './facts.repository.ts';
import type { FactVersion } from './facts.repository.ts';
import {
  foldTerms,
  listComplaints,
  type OwnerFilter,
  type QueueQuery,
} from './queue.repository.ts';

/** The scope wins over an owner filter; an API key has no "mine". */
function ownerFilterOf(query: ListComplaintsQuery, me: string | null): OwnerFilter | undefined {
  if (query.scope === 'unassigned') return { kind: 'unassigned' };
  if (query.scope === 'mine' && me) return { kind: 'user', userId: me };
  if (query.scope === 'mineAndUnassigned' && me) return { kind: 'userOrUnassigned', userId: me };
  if (query.scope === 'mineAndUnassigned') return { kind: 'unassigned' };
  if (query.ownerId === 'unassigned') return { kind: 'unassigned' };
  if (query.ownerId) return { kind: 'user', userId: query.ownerId };
  return undefined;
}

/** Reading complaints: the detail, the queue, the timeline, and where a case is in the loop. */
export function createComplaintQueries(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'customers'> & { work: CaseWork },
) {
  const { db, clock, customers, work } = deps;

  async function stepsOf(
    executor: Executor,
    complaint: Complaint,
    confirmed: FactVersion | undefined,
  ): Promise<ComplaintDetail['steps']> {
    const moments = await events.stepMoments(executor, complaint.orgId, complaint.id);
    const fixed = complaint.status === 'fixed' || complaint.status === 'closed';
    const tasks = fixed
      ? await followUps.listForComplaint(executor, complaint.orgId, complaint.id)
      : [];
    const latestFix = tasks[0]?.fixedAt.getTime();
    return deriveSteps({
      giftedAt: moments.giftedAt,
      update: updateStepOf(tasks.filter((t) => t.fixedAt.getTime() === latestFix)),
      acknowledgedAt: complaint.acknowledgedAt,
      confirmedAt: confirmed?.confirmedAt ?? null,
      apologisedAt: moments.apologisedAt,
      committedAt: moments.committedAt,
      // The fix is the complaint.fixed event; a case closed without one (imported history)
      // counts as fixed when it closed.
      fixedAt: moments.fixedAt ?? (complaint.status === 'closed' ? complaint.closedAt : null),
      status: complaint.status,
    }).map((s) => ({ step: s.step, state: s.state, at: iso(s.at), by: s.by ?? null }));
  }

  async function detail(orgId: string, id: string): Promise<ComplaintDetail> {
    const complaint = await work.getComplaint(db, orgId, id);
    const [org, customer, versions, files] = await Promise.all([
      work.getOrg(db, orgId),
      customers.findCustomer(db, orgId, complaint.customerId),
      facts.listFactVersions(db, orgId, id),
      attachments.listAttachments(db, orgId, id, false),
    ]);
    if (!customer) throw new AppError('not_found');
    const confirmed = versions.find((v) => v.version === complaint.confirmedFactVersion);
    const steps = await stepsOf(db, complaint, confirmed);
    return toDetail(complaint, customer, versions, files, steps, org.timeZone);
  }

  /** The list's query as the repository takes it: the search folded, the owner filter, today. */
  async function queueQueryOf(scope: Scope, query: ListComplaintsQuery): Promise<QueueQuery> {
    const org = await work.getOrg(db, scope.orgId);
    // A phone typed in any format (of the org's country) is one term, in the form it is stored in.
    const phone = query.q ? (normalizePhone(query.q, org.country as PhoneCountry) ?? null) : null;
    const terms = await foldTerms(db, phone ? [phone] : query.q ? searchTerms(query.q) : []);
    return {
      ...query,
      sort: query.sort ?? (terms.length > 0 ? 'relevance' : '-createdAt'),
      owner: ownerFilterOf(query, scope.actor.id),
      search: terms.length > 0 ? { terms, phrase: terms.join(' ') } : null,
      endOfToday: endOfLocalDay(clock.now(), org.timeZone),
    };
  }

  return {
    stepsOf,
    detail,

    queueQueryOf,

    async list(scope: Scope, query: ListComplaintsQuery, lang: Language): Promise<ComplaintList> {
      const result = await listComplaints(db, scope.orgId, await queueQueryOf(scope, query));
      const people = await customers.findCustomers(
        db,
        scope.orgId,
        result.rows.map((c) => c.customerId),
      );
      return {
        items: result.rows.map((c) => toListItem(c, people.get(c.customerId), lang)),
        total: result.total,
        totalIsCapped: result.totalIsCapped,
        totalIsEstimate: result.totalIsEstimate,
        hasMore: result.hasMore,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async timeline(scope: Scope, id: string): Promise<TimelineEvent[]> {
      await work.getComplaint(db, scope.orgId, id);
      return (await events.listEvents(db, scope.orgId, id)).map(toTimelineEvent);
    },
  };
}

export type ComplaintQueries = ReturnType<typeof createComplaintQueries>;
