import type { z } from 'zod';
import { systemActor, type Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField, type FieldProblem } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { fieldLabelsOf, type FieldLabels } from '../../platform/contract/labels.ts';
import { fieldIssuesOfZod, localizeIssue } from '../../platform/http/validation-errors.ts';
import { customerInput, type PhoneCountry } from '../customers/index.ts';
import * as repo from './commerce.repository.ts';
import {
  complaintImportRow,
  orderRow,
  referralRow,
  subscriptionEventRow,
  type BulkRowResult,
  type CustomerRef,
  type OrderRow,
  type SubscriptionEventRow,
} from './commerce.contract.ts';
import type { ImportKind } from './domain/mapping.ts';
import { wallClockToInstant } from './domain/values.ts';
import type { CommerceDeps } from './commerce.deps.ts';
import './commerce.messages.ts';

/** What the rows of one request or batch share: the org's zone and country, the language. */
export type RowSetting = {
  orgId: string;
  timeZone: string;
  country: PhoneCountry;
  lang: Language;
  source: 'api' | 'import';
  /** Field names as the reader knows them (an import names the file's columns). */
  labels?: FieldLabels;
  /** Who brings the rows in: the audit trail of an imported complaint names them. */
  actor?: Actor;
};

const schemas = {
  orders: orderRow,
  subscription_events: subscriptionEventRow,
  referrals: referralRow,
  customers: customerInput,
  complaints: complaintImportRow,
} satisfies Record<ImportKind, z.ZodType>;

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

// PostgreSQL's refusals of a value (a check, a range, an encoding), not of the database itself.
const isDataRefusal = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '23514');
};

/**
 * One row of the bulk API or of a file: checked, its customer found or created by the
 * customers' rules, and written by its external id, all inside a savepoint of the caller's
 * transaction (the row commits whole or not at all). A refusal is an answer, never a throw.
 */
