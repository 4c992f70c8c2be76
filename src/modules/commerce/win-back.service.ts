import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { translate, type Language } from '../../platform/i18n.ts';
import { currencyExponent } from '../../platform/contract/money.ts';
import { recordAudit } from '../audit/index.ts';
import type { OrgService } from '../org/index.ts';
import type { RewardService } from '../rewards/index.ts';
import { mainCurrencyOf } from './cohorts.repository.ts';
import { startOfLocalDay } from './domain/cohorts.ts';
import { OFFER_SHARE, offerWithin, wantedOffer, winBackFigures } from './domain/win-back.ts';
import type {
  WinBackAttempt,
  WinBackEntryView,
  WinBackList,
  WinBackOffer,
  WinBackReport,
  WinBackUpdate,
} from './win-back.contract.ts';
import './win-back.messages.ts';
import * as repo from './win-back.repository.ts';

const FALLBACK_CURRENCY = 'VND';

const toView = (e: repo.WinBackEntry): WinBackEntryView => ({
  ...e,
  triggeredAt: e.triggeredAt.toISOString(),
  dueAt: e.dueAt.toISOString(),
  outcomeAt: e.outcomeAt?.toISOString() ?? null,
  complaints: e.complaints.map((c) => ({
    ...c,
    firstContactAt: new Date(c.firstContactAt).toISOString(),
  })),
});

// An owner who is not a user of the org breaks the entry's foreign key: a 400 on the field.
const isForeignKeyViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

export type WinBackDeps = {
  db: Db;
  clock: Clock;
  org: OrgService;
  /** The caller's authority, for the offer suggested on a call. */
  rewards: Pick<RewardService, 'previewAuthority'>;
};

/** Win-back: the queue of customers who left after a complaint, its calls and its report. */
export function createWinBack({ db, clock, org, rewards }: WinBackDeps) {
  const currencyOf = async (orgId: string, given?: string) =>
    given ?? (await mainCurrencyOf(db, orgId)) ?? FALLBACK_CURRENCY;

  async function entry(scope: Scope, id: string): Promise<WinBackEntryView> {
    const [found] = await repo.listWinBack(db, scope.orgId, {
      status: 'all',
      currency: await currencyOf(scope.orgId),
      now: clock.now(),
      id,
    });
    if (!found) throw new AppError('not_found');
    return toView(found);
  }

  async function change(
    scope: Scope,
    id: string,
    patch: Parameters<typeof repo.updateWinBackEntry>[3],
  ) {
    try {
      const ok = await repo.updateWinBackEntry(db, scope.orgId, id, patch, clock.now());
      if (!ok) throw new AppError('not_found');
    } catch (error) {
      if (isForeignKeyViolation(error)) throw invalidField('ownerId');
      throw error;
    }
    return entry(scope, id);
  }

  return {
    /** The queue, brought up to date first (filled on read). */
    async list(
      scope: Scope,
      query: { status: 'open' | 'closed' | 'all'; currency?: string },
    ): Promise<WinBackList> {
      const now = clock.now();
      const settings = await repo.findWinBackSettings(db, scope.orgId);
      await repo.refreshWinBackQueue(db, scope.orgId, now, settings);
      const currency = await currencyOf(scope.orgId, query.currency);
      const items = await repo.listWinBack(db, scope.orgId, {
        status: query.status,
        currency,
        now,
      });
      return { currency, items: items.map(toView) };
    },

    update: (scope: Scope, id: string, body: WinBackUpdate) =>
      change(scope, id, {
        ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
        ...(body.dueAt !== undefined ? { dueAt: new Date(body.dueAt) } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
      }),

    /** A call made: one more attempt, with its note and, when it ended the matter, the outcome. */
    attempt: (scope: Scope, id: string, body: WinBackAttempt) =>
      change(scope, id, {
        addAttempt: true,
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
      }),

    /**
     * The offer to make on the call ({@link wantedOffer}), asked of the caller's authority on
     * the entry's complaint: granted alone as asked, or cut to the caller's limit, or shown with
     * who must approve it.
     */
    async offer(scope: Scope, id: string, lang: Language): Promise<WinBackOffer> {
      const found = await entry(scope, id);
      const currency = await currencyOf(scope.orgId);
      const exponent = currencyExponent(currency);
      const wantedMinor = wantedOffer(found.spendBeforeMinor, exponent);
      const ask = (amountMinor: number) =>
        rewards.previewAuthority(scope, found.complaintId, {
          type: 'voucher',
          amountMinor,
          currency,
        });
      let decision = await ask(wantedMinor);
      let amountMinor: number | null = decision.decision === 'allowed' ? wantedMinor : null;
      if (decision.decision === 'needs_approval' && decision.limitMinor !== null) {
        const within = offerWithin(decision.limitMinor, exponent);
        if (within !== null && within < wantedMinor) {
          const second = await ask(within);
          if (second.decision === 'allowed') {
            decision = second;
            amountMinor = within;
          }
        }
      }
      return {
        type: 'voucher',
        currency,
        basisMinor: found.spendBeforeMinor,
        wantedMinor,
        amountMinor,
        decision: decision.decision,
        limitMinor: decision.limitMinor,
        approverName: decision.approverName,
        reason: decision.reason,
        rule: translate(lang, 'winBack.offer.rule', { share: OFFER_SHARE * 100 }),
      };
    },

    settings: (scope: Scope) => repo.findWinBackSettings(db, scope.orgId),
    /** Who changed the queue's rule, from what to what, is kept in the audit trail. */
    saveSettings: (scope: Scope, body: repo.WinBackSettings) =>
      db.transaction().execute(async (tx) => {
        const before = await repo.findWinBackSettings(tx, scope.orgId);
        await repo.saveWinBackSettings(tx, scope.orgId, body);
        const after = await repo.findWinBackSettings(tx, scope.orgId);
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'win_back_settings.updated',
          entityType: 'win_back_settings',
          entityId: scope.orgId,
          before,
          after,
        });
        return after;
      }),

    /** Entries closed from `from` to before `to`, whole days in the org's time zone. */
    async report(
      scope: Scope,
      query: { from: string; to: string; currency?: string },
      lang: Language,
    ): Promise<WinBackReport> {
      const found = await org.findOrg(db, scope.orgId);
      if (!found) throw new AppError('not_found');
      const from = startOfLocalDay(query.from, found.timeZone);
      const to = startOfLocalDay(query.to, found.timeZone);
      if (to <= from) throw invalidField('to');
      const currency = await currencyOf(scope.orgId, query.currency);
      const settings = await repo.findWinBackSettings(db, scope.orgId);
      const closed = await repo.winBackClosed(db, scope.orgId, {
        from,
        to,
        currency,
        now: clock.now(),
      });
      return {
        from: query.from,
        to: query.to,
        currency,
        ...winBackFigures(closed),
        definitions: {
          queue: translate(lang, 'winBack.definition.queue', {
            months: settings.complaintMonths,
            days: settings.noOrderDays,
          }),
          winBackRate: translate(lang, 'winBack.definition.win_back_rate'),
          revenueWonBack: translate(lang, 'winBack.definition.revenue_won_back'),
        },
      };
    },
  };
}

export type WinBackService = ReturnType<typeof createWinBack>;
