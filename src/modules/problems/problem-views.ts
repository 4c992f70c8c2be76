import type { Executor } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn } from '../../platform/contract/names.ts';
import { complaintFactsOf } from '../complaints/index.ts';
import { allowedTransitions } from './domain/status.ts';
import { recurrenceCheck } from './domain/recurrence.ts';
import { warnAtOf } from './domain/action-clock.ts';
import { isActionOpen } from './domain/status.ts';
import { textIn } from './domain/texts.ts';
import type {
  ActionView,
  ChainLinkView,
  LinkedComplaintView,
  MonitoringView,
  ProblemSummary,
} from './problems.contract.ts';
import * as repo from './problems.repository.ts';
import * as work from './work.repository.ts';

const DAY_MS = 86_400_000;

export function reasonNameOf(names: Record<string, string> | null, lang: Language): string | null {
  if (!names) return null;
  return nameIn(names, lang, names.vi ?? Object.values(names)[0] ?? '');
}

export function toSummary(p: repo.Problem, lang: Language): ProblemSummary {
  return {
    id: p.id,
    reference: p.reference,
    title: textIn(p.title, lang),
    status: p.status,
    reasonId: p.reasonId,
    reasonName: reasonNameOf(p.reasonNames, lang),
    ownerId: p.ownerId,
    ownerName: p.ownerName,
    linkedComplaints: p.linkedComplaints,
    openActions: p.openActions,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const toChainView = (l: work.ChainLink): ChainLinkView => ({
  id: l.id,
  position: l.position,
  departmentId: l.departmentId,
  departmentName: l.departmentName,
  userId: l.userId,
  personName: l.personName,
  role: l.role,
  acknowledgement: l.acknowledgement,
  acknowledgedAt: l.acknowledgedAt?.toISOString() ?? null,
  acknowledgedById: l.acknowledgedById,
  acknowledgedByName: l.acknowledgedByName,
  onBehalf: l.onBehalf,
});

export async function actionViews(
  db: Executor,
  orgId: string,
  actions: work.Action[],
  now: Date,
): Promise<ActionView[]> {
  const evidence = await work.listEvidence(
    db,
    orgId,
    actions.map((a) => a.id),
  );
  return actions.map((a) => ({
    id: a.id,
    problemId: a.problemId,
    kind: a.kind,
    description: a.description,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    dueAt: a.dueAt.toISOString(),
    warnAt: warnAtOf(a.clockStartedAt, a.dueAt).toISOString(),
    status: a.status,
    isOverdue: isActionOpen(a.status) && a.dueAt.getTime() <= now.getTime(),
    doneAt: a.doneAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    evidence: evidence
      .filter((e) => e.actionId === a.id)
      .map((e) => ({
        id: e.id,
        note: e.note,
        byId: e.byId,
        byName: e.byName,
        at: e.at.toISOString(),
      })),
  }));
}

/** The linked complaints of a problem with their receipt, and which of them are recurrences. */
export async function linkedComplaints(
  db: Executor,
  orgId: string,
  p: repo.Problem,
): Promise<LinkedComplaintView[]> {
  const links = await repo.linksOf(db, orgId, { problemIds: [p.id] });
  const facts = new Map(
    (
      await complaintFactsOf(
        db,
        orgId,
        links.map((l) => l.complaintId),
      )
    ).map((f) => [f.id, f]),
  );
  const start = p.monitoringStartedAt?.getTime();
  return links
    .filter((l) => facts.has(l.complaintId))
    .map((l) => {
      const f = facts.get(l.complaintId)!;
      return {
        complaintId: l.complaintId,
        reference: f.reference,
        receivedAt: f.receivedAt.toISOString(),
        customerName: f.customerName,
        source: l.source,
        linkedAt: l.linkedAt.toISOString(),
        isRecurrence: start !== undefined && f.receivedAt.getTime() >= start,
      };
    })
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export function monitoringOf(
  p: repo.Problem,
  complaints: LinkedComplaintView[],
  now: Date,
): MonitoringView {
  const base = {
    windowLength: p.windowLength,
    windowUnit: p.windowUnit,
    threshold: p.threshold,
  };
  if (!p.monitoringStartedAt || !p.monitoringEndsAt)
    return {
      ...base,
      startedAt: null,
      endsAt: null,
      daysLeft: null,
      recurrences: [],
      decision: null,
    };
  const check = recurrenceCheck({
    window: { startedAt: p.monitoringStartedAt, endsAt: p.monitoringEndsAt },
    threshold: p.threshold,
    linkedComplaints: complaints.map((c) => ({
      complaintId: c.complaintId,
      receivedAt: new Date(c.receivedAt),
    })),
    now,
  });
  const ids = new Set(check.recurrences.map((r) => r.complaintId));
  return {
    ...base,
    startedAt: p.monitoringStartedAt.toISOString(),
    endsAt: p.monitoringEndsAt.toISOString(),
    daysLeft: Math.max(0, Math.ceil((p.monitoringEndsAt.getTime() - now.getTime()) / DAY_MS)),
    recurrences: complaints.filter((c) => ids.has(c.complaintId)),
    decision: p.status === 'monitoring' ? check.kind : null,
  };
}

export const transitionsOf = (p: repo.Problem) => [...allowedTransitions[p.status]];