export function createRowWriter(deps: Pick<CommerceDeps, 'clock' | 'customers' | 'complaints'>) {
  const { clock, customers, complaints } = deps;

  /** A day alone is midnight in the org's zone. */
  const instantOf = (v: string, timeZone: string) =>
    isDay(v)
      ? wallClockToInstant(
          timeZone,
          Number(v.slice(0, 4)),
          Number(v.slice(5, 7)),
          Number(v.slice(8, 10)),
        )
      : new Date(v);

  /** The customer a row is about, found or created by the customers' rules. */
  async function customerOf(
    tx: Tx,
    s: RowSetting,
    ref: CustomerRef,
    prefix: string,
  ): Promise<{ id: string }> {
    const input = {
      phone: ref.phone ?? null,
      email: ref.email ?? null,
      externalId: ref.externalId ?? null,
    };
    const found =
      ref.name && ref.name.trim() !== ''
        ? await customers.upsert(
            tx,
            s.orgId,
            { ...input, name: ref.name },
            s.source,
            prefix,
            s.country,
          )
        : await customers.matchByContact(tx, s.orgId, input, prefix, s.country);
    if (!found) throw invalidField(`${prefix}name`, 'commerce.name_needed');
    return found;
  }

  const recordOfOrder = (r: OrderRow, customerId: string, timeZone: string) => ({
    externalId: r.externalId,
    customerId,
    orderedAt: instantOf(r.orderedAt, timeZone),
    amountMinor: r.amountMinor,
    currency: r.currency,
    channel: r.channel ?? null,
  });

  const recordOfEvent = (r: SubscriptionEventRow, customerId: string, timeZone: string) => ({
    externalId: r.externalId,
    customerId,
    subscriptionRef: r.subscriptionRef,
    kind: r.kind,
    plan: r.plan ?? null,
    amountMinor: r.amountMinor ?? null,
    currency: r.currency ?? null,
    occurredAt: instantOf(r.occurredAt, timeZone),
  });

  async function write(
    tx: Tx,
    s: RowSetting,
    kind: ImportKind,
    row: unknown,
  ): Promise<Exclude<BulkRowResult['status'], 'refused'>> {
    const now = clock.now();
    switch (kind) {
      case 'orders': {
        const r = orderRow.parse(row);
        const customer = await customerOf(tx, s, r.customer, 'customer.');
        const record = recordOfOrder(r, customer.id, s.timeZone);
        return (await repo.upsertOrders(tx, s.orgId, [record], now)).get(record.externalId)!;
      }
      case 'subscription_events': {
        const r = subscriptionEventRow.parse(row);
        const customer = await customerOf(tx, s, r.customer, 'customer.');
        const record = recordOfEvent(r, customer.id, s.timeZone);
        return (await repo.upsertSubscriptionEvents(tx, s.orgId, [record], now)).get(
          record.externalId,
        )!;
      }
      case 'referrals': {
        const r = referralRow.parse(row);
        const referrer = await customerOf(tx, s, r.referrer, 'referrer.');
        const referred = await customerOf(tx, s, r.referred, 'referred.');
        if (referrer.id === referred.id)
          throw invalidField('referred.externalId', 'commerce.same_customer');
        return repo.upsertReferral(
          tx,
          s.orgId,
          {
            externalId: r.externalId,
            referrerId: referrer.id,
            referredId: referred.id,
            referredAt: instantOf(r.referredAt, s.timeZone),
          },
          now,
        );
      }
      case 'customers': {
        const r = customerInput.parse(row);
        return (await customers.upsertWithOutcome(tx, s.orgId, r, s.source, '', s.country)).outcome;
      }
      case 'complaints': {
        // The complaints module writes the case; the customer is found here as for every kind.
        const r = complaintImportRow.parse(row);
        const customer = await customerOf(tx, s, r.customer, 'customer.');
        return complaints.importHistoricalComplaint(tx, s.orgId, s.actor ?? systemActor, {
          externalId: r.externalId,
          customerId: customer.id,
          openedAt: instantOf(r.openedAt, s.timeZone),
          channel: r.channel,
          reason: r.reason ?? null,
          description: r.description,
          department: r.department ?? null,
          assignee: r.assignee ?? null,
          status: r.status ?? null,
          fixedAt: r.fixedAt ? instantOf(r.fixedAt, s.timeZone) : null,
          closedAt: r.closedAt ? instantOf(r.closedAt, s.timeZone) : null,
        });
      }
    }
  }

  const localize = (s: RowSetting, kind: ImportKind, problems: readonly FieldProblem[]) => {
    const labels = { ...fieldLabelsOf(schemas[kind]), ...s.labels };
    return problems.map((p) => localizeIssue(p, s.lang, labelsFor(labels)));
  };

  type Answer = Pick<BulkRowResult, 'status' | 'errors'>;
  const refusedWith = (s: RowSetting, kind: ImportKind, problems: readonly FieldProblem[]) => ({
    status: 'refused' as const,
    errors: localize(s, kind, problems),
  });

  /** The refusal of a row that its schema (or the file's reading, `pre`) already refuses. */
  function check(
    s: RowSetting,
    kind: ImportKind,
    row: unknown,
    pre: readonly FieldProblem[],
  ): Answer | undefined {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      return refusedWith(s, kind, [
        { field: 'row', messageKey: 'commerce.row_not_object', params: {} },
      ]);
    const parsed = schemas[kind].safeParse(row);
    const issues = parsed.success ? [] : fieldIssuesOfZod(parsed.error.issues, row);
    const before = [
      ...pre,
      ...issues.filter((i) => !pre.some((p) => fieldsMeet(p.field, i.field))),
    ];
    return before.length > 0 ? refusedWith(s, kind, before) : undefined;
  }

  /** The row's answer: `pre` are refusals found before (a file's unreadable date). */
  async function apply(
    tx: Tx,
    s: RowSetting,
    kind: ImportKind,
    row: unknown,
    pre: readonly FieldProblem[] = [],
  ): Promise<Answer> {
    const refused = check(s, kind, row, pre);
    if (refused) return refused;
    try {
      return { status: await repo.inSavepoint(tx, () => write(tx, s, kind, row)) };
    } catch (error) {
      if (error instanceof AppError && error.problems.length > 0)
        return refusedWith(s, kind, error.problems);
      if (isDataRefusal(error))
        return refusedWith(s, kind, [{ field: 'row', messageKey: 'commerce.refused', params: {} }]);
      throw error;
    }
  }

  /**
   * Orders and subscription events of a batch the fast way, in one savepoint: the customers
   * one by one (each refusal of a customer comes before any write of its row), then the rows
   * in one statement. Anything else going wrong undoes the batch, which then runs row by row,
   * so each row still commits whole or not at all.
   */
  async function fastBatch(
    tx: Tx,
    s: RowSetting,
    kind: 'orders' | 'subscription_events',
    items: readonly { row: unknown; pre: readonly FieldProblem[] }[],
  ): Promise<Answer[] | undefined> {
    const answers: (Answer | undefined)[] = items.map((i) => check(s, kind, i.row, i.pre));
    const ids = items.flatMap((i, k) =>
      answers[k] ? [] : [(i.row as { externalId: string }).externalId],
    );
    if (new Set(ids).size !== ids.length) return undefined;
    try {
      return await repo.inSavepoint(tx, async () => {
        const valid = items.flatMap((item, k) => {
          if (answers[k]) return [];
          const row =
            kind === 'orders' ? orderRow.parse(item.row) : subscriptionEventRow.parse(item.row);
          return [{ k, row }];
        });
        const found = await customers.upsertMany(
          tx,
          s.orgId,
          valid.map(({ row }) => ({
            input: {
              name: row.customer.name ?? null,
              phone: row.customer.phone ?? null,
              email: row.customer.email ?? null,
              externalId: row.customer.externalId ?? null,
            },
            prefix: 'customer.',
          })),
          s.source,
          s.country,
        );
        const orders: repo.OrderRecord[] = [];
        const events: repo.SubscriptionEventRecord[] = [];
        for (const [j, { k, row }] of valid.entries()) {
          const customer = found[j];
          if (customer instanceof AppError) answers[k] = refusedWith(s, kind, customer.problems);
          else if (!customer)
            answers[k] = refusedWith(s, kind, [
              { field: 'customer.name', messageKey: 'commerce.name_needed', params: {} },
            ]);
          else if (kind === 'orders')
            orders.push(recordOfOrder(row as OrderRow, customer.id, s.timeZone));
          else events.push(recordOfEvent(row as SubscriptionEventRow, customer.id, s.timeZone));
        }
        const now = clock.now();
        const statuses =
          kind === 'orders'
            ? await repo.upsertOrders(tx, s.orgId, orders, now)
            : await repo.upsertSubscriptionEvents(tx, s.orgId, events, now);
        return items.map(
          (item, k) =>
            answers[k] ?? {
              status: statuses.get((item.row as { externalId: string }).externalId)!,
            },
        );
      });
    } catch (error) {
      if (error instanceof AppError || isDataRefusal(error) || isConstraint(error))
        return undefined;
      throw error;
    }
  }

  return {
    apply,
    /** Every row of a batch, in order, in the caller's transaction. */
    async applyAll(
      tx: Tx,
      s: RowSetting,
      kind: ImportKind,
      items: readonly { row: unknown; pre: readonly FieldProblem[] }[],
    ): Promise<Answer[]> {
      if (kind === 'orders' || kind === 'subscription_events') {
        const fast = await fastBatch(tx, s, kind, items);
        if (fast) return fast;
      }
      const out: Answer[] = [];
      for (const item of items) out.push(await apply(tx, s, kind, item.row, item.pre));
      return out;
    },
  };
}

// A key or reference refused (a customer merged away meanwhile): the batch goes row by row.
const isConstraint = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
};

/** A refusal of a file's amount stands for the API's amount and currency too. */
const fieldsMeet = (pre: string, issue: string) =>
  pre === issue || (pre === 'amount' && (issue === 'amountMinor' || issue === 'currency'));

/** The schema's own labels, under the names the file or the API uses. */
function labelsFor(labels: FieldLabels): FieldLabels {
  const amount = labels.amount;
  return amount && !labels.amountMinor ? { ...labels, amountMinor: amount } : labels;
}
