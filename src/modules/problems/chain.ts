import type { Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { complaintFactsOf } from '../complaints/index.ts';
import { suggestChain, type ChartDepartment, type ChartPerson } from './domain/chain.ts';
import type { RootCauseCategory } from './domain/vocabulary.ts';
import type { Records } from './records.ts';
import { toChainView } from './problem-views.ts';
import type { ProblemDeps } from './problems.deps.ts';
import * as repo from './problems.repository.ts';
import * as work from './work.repository.ts';

const suggestedRoles: Record<Language, { intake: string; owner: string; manager: string }> = {
  vi: { intake: 'Tiếp nhận khiếu nại', owner: 'Phụ trách chất lượng', manager: 'Quản lý cấp trên' },
  en: { intake: 'Took in the complaints', owner: 'Quality owner', manager: 'Manager above' },
  zh: { intake: '受理投诉', owner: '质量负责人', manager: '上级主管' },
};

type ChainLinkInput = {
  departmentId?: string | null | undefined;
  userId?: string | null | undefined;
  personName?: string | null | undefined;
  role: string;
};

/**
 * The root cause and the responsibility chain (落实到责任人): the chain is saved whole, in order;
 * each named person acknowledges their link, or quality or an admin records it for them.
 */
export function createChain(
  deps: Pick<ProblemDeps, 'db' | 'clock' | 'org'> & { records: Records },
) {
  const { db, clock, org, records } = deps;

  async function person(orgId: string, userId: string): Promise<ChartPerson | undefined> {
    const u = await org.findUser(db, orgId, userId);
    if (!u) return undefined;
    const d = u.departmentId ? await org.findDepartment(db, orgId, u.departmentId) : undefined;
    return {
      userId: u.id,
      name: u.name,
      departmentId: d?.id ?? null,
      departmentName: d?.name ?? null,
    };
  }

  return {
    async saveRootCause(
      scope: Scope,
      id: string,
      input: {
        category: RootCauseCategory;
        analysis: string;
        fiveWhys: { why: string; answer: string }[];
        fishbone?: Record<string, string[]> | null | undefined;
      },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, id);
        const before = (await work.listRootCauses(tx, scope.orgId, [id]))[0];
        const now = clock.now();
        const value = {
          category: input.category,
          analysis: input.analysis,
          fiveWhys: input.fiveWhys,
          fishbone: input.fishbone ?? null,
        };
        await work.saveRootCause(
          tx,
          scope.orgId,
          id,
          value,
          scope.actor.type === 'user' ? scope.actor.id : null,
          now,
        );
        await repo.addEvent(
          tx,
          scope.orgId,
          id,
          scope.actor,
          'root_cause.saved',
          { category: input.category },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.root_cause_saved',
          entityType: 'problem',
          entityId: id,
          before: before ?? null,
          after: value,
        });
      });
    },

    async saveChain(scope: Scope, id: string, links: ChainLinkInput[]) {
      await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, id);
        for (const [i, l] of links.entries()) {
          if (!l.userId && !l.personName?.trim())
            throw invalidField(`links.${i}.personName`, 'field.required');
          if (l.userId && !(await org.findUser(tx, scope.orgId, l.userId)))
            throw invalidField(`links.${i}.userId`);
          if (l.departmentId && !(await org.departmentExists(tx, scope.orgId, l.departmentId)))
            throw invalidField(`links.${i}.departmentId`);
        }
        const before = await work.listChain(tx, scope.orgId, id, true);
        const same = (a: work.ChainLink, l: ChainLinkInput) =>
          a.departmentId === (l.departmentId ?? null) &&
          a.userId === (l.userId ?? null) &&
          (a.userId !== null || a.personName === (l.personName ?? null));
        await work.replaceChain(
          tx,
          scope.orgId,
          id,
          links.map((l, i) => ({
            previousId: before[i]?.id,
            departmentId: l.departmentId ?? null,
            userId: l.userId ?? null,
            personName: l.personName ?? null,
            role: l.role,
            kept: before.find((b) => same(b, l)),
          })),
        );
        await repo.addEvent(
          tx,
          scope.orgId,
          id,
          scope.actor,
          'chain.saved',
          { links: links.length },
          clock.now(),
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.chain_saved',
          entityType: 'problem',
          entityId: id,
          before: before.map(toChainView),
          after: links,
        });
      });
      return { links: (await work.listChain(db, scope.orgId, id)).map(toChainView) };
    },

    /** The named person acknowledges their link; quality or an admin may record it for them. */
    async acknowledge(scope: Scope, id: string, linkId: string, text: string) {
      await db.transaction().execute(async (tx) => {
        await records.editable(tx, scope.orgId, id);
        const link = (await work.listChain(tx, scope.orgId, id, true)).find((l) => l.id === linkId);
        if (!link) throw new AppError('not_found');
        const self = link.userId !== null && link.userId === scope.actor.id;
        if (!self && !scope.permissions.has('problem:close'))
          throw new AppError('forbidden', { messageKey: 'error.not_your_link' });
        const now = clock.now();
        const by = scope.actor.type === 'user' ? scope.actor.id : null;
        await work.acknowledgeLink(tx, scope.orgId, linkId, { text, by, onBehalf: !self, at: now });
        await repo.addEvent(
          tx,
          scope.orgId,
          id,
          scope.actor,
          'chain.acknowledged',
          { linkId, onBehalf: !self },
          now,
        );
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'problem.chain_acknowledged',
          entityType: 'problem',
          entityId: id,
          before: { acknowledgement: link.acknowledgement },
          after: { linkId, acknowledgement: text, onBehalf: !self },
        });
      });
      return { links: (await work.listChain(db, scope.orgId, id)).map(toChainView) };
    },

    /**
     * A proposal from the org chart: the departments that took in the linked complaints, the
     * owner's team, the managers above the owner. Nothing is saved.
     */
    async suggestChain(scope: Scope, id: string, lang: Language) {
      const p = await repo.findProblem(db, scope.orgId, id);
      if (!p) throw new AppError('not_found');
      const links = await repo.linksOf(db, scope.orgId, { problemIds: [id] });
      const facts = await complaintFactsOf(
        db,
        scope.orgId,
        links.map((l) => l.complaintId),
      );
      const agents = [
        ...new Set(facts.map((f) => f.intakeAgentId).filter((a): a is string => !!a)),
      ];
      const intake: ChartDepartment[] = [];
      for (const a of agents) {
        const who = await person(scope.orgId, a);
        if (!who?.departmentId) continue;
        const d = await org.findDepartment(db, scope.orgId, who.departmentId);
        if (!d) continue;
        const head = d.headUserId ? await org.findUser(db, scope.orgId, d.headUserId) : undefined;
        intake.push({
          departmentId: d.id,
          departmentName: d.name,
          head: head ? { userId: head.id, name: head.name } : null,
        });
      }
      const owner = await person(scope.orgId, p.ownerId);
      if (!owner) return { links: [] };
      const managers: ChartPerson[] = [];
      for (const m of await org.managerChain(scope.orgId, p.ownerId)) {
        const who = await person(scope.orgId, m.id);
        if (who) managers.push(who);
      }
      return {
        links: suggestChain({
          intakeDepartments: intake,
          owner,
          managers,
          roles: suggestedRoles[lang],
        }),
      };
    },
  };
}
