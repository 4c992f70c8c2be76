import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { publishLive } from '../../platform/live.ts';
import { maskTrackingTokens } from '../../platform/tokens.ts';
import { recordAudit } from '../audit/index.ts';
import { complaintEvents, type ComplaintTools } from '../complaints/index.ts';
import { budgetFor, decideBudget, localDate } from './domain/budget.ts';
import { giftMessage } from './domain/messages.ts';
import type { GrantKind, GrantType } from './domain/vocabulary.ts';
import * as ledger from './ledger.repository.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';

export type GrantToRecord = {
  kind: GrantKind;
  type: GrantType;
  gift: repo.Gift | null;
  amountMinor: number;
  currency: string;
  reference: string | null;
  note: string | null;
  grantedBy: string;
  departmentId: string | null;
  reasonId: string | null;
  approvedBy: string | null;
  approvalLevel: number;
  approvalId: string | null;
};

/** The team budget a grant would come from now, and whether it fits (read only). */
export async function budgetCheck(
  tx: Tx,
  orgId: string,
  at: Date,
  timeZone: string,
  g: Pick<GrantToRecord, 'kind' | 'departmentId' | 'amountMinor' | 'currency'>,
) {
  const budgets = g.departmentId
    ? await repo.listBudgets(tx, orgId, { departmentId: g.departmentId, purpose: g.kind })
    : [];
  const budget = budgetFor(budgets, localDate(at, timeZone));
  const decision = decideBudget(budget, g.amountMinor, g.currency);
  // A gift always comes from a budget; compensation spends one only where the team has one.
  const refusal =
    decision.kind === 'refused' && (g.kind === 'gift' || decision.reason !== 'no_budget')
      ? decision.reason
      : null;
  return { budget, refusal };
}

/**
 * One line of the ledger, in the case's locked transaction: the budget is spent by a
 * conditional update (two grants at once cannot overspend it), the grant is written, and a
 * gift thanks the customer for the feedback in their language.
 */
export function createRecordGrant(deps: Pick<RewardDeps, 'clock'>) {
  const { clock } = deps;

  return async function recordGrant(
    tx: Tx,
    tools: ComplaintTools,
    orgId: string,
    actor: Actor,
    g: GrantToRecord,
  ): Promise<string> {
    const now = clock.now();
    const { budget, refusal } = await budgetCheck(tx, orgId, now, tools.org.timeZone, g);
    if (refusal) throw new AppError('conflict', { messageKey: `error.${refusal}` });
    if (budget) {
      const spent = await repo.spendFromBudget(
        tx,
        orgId,
        budget.id,
        g.amountMinor,
        g.currency,
        now,
      );
      if (!spent) throw new AppError('conflict', { messageKey: 'error.over_budget' });
    }
    const grantId = await ledger.insertGrant(tx, orgId, {
      kind: g.kind,
      type: g.type,
      complaintId: tools.complaint.id,
      customerId: tools.customer.id,
      reasonId: g.reasonId,
      departmentId: g.departmentId,
      budgetId: budget?.id ?? null,
      giftId: g.gift?.id ?? null,
      approvalId: g.approvalId,
      amountMinor: g.amountMinor,
      currency: g.currency,
      reference: g.reference,
      note: g.note,
      grantedBy: g.grantedBy,
      approvedBy: g.approvedBy,
      approvalLevel: g.approvalLevel,
      grantedAt: now,
    });
    await tools.addEvent(actor, complaintEvents.rewardGranted, 'internal', {
      grantId,
      kind: g.kind,
      type: g.type,
      amountMinor: Number(g.amountMinor),
      currency: g.currency,
      reference: g.reference ?? null,
      approvalLevel: g.approvalLevel ?? null,
    });
    if (g.kind === 'gift' && g.gift) {
      const lang = tools.complaint.language;
      const message = giftMessage(lang, {
        name: tools.customer.name,
        org: tools.org.name,
        reference: tools.complaint.reference,
        gift: g.gift.name,
        code: g.reference,
      });
      const via = await tools.messageCustomer(message.subject, message.body);
      await tools.addEvent(actor, complaintEvents.messageSent, 'public', {
        step: 'other',
        subject: message.subject,
        body: maskTrackingTokens(message.body),
        via,
      });
    }
    await recordAudit(tx, {
      orgId,
      actor,
      action: g.kind === 'gift' ? 'gift.granted' : 'compensation.granted',
      entityType: 'reward_grant',
      entityId: grantId,
      after: {
        complaintId: tools.complaint.id,
        type: g.type,
        amountMinor: g.amountMinor,
        currency: g.currency,
        reference: g.reference,
        approvedBy: g.approvedBy,
        approvalLevel: g.approvalLevel,
      },
    });
    await publishLive(tx, {
      orgId,
      topic: 'complaint',
      complaintId: tools.complaint.id,
      payload: { kind: 'reward', grantId, budgetId: budget?.id ?? null },
    });
    return grantId;
  };
}

export type RecordGrant = ReturnType<typeof createRecordGrant>;
