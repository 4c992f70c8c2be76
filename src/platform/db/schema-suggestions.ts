import type { ColumnType, Generated } from 'kysely';

/** The table of step 8's suggestions (likely repeats and similar complaints). */

export type SuggestionSettingsTable = {
  org_id: string;
  repeat_days: Generated<number>;
  similar_months: Generated<number>;
  similar_threshold: ColumnType<number, number | undefined, number>;
  similar_threshold_cjk: ColumnType<number, number | undefined, number>;
  updated_at: Generated<Date>;
};
