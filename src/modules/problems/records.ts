import type { Scope } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { complaintFactsOf } from '../complaints/index.ts';
import { givenTexts, hasAnyText, textIn } from './domain/texts.ts';
import type { LinkSource } from './domain/vocabulary.ts';
import type { createEffectiveness } from './effectiveness.ts';
import type { Monitoring } from './monitoring.ts';
import {
  actionViews,
  linkedComplaints,
  monitoringOf,
  toChainView,
  toSummary,
  transitionsOf,
} from './problem-views.ts';
import type {
  ProblemDetail,
  ProblemPatch,
  problemInput,
  problemsQuery,
} from './problems.contract.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { createProblemWebhooks } from './problem-webhooks.ts';
import * as repo from './problems.repository.ts';
import { problemFilterOf } from './problems-export.ts';
import * as work from './work.repository.ts';
import type { z } from 'zod';

const PREFIX = 'VD';

/** Problem records: create, edit, list, read whole; and the complaints linked to them. */
export function createRecords(
  deps: Pick<ProblemDeps, 'db' | 'clock' | 'org' | 'reasons' | 'complaints' | 'webhooks'> & {
    monitoring: Monitoring;
    effectivenessOf: ReturnType<typeof createEffectiveness>;
  },
) {
  const { db, clock, org, reasons, complaints, monitoring, effectivenessOf } = deps;
  const problemWebhook = createProblemWebhooks(deps);

  async function checkOwner(tx: Executor, orgId: string, userId: string, field: string) {
    if (!(await org.isActiveMember(tx, orgId, userId))) throw invalidField(field);
  }
  async function checkReason(tx: Executor, orgId: string, reasonId: string | null | undefined) {
    if (reasonId && !(await reasons.find(tx, orgId, reasonId))) throw invalidField('reasonId');
  }

  async function detail(orgId: string, id: string, lang: Language): Promise<ProblemDetail> {
    const p = await repo.findProblem(db, orgId, id);
    if (!p) throw new AppError('not_found');
    const now = clock.now();
    const [rootCauses, chain, actions, complaints, history, effectiveness] = await Promise.all([
      work.listRootCauses(db, orgId, [id]),
      work.listChain(db, orgId, id),
      work.listActions(db, orgId, { problemIds: [id] }),
      linkedComplaints(db, orgId, p),
      repo.listEvents(db, orgId, { problemId: id }),
      effectivenessOf(db, orgId, p, lang),
    ]);
    const rc = rootCauses[0];
    return {
      problem: {
        ...toSummary(p, lang),
        titles: p.title,
        descriptions: p.description,
        description: textIn(p.description, lang),
        products: p.products,
        orders: p.orders,
        closedAt: p.closedAt?.toISOString() ?? null,
        override: p.override
          ? {
              reason: p.override.reason,
              byName: p.override.byName,
              at: p.override.at.toISOString(),
            }
          : null,
        allowedTransitions: transitionsOf(p),
      },
      rootCause: rc
        ? {
            category: rc.category,
            analysis: rc.analysis,
            fiveWhys: rc.fiveWhys,
            fishbone: rc.fishbone,
            updatedAt: rc.updatedAt.toISOString(),
            updatedByName: rc.updatedByName,
          }
        : null,
      chain: chain.map(toChainView),
      actions: await actionViews(db, orgId, actions, now),
      complaints,
      monitoring: monitoringOf(p, complaints, now),
      effectiveness,
      history: history.map((e) => ({
        id: e.id,
        kind: e.kind,
        actorName: e.actorName,
        data: e.data,
        at: e.at.toISOString(),
      })),
    };
  }

  async function editable(tx: Tx, orgId: string, id: string): Promise<repo.Problem> {
    const p = await monitoring.lockProblem(tx, orgId, id);
    if (p.status === 'closed' || p.status === 'rejected') throw monitoring.final();
    return p;
  }

  return {
    detail,
    editable,

    async create(scope: Scope, input: z.output<typeof problemInput>, lang: Language) {
      const title = givenTexts(input.title);
      if (!hasAnyText(title)) throw invalidField('title', 'field.required');
      const ownerId = input.ownerId ?? scope.actor.id;
      if (!ownerId) throw invalidField('ownerId', 'field.required');
      const id = await db.transaction().execute(async (tx) => {
        await checkOwner(tx, scope.orgId, ownerId, 'ownerId');
        await checkReason(tx, scope.orgId, input.reasonId);
        const now = clock.now();
        const found = await org.findOrg(tx, scope.orgId);
        const year = Number(
          new Intl.DateTimeFormat('en', {
            timeZone: found?.timeZone ?? 'UTC',
            year: 'numeric',
          }).format(now),
        );
        const n = await repo.nextNumber(tx, scope.orgId, year);
        const reference = `${PREFIX}-${year}-${String(n).padStart(4, '0')}`;
        const created = await repo.insertProblem(tx, scope.orgId, {
          reference,
          title,
          description: givenTexts(input.description),
          reasonId: input.reasonId ?? null,
          products: input.products,
          orders: input.orders,
          ownerId,
          windowLength: input.windowLength,
          windowUnit: input.windowUnit,
          threshold: input.recurrenceThreshold,
          createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
          at: now,
        });
        await repo.addEvent(tx, scope.orgId, created, scope.actor, 'created', { reference }, now);
        await problemWebhook(tx, scope.orgId, created, 'created');
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.created',
          entityType: 'problem',
          entityId: created,
          after: { ...input, reference, ownerId },
        });
        return created;
      });
      return detail(scope.orgId, id, lang);
    },

    async update(scope: Scope, id: string, patch: ProblemPatch, lang: Language) {
      await db.transaction().execute(async (tx) => {
        const p = await editable(tx, scope.orgId, id);
        if (patch.ownerId) await checkOwner(tx, scope.orgId, patch.ownerId, 'ownerId');
        await checkReason(tx, scope.orgId, patch.reasonId);
        const title = patch.title ? givenTexts(patch.title) : undefined;
        if (title && !hasAnyText(title)) throw invalidField('title', 'field.required');
        const change: repo.ProblemChange = {
          ...(title ? { title } : {}),
          ...(patch.description ? { description: givenTexts(patch.description) } : {}),
          ...(patch.reasonId !== undefined ? { reasonId: patch.reasonId } : {}),
          ...(patch.products ? { products: patch.products } : {}),
          ...(patch.orders ? { orders: patch.orders } : {}),
          ...(patch.ownerId ? { ownerId: patch.ownerId } : {}),
          ...(patch.windowLength ? { windowLength: patch.windowLength } : {}),
          ...(patch.windowUnit ? { windowUnit: patch.windowUnit } : {}),
          ...(patch.recurrenceThreshold !== undefined
            ? { threshold: patch.recurrenceThreshold }
            : {}),
        };
        await repo.updateProblem(tx, scope.orgId, id, change, clock.now());
        if (change.windowLength !== undefined || change.windowUnit !== undefined)
          await monitoring.retime(tx, scope.orgId, {
            ...p,
            windowLength: change.windowLength ?? p.windowLength,
            windowUnit: change.windowUnit ?? p.windowUnit,
          });
        await repo.addEvent(
          tx,
          scope.orgId,
          id,
          scope.actor,
          'updated',
          { fields: Object.keys(change) },
          clock.now(),
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.updated',
          entityType: 'problem',
          entityId: id,
          before: {
            title: p.title,
            description: p.description,
            reasonId: p.reasonId,
            products: p.products,
            orders: p.orders,
            ownerId: p.ownerId,
            windowLength: p.windowLength,
            windowUnit: p.windowUnit,
            threshold: p.threshold,
          },
          after: change,
        });
      });
      return detail(scope.orgId, id, lang);
    },

    async list(scope: Scope, query: z.output<typeof problemsQuery>, lang: Language) {
      const filter = problemFilterOf(query);
      const [items, total] = await Promise.all([
        repo.listProblems(db, scope.orgId, filter, {
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        repo.countProblems(db, scope.orgId, filter),
      ]);
      return {
        items: items.map((p) => toSummary(p, lang)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * Links complaints to a problem (idempotent). A complaint on another problem moves here, and
     * the move is audited; another org's complaint answers 404.
     */
    async link(
      scope: Scope,
      id: string,
      input: { complaintIds: string[]; source: LinkSource },
    ): Promise<{ linked: number }> {
      const wanted = [...new Set(input.complaintIds)];
      return db.transaction().execute(async (tx) => {
        const p = await editable(tx, scope.orgId, id);
        const facts = await complaintFactsOf(tx, scope.orgId, wanted);
        if (facts.length !== wanted.length) throw new AppError('not_found');
        const existing = await repo.linksOf(tx, scope.orgId, { complaintIds: wanted }, true);
        const here = new Set(existing.filter((l) => l.problemId === id).map((l) => l.complaintId));
        const moved = existing.filter((l) => l.problemId !== id);
        const fresh = wanted.filter((c) => !here.has(c));
        const now = clock.now();
        await repo.upsertLinks(
          tx,
          scope.orgId,
          id,
          fresh,
          input.source,
          scope.actor.type === 'user' ? scope.actor.id : null,
          now,
        );
        const byId = new Map(facts.map((f) => [f.id, f]));
        for (const complaintId of fresh) {
          const from = moved.find((m) => m.complaintId === complaintId)?.problemId ?? null;
          const f = byId.get(complaintId)!;
          const isRecurrence =
            p.status === 'monitoring' &&
            p.monitoringStartedAt !== null &&
            f.receivedAt.getTime() >= p.monitoringStartedAt.getTime();
          const data = {
            complaintId,
            reference: f.reference,
            source: input.source,
            fromProblemId: from,
            isRecurrence,
          };
          await repo.addEvent(tx, scope.orgId, id, scope.actor, 'link.added', data, now);
          await complaints.recordProblemLink(tx, scope.orgId, complaintId, scope.actor, {
            linked: true,
            data: {
              problemId: id,
              reference: p.reference,
              source: input.source,
              fromProblemId: from,
            },
          });
          if (from)
            await repo.addEvent(
              tx,
              scope.orgId,
              from,
              scope.actor,
              'link.moved_away',
              { complaintId, reference: f.reference, toProblemId: id },
              now,
            );
          await recordAudit(tx, {
            orgId: scope.orgId,
            actor: scope.actor,
            action: from ? 'problem.complaint_moved' : 'problem.complaint_linked',
            entityType: 'problem',
            entityId: id,
            before: from ? { problemId: from } : null,
            after: { ...data, problemId: id },
          });
        }
        return { linked: fresh.length };
      });
    },

    async unlink(scope: Scope, id: string, complaintId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const p = await editable(tx, scope.orgId, id);
        if (!(await repo.deleteLink(tx, scope.orgId, id, complaintId)))
          throw new AppError('not_found');
        await complaints.recordProblemLink(tx, scope.orgId, complaintId, scope.actor, {
          linked: false,
          data: { problemId: id, reference: p.reference },
        });
        const now = clock.now();
        await repo.addEvent(tx, scope.orgId, id, scope.actor, 'link.removed', { complaintId }, now);
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.complaint_unlinked',
          entityType: 'problem',
          entityId: id,
          before: { complaintId },
        });
      });
    },

    /** Step 8 on the case page: the problem the complaint is linked to, or null. */
    async caseProblem(scope: Scope, complaintId: string, lang: Language) {
      if ((await complaintFactsOf(db, scope.orgId, [complaintId])).length === 0)
        throw new AppError('not_found');
      const link = (await repo.linksOf(db, scope.orgId, { complaintIds: [complaintId] }))[0];
      const p = link ? await repo.findProblem(db, scope.orgId, link.problemId) : undefined;
      return {
        problem: p
          ? { id: p.id, reference: p.reference, title: textIn(p.title, lang), status: p.status }
          : null,
      };
    },
  };
}

export type Records = ReturnType<typeof createRecords>;
