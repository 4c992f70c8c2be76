import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { departmentNameOf } from '../org/index.ts';
import type { Role } from '../kernel/index.ts';
import type { AuthorityRule } from './domain/authority.ts';
import type { Budget } from './domain/budget.ts';
import type { BudgetPeriod, GiftKind, GrantKind, GrantType } from './domain/vocabulary.ts';

// The catalogue, the budgets, the authority rules and the org's step-7 settings.

export type Gift = {
  id: string;
  kind: GiftKind;
  name: string;
  valueMinor: number;
  currency: string;
  active: boolean;
};
export type GiftInput = Omit<Gift, 'id'>;

const toGift = (r: {
  id: string;
  kind: string;
  name: string;
  value_minor: string;
  currency: string;
  is_active: boolean;
}): Gift => ({
  id: r.id,
  kind: r.kind as GiftKind,
  name: r.name,
  valueMinor: Number(r.value_minor),
  currency: r.currency,
  active: r.is_active,
});

export async function listGifts(db: Executor, orgId: string, ids?: string[]): Promise<Gift[]> {
  let q = db.selectFrom('gift_catalogue').selectAll().where('org_id', '=', orgId);
  if (ids) q = ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('id', 'in', ids);
  return (await q.orderBy('value_minor').orderBy('name').execute()).map(toGift);
}

export async function findGift(db: Executor, orgId: string, id: string) {
  return (await listGifts(db, orgId, [id]))[0];
}

