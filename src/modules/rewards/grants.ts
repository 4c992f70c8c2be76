import type { Scope } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { rewardEligibilityOf, type RewardEligibility } from '../complaints/index.ts';
import type { Approvals } from './approvals.ts';
import type { AuthorityOf } from './authority-check.ts';
import { budgetFor, localDate, remainingOf } from './domain/budget.ts';
import { giftEligibility } from './domain/eligibility.ts';
import { toMinor } from './domain/money.ts';
import type { CompensationType, GrantType } from './domain/vocabulary.ts';
import * as ledger from './ledger.repository.ts';
import { budgetCheck, type RecordGrant } from './record-grant.ts';
import type { AuthorityView, CaseRewardsView, GrantOutcome } from './rewards.contract.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';
import type { RewardViews } from './rewards.views.ts';

/** The customer's ask in minor units, when it was recorded in this currency. */
const askIn = (facts: RewardEligibility, currency: string): number | null =>
  facts.askAmount !== null && facts.askCurrency === currency
    ? toMinor(facts.askAmount, currency)
    : null;

/**
 * Step 7's thank-you gift and compensation on one case: within authority it is granted at once
 * and recorded; above it, an approval request goes up the org chart.
 */
export function createGrants(
  deps: Pick<RewardDeps, 'db' | 'clock' | 'complaints' | 'org'> & {
    views: RewardViews;
    authorityOf: AuthorityOf;
    recordGrant: RecordGrant;
    approvals: Approvals;
  },
) {
  const { db, clock, complaints, org, views, authorityOf, recordGrant, approvals } = deps;

  async function factsOf(executor: Executor, orgId: string, complaintId: string) {
    const facts = await rewardEligibilityOf(executor, orgId, complaintId);
    if (!facts) throw new AppError('not_found');
    return facts;
  }

  async function me(executor: Executor, scope: Scope) {
    const user =
      scope.actor.type === 'user' && scope.actor.id
        ? await org.findUser(executor, scope.orgId, scope.actor.id)
        : undefined;
    if (!user) throw new AppError('forbidden');
    return user;
  }

  /** The agent's manager, read before the case's transaction (it needs a connection of its own). */
  const approverOf = (scope: Scope) =>
    scope.actor.id ? org.managerOf(scope.orgId, scope.actor.id) : Promise.resolve(undefined);

  async function outcome(
    orgId: string,
    result: { grantId?: string; approvalId?: string },
  ): Promise<GrantOutcome> {
    if (result.grantId) {
      const grants = await ledger.listGrants(db, orgId, { ids: [result.grantId] });
      return {
        status: 'granted',
        grant: (await views.grants(db, orgId, grants))[0]!,
        approval: null,
      };
    }
    return {
      status: 'pending_approval',
      grant: null,
      approval: await approvals.approvalView(orgId, result.approvalId!),
    };
  }

  return {
    /** What the case page shows: may a gift be given, the team's budget left, what was given. */
    async caseRewards(scope: Scope, complaintId: string): Promise<CaseRewardsView> {
      const facts = await factsOf(db, scope.orgId, complaintId);
      const user = await me(db, scope);
      const [settings, gifts, grants, waiting, orgView] = await Promise.all([
        repo.findSettings(db, scope.orgId),
        repo.listGifts(db, scope.orgId),
        ledger.listGrants(db, scope.orgId, { complaintId }),
        ledger.listApprovals(db, scope.orgId, { complaintId }),
        org.getOrg(scope.orgId),
      ]);
      const eligibility = giftEligibility(facts, settings.giftRequiresVerification);
      const budgets = user.departmentId
        ? await repo.listBudgets(db, scope.orgId, {
            departmentId: user.departmentId,
            purpose: 'gift',
          })
        : [];
      const budget = budgetFor(budgets, localDate(clock.now(), orgView.timeZone));
      return {
        giftEligibility: eligibility.kind === 'eligible' ? 'eligible' : eligibility.reason,
        giftBudget: budget
          ? {
              id: budget.id,
              departmentName: budget.departmentName,
              period: budget.period,
              periodStart: budget.periodStart,
              currency: budget.currency,
              amountMinor: budget.amountMinor,
              spentMinor: budget.spentMinor,
              remainingMinor: remainingOf(budget),
            }
          : null,
        gifts: gifts.filter((g) => g.active),
        grants: await views.grants(db, scope.orgId, grants),
        approvals: await views.approvals(db, scope.orgId, waiting),
        askMinor:
          facts.askCurrency && facts.askAmount !== null
            ? toMinor(facts.askAmount, facts.askCurrency)
            : null,
        askCurrency: facts.askCurrency,
      };
    },

    /** The authority decision before submitting: within the limit, or whose approval it needs. */
    async previewAuthority(
      scope: Scope,
      complaintId: string,
      query: { type: GrantType; amountMinor: number; currency: string },
    ): Promise<AuthorityView> {
      const facts = await factsOf(db, scope.orgId, complaintId);
      const user = await me(db, scope);
      const { timeZone } = await org.getOrg(scope.orgId);
      const askMinor = askIn(facts, query.currency);
      const decision = await authorityOf(db, scope.orgId, {
        userId: user.id,
        kind: query.type === 'gift' ? 'gift' : 'compensation',
        type: query.type,
        amountMinor: query.amountMinor,
        currency: query.currency,
        askMinor,
        customerId: facts.customerId,
        timeZone,
      });
      const approverId =
        decision.kind === 'needs_approval'
          ? ((await org.managerOf(scope.orgId, user.id)) ?? null)
          : null;
      const approver = approverId ? await org.findUser(db, scope.orgId, approverId) : undefined;
      return {
        decision: decision.kind,
        limitMinor: decision.kind === 'refused' ? null : decision.limitMinor,
        currency: query.currency,
        askMinor,
        approverId,
        approverName: approver?.name ?? null,
        reason:
          decision.kind === 'refused'
            ? decision.reason
            : decision.kind === 'needs_approval' && !approverId
              ? 'no_approver'
              : null,
      };
    },

    /** A thank-you gift from the catalogue, only after the fix, from the team's budget. */
    async grantGift(
      scope: Scope,
      complaintId: string,
      input: { giftId: string; reference?: string | null; note?: string | null },
    ): Promise<GrantOutcome> {
      const approverId = await approverOf(scope);
      const result = await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        const facts = await factsOf(tx, scope.orgId, complaintId);
        const settings = await repo.findSettings(tx, scope.orgId);
        const eligibility = giftEligibility(facts, settings.giftRequiresVerification);
        if (eligibility.kind === 'refused')
          throw new AppError('conflict', {
            field: 'giftId',
            messageKey: `error.gift_${eligibility.reason}`,
          });
        const gift = await repo.findGift(tx, scope.orgId, input.giftId);
        if (!gift) throw invalidField('giftId');
        if (!gift.active)
          throw new AppError('conflict', { field: 'giftId', messageKey: 'error.gift_inactive' });
        const user = await me(tx, scope);
        const money = { amountMinor: gift.valueMinor, currency: gift.currency };
        const { refusal } = await budgetCheck(tx, scope.orgId, clock.now(), tools.org.timeZone, {
          kind: 'gift',
          departmentId: user.departmentId,
          ...money,
        });
        if (refusal) throw new AppError('conflict', { messageKey: `error.${refusal}` });
        const decision = await authorityOf(tx, scope.orgId, {
          userId: user.id,
          kind: 'gift',
          type: 'gift',
          ...money,
          askMinor: null,
          customerId: tools.customer.id,
          timeZone: tools.org.timeZone,
        });
        if (decision.kind === 'refused')
          throw new AppError('conflict', { messageKey: `error.${decision.reason}` });
        const common = {
          kind: 'gift' as const,
          type: 'gift' as const,
          ...money,
          reference: input.reference ?? null,
          note: input.note ?? null,
          departmentId: user.departmentId,
        };
        if (decision.kind === 'needs_approval')
          return {
            approvalId: await approvals.openApproval(tx, tools, scope.orgId, scope.actor, {
              ...common,
              giftId: gift.id,
              askMinor: null,
              requestedBy: user.id,
              approverId,
            }),
          };
        return {
          grantId: await recordGrant(tx, tools, scope.orgId, scope.actor, {
            ...common,
            gift,
            grantedBy: user.id,
            reasonId: facts.reasonId,
            approvedBy: null,
            approvalLevel: 0,
            approvalId: null,
          }),
        };
      });
      return outcome(scope.orgId, result);
    },

    /** Compensation: within the agent's authority at once; above it, to the next approver. */
    async grantCompensation(
      scope: Scope,
      complaintId: string,
      input: {
        type: CompensationType;
        amountMinor: number;
        currency: string;
        reference?: string | null;
        note?: string | null;
      },
    ): Promise<GrantOutcome> {
      const approverId = await approverOf(scope);
      const result = await complaints.act(scope.orgId, complaintId, async (tx, tools) => {
        const facts = await factsOf(tx, scope.orgId, complaintId);
        const user = await me(tx, scope);
        const askMinor = askIn(facts, input.currency);
        const decision = await authorityOf(tx, scope.orgId, {
          userId: user.id,
          kind: 'compensation',
          type: input.type,
          amountMinor: input.amountMinor,
          currency: input.currency,
          askMinor,
          customerId: tools.customer.id,
          timeZone: tools.org.timeZone,
        });
        if (decision.kind === 'refused')
          throw new AppError('conflict', {
            field: decision.reason === 'currency_mismatch' ? 'currency' : 'amountMinor',
            messageKey: `error.${decision.reason}`,
          });
        const common = {
          kind: 'compensation' as const,
          type: input.type,
          amountMinor: input.amountMinor,
          currency: input.currency,
          reference: input.reference ?? null,
          note: input.note ?? null,
          departmentId: user.departmentId,
        };
        if (decision.kind === 'needs_approval')
          return {
            approvalId: await approvals.openApproval(tx, tools, scope.orgId, scope.actor, {
              ...common,
              giftId: null,
              askMinor,
              requestedBy: user.id,
              approverId,
            }),
          };
        return {
          grantId: await recordGrant(tx, tools, scope.orgId, scope.actor, {
            ...common,
            gift: null,
            grantedBy: user.id,
            reasonId: facts.reasonId,
            approvedBy: null,
            approvalLevel: 0,
            approvalId: null,
          }),
        };
      });
      return outcome(scope.orgId, result);
    },
  };
}
