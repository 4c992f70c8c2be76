import { createHash } from 'node:crypto';
import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import type { PhoneCountry } from '../customers/index.ts';
import * as repo from './commerce.repository.ts';
import type { BulkResult, BulkRowResult, CustomerCommerce } from './commerce.contract.ts';
import type { CommerceDeps } from './commerce.deps.ts';
import type { ImportKind } from './domain/mapping.ts';
import { createRowWriter, type RowSetting } from './rows.ts';
import { createImports } from './imports.service.ts';

export type CommerceService = ReturnType<typeof createCommerceService>;
export type BulkKind = Exclude<ImportKind, 'customers' | 'complaints'>;

/** Rows per transaction: each row still commits whole or not at all, in its own savepoint. */
const ROWS_PER_TRANSACTION = 100;

const externalIdOf = (row: unknown): string | null => {
  const id = (row as { externalId?: unknown } | null)?.externalId;
  return typeof id === 'string' ? id.slice(0, 200) : null;
};

/**
 * A batch locks many customers; one that meets intake locking the same people in another
 * order may be chosen as a deadlock's victim. Nothing of it committed, so it runs again.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

export function countsOf(results: readonly Pick<BulkRowResult, 'status'>[]): BulkResult['counts'] {
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

export function createCommerceService(deps: CommerceDeps) {
  const { db, org } = deps;
  const rows = createRowWriter(deps);

  async function settingOf(
    orgId: string,
    lang: Language,
    source: RowSetting['source'],
  ): Promise<Omit<RowSetting, 'labels'>> {
    const found = await org.findOrg(db, orgId);
    if (!found) throw new AppError('not_found');
    return {
      orgId,
      timeZone: found.timeZone,
      country: found.country as PhoneCountry,
      lang,
      source,
    };
  }

  async function writeAll(setting: RowSetting, kind: ImportKind, input: readonly unknown[]) {
    const results: BulkRowResult[] = [];
    for (let start = 0; start < input.length; start += ROWS_PER_TRANSACTION) {
      const chunk = input.slice(start, start + ROWS_PER_TRANSACTION);
      const answers = await retryOnDeadlock(() =>
        db.transaction().execute(async (tx) =>
          rows.applyAll(
            tx,
            setting,
            kind,
            chunk.map((row) => ({ row, pre: [] })),
          ),
        ),
      );
      results.push(
        ...answers.map((a, k) => ({ index: start + k, externalId: externalIdOf(chunk[k]), ...a })),
      );
    }
    return results;
  }

  const imports = createImports({ ...deps, rows, settingOf });

  return {
    /**
     * POST /api/orders/bulk and its siblings. With an Idempotency-Key, the same key and body
     * answer what the first request answered; the same key with another body is refused (409).
     * A key whose first request did not finish runs again: rows are idempotent by external id.
     */
    async bulk(
      scope: Scope,
      kind: BulkKind,
      input: readonly unknown[],
      lang: Language,
      idempotencyKey: string | undefined,
    ): Promise<BulkResult> {
      const setting = await settingOf(scope.orgId, lang, 'api');
      const hash = createHash('sha256')
        .update(`${kind}\n${JSON.stringify(input)}`)
        .digest('hex');
      if (idempotencyKey) {
        const claim = await db
          .transaction()
          .execute((tx) => repo.claimKey(tx, scope.orgId, idempotencyKey, hash));
        if (!claim.claimed) {
          if (claim.requestHash !== hash)
            throw new AppError('idempotency_conflict', { field: 'Idempotency-Key' });
          if (claim.response) return claim.response as BulkResult;
        }
      }
      const results = await writeAll(setting, kind, input);
      const answer = { results, counts: countsOf(results) };
      if (idempotencyKey)
        await db
          .transaction()
          .execute((tx) => repo.storeKeyResponse(tx, scope.orgId, idempotencyKey, answer));
      return answer;
    },

    /** What one customer bought, subscribed to and referred, newest first, with totals. */
    async customerCommerce(scope: Scope, customerId: string): Promise<CustomerCommerce> {
      await deps.customers.getCustomer(db, scope.orgId, customerId);
      const [orders, totals, events, referrals] = await Promise.all([
        repo.ordersOf(db, scope.orgId, customerId),
        repo.orderTotalsOf(db, scope.orgId, customerId),
        repo.subscriptionEventsOf(db, scope.orgId, customerId),
        repo.referralsOf(db, scope.orgId, customerId),
      ]);
      const others = await deps.customers.findCustomers(
        db,
        scope.orgId,
        referrals.map((r) => (r.referrerId === customerId ? r.referredId : r.referrerId)),
      );
      const byRef = new Map<string, typeof events>();
      for (const e of events)
        byRef.set(e.subscriptionRef, [...(byRef.get(e.subscriptionRef) ?? []), e]);
      const subscriptions = [...byRef.entries()].map(([subscriptionRef, list]) => {
        // Newest first: the latest event says the state; the earliest start says since when.
        const latest = list[0]!;
        const starts = list.filter((e) => e.kind === 'start');
        return {
          subscriptionRef,
          state: latest.kind === 'cancel' ? ('cancelled' as const) : ('active' as const),
          plan: list.find((e) => e.plan !== null)?.plan ?? null,
          startedAt: starts.at(-1)?.occurredAt ?? null,
          lastEventAt: latest.occurredAt,
          events: list.map(({ subscriptionRef: _ref, ...e }) => e),
        };
      });
      return {
        orders,
        subscriptions,
        referrals: referrals.map((r) => {
          const isReferrer = r.referrerId === customerId;
          const other = isReferrer ? r.referredId : r.referrerId;
          return {
            id: r.id,
            externalId: r.externalId,
            direction: isReferrer ? ('referred_someone' as const) : ('was_referred' as const),
            otherCustomerId: other,
            otherCustomerName: others.get(other)?.name ?? '',
            referredAt: r.referredAt,
          };
        }),
        totals: {
          orderCount: totals.reduce((n, t) => n + t.count, 0),
          spend: totals.map((t) => ({ currency: t.currency, amountMinor: t.amountMinor })),
          referredCount: referrals.filter((r) => r.referrerId === customerId).length,
        },
      };
    },
    imports,
  };
}
