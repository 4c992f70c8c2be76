import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** The tables of satisfaction surveys. */

export type SurveySettingsTable = {
  org_id: string;
  is_enabled: Generated<boolean>;
  timing: Generated<string>;
  delay_hours: Generated<number>;
  ask_ces: Generated<boolean>;
  ask_nps: Generated<boolean>;
  question: ColumnType<Record<string, string>, string | undefined, string>;
  updated_at: Generated<Date>;
};

export type SurveysTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  resolved_at: Timestamp;
  status: Generated<string>;
  skip_reason: string | null;
  send_at: Timestamp;
  token_hash: string | null;
  language: string;
  channel: string;
  agent_id: string | null;
  department_id: string | null;
  reason_id: string | null;
  first_contact_at: Timestamp;
  first_contact_hour: number;
  first_contact_weekday: number;
  asked_ces: Generated<boolean>;
  asked_nps: Generated<boolean>;
  question: string | null;
  csat: number | null;
  ces: number | null;
  nps: number | null;
  comment: string | null;
  question_answer: string | null;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  answered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
};
