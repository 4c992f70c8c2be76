import type { z } from 'zod';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField, type FieldProblem } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { fieldLabelsOf, type FieldLabels } from '../../platform/contract/labels.ts';
import { fieldIssuesOfZod, localizeIssue } from '../../platform/http/validation-errors.ts';
import { customerInput, type PhoneCountry } from '../customers/index.ts';
import * as repo from './commerce.repository.ts';
import {
  orderRow,
  referralRow,
  subscriptionEventRow,
  type BulkRowResult,
  type CustomerRef,
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
};

const schemas = {
  orders: orderRow,
  subscription_events: subscriptionEventRow,
  referrals: referralRow,
  customers: customerInput,
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
export function createRowWriter(deps: Pick<CommerceDeps, 'clock' | 'customers'>) {
  const { clock, customers } = deps;

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

  async function customerOf(tx: Tx, s: RowSetting, ref: CustomerRef, prefix: string) {
    const input = {
      phone: ref.phone ?? null,
      email: ref.email ?? null,
      externalId: ref.externalId ?? null,
    };
    if (ref.name && ref.name.trim() !== '')
      return customers.upsert(
        tx,
        s.orgId,
        { ...input, name: ref.name },
        s.source,
        prefix,
        s.country,
      );
    const found = await customers.matchByContact(tx, s.orgId, input, prefix, s.country);
    if (!found) throw invalidField(`${prefix}name`, 'commerce.name_needed');
    return found;
  }

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
        return repo.upsertOrder(
          tx,
          s.orgId,
          {
            externalId: r.externalId,
            customerId: customer.id,
            orderedAt: instantOf(r.orderedAt, s.timeZone),
            amountMinor: r.amountMinor,
            currency: r.currency,
            channel: r.channel ?? null,
          },
          now,
        );
      }
      case 'subscription_events': {
        const r = subscriptionEventRow.parse(row);
        const customer = await customerOf(tx, s, r.customer, 'customer.');
        return repo.upsertSubscriptionEvent(
          tx,
          s.orgId,
          {
            externalId: r.externalId,
            customerId: customer.id,
            subscriptionRef: r.subscriptionRef,
            kind: r.kind,
            plan: r.plan ?? null,
            amountMinor: r.amountMinor ?? null,
            currency: r.currency ?? null,
            occurredAt: instantOf(r.occurredAt, s.timeZone),
          },
          now,
        );
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
    }
  }

  const localize = (s: RowSetting, kind: ImportKind, problems: readonly FieldProblem[]) => {
    const labels = { ...fieldLabelsOf(schemas[kind]), ...s.labels };
    return problems.map((p) => localizeIssue(p, s.lang, labelsFor(labels)));
  };

  return {
    /**
     * The row's answer. `pre` are refusals found before (a file's unreadable date); they
     * refuse the row without a write.
     */
    async apply(
      tx: Tx,
      s: RowSetting,
      kind: ImportKind,
      row: unknown,
      pre: readonly FieldProblem[] = [],
    ): Promise<Pick<BulkRowResult, 'status' | 'errors'>> {
      if (typeof row !== 'object' || row === null || Array.isArray(row))
        return {
          status: 'refused',
          errors: localize(s, kind, [
            { field: 'row', messageKey: 'commerce.row_not_object', params: {} },
          ]),
        };
      const parsed = schemas[kind].safeParse(row);
      const issues = parsed.success ? [] : fieldIssuesOfZod(parsed.error.issues, row);
      const before = [
        ...pre,
        ...issues.filter((i) => !pre.some((p) => fieldsMeet(p.field, i.field))),
      ];
      if (before.length > 0) return { status: 'refused', errors: localize(s, kind, before) };
      try {
        return { status: await repo.inSavepoint(tx, () => write(tx, s, kind, row)) };
      } catch (error) {
        if (error instanceof AppError && error.problems.length > 0)
          return { status: 'refused', errors: localize(s, kind, error.problems) };
        if (isDataRefusal(error))
          return {
            status: 'refused',
            errors: localize(s, kind, [
              { field: 'row', messageKey: 'commerce.refused', params: {} },
            ]),
          };
        throw error;
      }
    },
  };
}

/** A refusal of a file's amount stands for the API's amount and currency too. */
const fieldsMeet = (pre: string, issue: string) =>
  pre === issue || (pre === 'amount' && (issue === 'amountMinor' || issue === 'currency'));

/** The schema's own labels, under the names the file or the API uses. */
function labelsFor(labels: FieldLabels): FieldLabels {
  const amount = labels.amount;
  return amount && !labels.amountMinor ? { ...labels, amountMinor: amount } : labels;
}
