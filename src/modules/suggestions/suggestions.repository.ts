import type { Executor, Tx } from '../../platform/db/index.ts';
import { defaultSuggestionSettings, type SuggestionSettings } from './domain/suggest.ts';

/** An org's suggestion settings; an org without a row runs on the defaults. */
export async function findSettings(db: Executor, orgId: string): Promise<SuggestionSettings> {
  const r = await db
    .selectFrom('suggestion_settings')
    .select(['repeat_days', 'similar_months', 'similar_threshold', 'similar_threshold_cjk'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!r) return defaultSuggestionSettings;
  return {
    repeatDays: r.repeat_days,
    similarMonths: r.similar_months,
    // Reals, read back to the two decimals they were saved with.
    similarThreshold: Math.round(Number(r.similar_threshold) * 100) / 100,
    similarThresholdCjk: Math.round(Number(r.similar_threshold_cjk) * 100) / 100,
  };
}

export async function saveSettings(
  tx: Tx,
  orgId: string,
  s: SuggestionSettings,
  at: Date,
): Promise<void> {
  const values = {
    repeat_days: s.repeatDays,
    similar_months: s.similarMonths,
    similar_threshold: s.similarThreshold,
    similar_threshold_cjk: s.similarThresholdCjk,
    updated_at: at,
  };
  await tx
    .insertInto('suggestion_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
