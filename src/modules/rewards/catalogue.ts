import type { Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { periodStartOf, remainingOf } from './domain/budget.ts';
import type { AuthorityRuleView, BudgetView, GiftView } from './rewards.contract.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';

const budgetView = (b: repo.StoredBudget): BudgetView => ({
  id: b.id,
  departmentId: b.departmentId,
  departmentName: b.departmentName,
  purpose: b.purpose,
  period: b.period,
  periodStart: b.periodStart,
  currency: b.currency,
  amountMinor: b.amountMinor,
  spentMinor: b.spentMinor,
  remainingMinor: remainingOf(b),
});

const ruleView = (r: repo.StoredRule): AuthorityRuleView => r;

type RuleRequest = Omit<repo.RuleInput, 'tier'> & { tier?: string | null | undefined };
const ruleInput = (r: RuleRequest): repo.RuleInput => ({ ...r, tier: r.tier ?? null });

/** The admin's side: the gift catalogue, budgets per team and period, authority rules. */
export function createCatalogue(deps: Pick<RewardDeps, 'db' | 'clock' | 'org'>) {
  const { db, clock, org } = deps;

  const audit = (
    tx: Parameters<typeof recordAudit>[0],
    scope: Scope,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) =>
    recordAudit(tx, {
      orgId: scope.orgId,
      actor: scope.actor,
      action,
      entityType,
      entityId,
      before,
      after,
    });

  async function budgetInput(scope: Scope, input: repo.BudgetInput): Promise<repo.BudgetInput> {
    if (!(await org.departmentExists(db, scope.orgId, input.departmentId)))
      throw invalidField('departmentId');
    return { ...input, periodStart: periodStartOf(input.periodStart, input.period) };
  }

  const getBudget = async (orgId: string, id: string) => {
    const b = (await repo.listBudgets(db, orgId, { ids: [id] }))[0];
    if (!b) throw new AppError('not_found');
    return budgetView(b);
  };

  return {
    listGifts: (orgId: string): Promise<GiftView[]> => repo.listGifts(db, orgId),
    async createGift(scope: Scope, input: repo.GiftInput): Promise<GiftView> {
      return db.transaction().execute(async (tx) => {
        const gift = await repo.insertGift(tx, scope.orgId, input, clock.now());
        await audit(tx, scope, 'gift.created', 'gift', gift.id, undefined, gift);
        return gift;
      });
    },
    async updateGift(scope: Scope, id: string, input: repo.GiftInput): Promise<GiftView> {
      return db.transaction().execute(async (tx) => {
        const before = await repo.findGift(tx, scope.orgId, id);
        const gift = before && (await repo.updateGift(tx, scope.orgId, id, input, clock.now()));
        if (!gift) throw new AppError('not_found');
        await audit(tx, scope, 'gift.updated', 'gift', id, before, gift);
        return gift;
      });
    },

    listBudgets: async (orgId: string): Promise<BudgetView[]> =>
      (await repo.listBudgets(db, orgId)).map(budgetView),
    async createBudget(scope: Scope, input: repo.BudgetInput): Promise<BudgetView> {
      const values = await budgetInput(scope, input);
      const id = await db.transaction().execute(async (tx) => {
        const created = await repo.insertBudget(tx, scope.orgId, values, clock.now());
        if (!created)
          throw new AppError('conflict', {
            field: 'periodStart',
            messageKey: 'error.budget_exists',
          });
        await audit(tx, scope, 'budget.created', 'reward_budget', created, undefined, values);
        return created;
      });
      return getBudget(scope.orgId, id);
    },
    async updateBudget(scope: Scope, id: string, input: repo.BudgetInput): Promise<BudgetView> {
      const before = await getBudget(scope.orgId, id);
      const values = await budgetInput(scope, input);
      await db.transaction().execute(async (tx) => {
        const updated = await repo
          .updateBudget(tx, scope.orgId, id, values, clock.now())
          .catch((error: unknown) => {
            // The unique key: that team already has a budget for the period.
            if ((error as { code?: string }).code === '23505')
              throw new AppError('conflict', {
                field: 'periodStart',
                messageKey: 'error.budget_exists',
              });
            throw error;
          });
        if (!updated)
          throw new AppError('conflict', {
            field: 'amountMinor',
            messageKey: 'error.budget_below_spent',
          });
        await audit(tx, scope, 'budget.updated', 'reward_budget', id, before, values);
      });
      return getBudget(scope.orgId, id);
    },

    listRules: async (orgId: string): Promise<AuthorityRuleView[]> =>
      (await repo.listRules(db, orgId)).map(ruleView),
    async createRule(scope: Scope, input: RuleRequest): Promise<AuthorityRuleView> {
      return db.transaction().execute(async (tx) => {
        const rule = await repo.insertRule(tx, scope.orgId, ruleInput(input), clock.now());
        await audit(
          tx,
          scope,
          'authority_rule.created',
          'authority_rule',
          rule.id,
          undefined,
          rule,
        );
        return ruleView(rule);
      });
    },
    async updateRule(scope: Scope, id: string, input: RuleRequest): Promise<AuthorityRuleView> {
      return db.transaction().execute(async (tx) => {
        const before = (await repo.listRules(tx, scope.orgId, [id]))[0];
        const rule =
          before && (await repo.updateRule(tx, scope.orgId, id, ruleInput(input), clock.now()));
        if (!rule) throw new AppError('not_found');
        await audit(tx, scope, 'authority_rule.updated', 'authority_rule', id, before, rule);
        return ruleView(rule);
      });
    },
    async deleteRule(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const before = await repo.deleteRule(tx, scope.orgId, id);
        if (!before) throw new AppError('not_found');
        await audit(tx, scope, 'authority_rule.deleted', 'authority_rule', id, before, undefined);
      });
    },

    settings: (orgId: string) => repo.findSettings(db, orgId),
    async saveSettings(scope: Scope, input: { giftRequiresVerification: boolean }) {
      await db.transaction().execute(async (tx) => {
        const before = await repo.findSettings(tx, scope.orgId);
        await repo.saveSettings(tx, scope.orgId, input, clock.now());
        await audit(
          tx,
          scope,
          'reward_settings.updated',
          'reward_settings',
          scope.orgId,
          before,
          input,
        );
      });
      return repo.findSettings(db, scope.orgId);
    },
  };
}
