import type { ColumnType, Generated } from 'kysely';

/** The tables of step 8's suggestions (likely repeats and similar complaints). */

export type SuggestionSettingsTable = {
  org_id: string;
  repeat_days: Generated<number>;
  similar_months: Generated<number>;
  similar_threshold: ColumnType<number, number | undefined, number>;
  similar_threshold_cjk: ColumnType<number, number | undefined, number>;
  updated_at: Generated<Date>;
};

/** Kept by a trigger on complaints (migration 0016); read by the complaints module. */
export type ComplaintSimilarBandsTable = {
  org_id: string;
  band: ColumnType<string, string | number, string | number>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  complaint_id: string;
};