export async function insertGift(tx: Tx, orgId: string, g: GiftInput, at: Date): Promise<Gift> {
  const r = await tx
    .insertInto('gift_catalogue')
    .values({
      org_id: orgId,
      kind: g.kind,
      name: g.name,
      value_minor: g.valueMinor,
      currency: g.currency,
      is_active: g.active,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGift(r);
}

export async function updateGift(tx: Tx, orgId: string, id: string, g: GiftInput, at: Date) {
  const r = await tx
    .updateTable('gift_catalogue')
    .set({
      kind: g.kind,
      name: g.name,
      value_minor: g.valueMinor,
      currency: g.currency,
      is_active: g.active,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toGift(r) : undefined;
}

export type StoredBudget = Budget & { purpose: GrantKind; departmentName: string };
export type BudgetInput = Omit<StoredBudget, 'id' | 'spentMinor' | 'departmentName'>;

const budgetColumns = (db: Executor) =>
  db
    .selectFrom('reward_budgets as b')
    .select([
      'b.id',
      'b.department_id',
      'b.purpose',
      'b.period',
      sql<string>`to_char(b.period_start, 'YYYY-MM-DD')`.as('period_start'),
      'b.currency',
      'b.amount_minor',
      'b.spent_minor',
    ])
    .select((eb) => departmentNameOf(eb.ref('b.org_id'), eb.ref('b.department_id')).as('dept'));

const toBudget = (r: {
  id: string;
  department_id: string;
  purpose: string;
  period: string;
  period_start: string;
  currency: string;
  amount_minor: string;
  spent_minor: string;
  dept: string | null;
}): StoredBudget => ({
  id: r.id,
  departmentId: r.department_id,
  departmentName: r.dept ?? '',
  purpose: r.purpose as GrantKind,
  period: r.period as BudgetPeriod,
  periodStart: r.period_start,
  currency: r.currency,
  amountMinor: Number(r.amount_minor),
  spentMinor: Number(r.spent_minor),
});

export async function listBudgets(
  db: Executor,
  orgId: string,
  filter: { ids?: string[]; departmentId?: string; purpose?: GrantKind; from?: string } = {},
): Promise<StoredBudget[]> {
  let q = budgetColumns(db).where('b.org_id', '=', orgId);
  if (filter.ids) q = q.where('b.id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.departmentId) q = q.where('b.department_id', '=', filter.departmentId);
  if (filter.purpose) q = q.where('b.purpose', '=', filter.purpose);
  if (filter.from) q = q.where('b.period_start', '>=', sql<string>`${filter.from}::date`);
  const rows = await q.orderBy('b.period_start', 'desc').orderBy('b.department_id').execute();
  return rows.map(toBudget);
}

export async function insertBudget(tx: Tx, orgId: string, b: BudgetInput, at: Date) {
  const r = await tx
    .insertInto('reward_budgets')
    .values({
      org_id: orgId,
      department_id: b.departmentId,
      purpose: b.purpose,
      period: b.period,
      period_start: b.periodStart,
      currency: b.currency,
      amount_minor: b.amountMinor,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'department_id', 'purpose', 'period', 'period_start']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** A new amount; refused (undefined) when it would be below what is already spent. */
export async function updateBudget(tx: Tx, orgId: string, id: string, b: BudgetInput, at: Date) {
  const r = await tx
    .updateTable('reward_budgets')
    .set({
      department_id: b.departmentId,
      purpose: b.purpose,
      period: b.period,
      period_start: b.periodStart,
      currency: b.currency,
      amount_minor: b.amountMinor,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('spent_minor', '<=', sql<string>`${b.amountMinor}::bigint`)
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export async function budgetExists(db: Executor, orgId: string, id: string) {
  const r = await db
    .selectFrom('reward_budgets')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Spends from a budget if what is left covers it, in one conditional update: concurrent
 * grants queue on the row, and each sees what the one before it spent. False when it does not fit.
 */
export async function spendFromBudget(
  tx: Tx,
  orgId: string,
  id: string,
  amountMinor: number,
  currency: string,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('reward_budgets')
    .set({ spent_minor: sql`spent_minor + ${amountMinor}::bigint`, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('currency', '=', currency)
    .where(sql<boolean>`spent_minor + ${amountMinor}::bigint <= amount_minor`)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export type StoredRule = AuthorityRule;
export type RuleInput = Omit<AuthorityRule, 'id'>;

const toRule = (r: {
  id: string;
  role: string;
  grant_type: string | null;
  tier: string | null;
  min_tenure_months: number | null;
  min_value_minor: string | null;
  currency: string;
  per_case_minor: string | null;
  per_period_minor: string | null;
  period: string;
  ask_share_percent: number | null;
  is_active: boolean;
}): AuthorityRule => {
  const n = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    role: r.role as Role,
    type: r.grant_type as GrantType | null,
    tier: r.tier,
    minTenureMonths: r.min_tenure_months,
    minValueMinor: n(r.min_value_minor),
    currency: r.currency,
    perCaseMinor: n(r.per_case_minor),
    perPeriodMinor: n(r.per_period_minor),
    period: r.period as BudgetPeriod,
    askSharePercent: r.ask_share_percent,
    active: r.is_active,
  };
};

const ruleValues = (r: RuleInput) => ({
  role: r.role,
  grant_type: r.type,
  tier: r.tier,
  min_tenure_months: r.minTenureMonths,
  min_value_minor: r.minValueMinor,
  currency: r.currency,
  per_case_minor: r.perCaseMinor,
  per_period_minor: r.perPeriodMinor,
  period: r.period,
  ask_share_percent: r.askSharePercent,
  is_active: r.active,
});

export async function listRules(db: Executor, orgId: string, ids?: string[]) {
  let q = db.selectFrom('authority_rules').selectAll().where('org_id', '=', orgId);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.orderBy('role').orderBy('grant_type').orderBy('created_at').execute();
  return rows.map(toRule);
}

export async function insertRule(tx: Tx, orgId: string, r: RuleInput, at: Date) {
  const row = await tx
    .insertInto('authority_rules')
    .values({ org_id: orgId, ...ruleValues(r), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

export async function updateRule(tx: Tx, orgId: string, id: string, r: RuleInput, at: Date) {
  const row = await tx
    .updateTable('authority_rules')
    .set({ ...ruleValues(r), updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toRule(row) : undefined;
}

export async function deleteRule(tx: Tx, orgId: string, id: string) {
  const r = await tx
    .deleteFrom('authority_rules')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toRule(r) : undefined;
}

export async function findSettings(db: Executor, orgId: string) {
  const r = await db
    .selectFrom('reward_settings')
    .select('gift_requires_verification')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { giftRequiresVerification: r?.gift_requires_verification ?? false };
}

export async function saveSettings(
  tx: Tx,
  orgId: string,
  s: { giftRequiresVerification: boolean },
  at: Date,
) {
  await tx
    .insertInto('reward_settings')
    .values({ org_id: orgId, gift_requires_verification: s.giftRequiresVerification })
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ gift_requires_verification: s.giftRequiresVerification, updated_at: at }),
    )
    .execute();
}
