import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** The tables of inbound e-mail and the mail thread of a case. */

export type InboundMessagesTable = {
  org_id: string;
  id: Generated<string>;
  message_id: string | null;
  content_hash: string;
  source: string;
  outcome: string;
  complaint_id: string | null;
  related_complaint_id: string | null;
  from_address: string | null;
  from_name: Generated<string>;
  subject: Generated<string>;
  text_full: Generated<string>;
  text_shown: Generated<string>;
  in_reply_to: ColumnType<string[], string[] | undefined, string[]>;
  references_ids: ColumnType<string[], string[] | undefined, string[]>;
  attachments: ColumnType<unknown, string | undefined, string>;
  raw: Buffer;
  received_at: Timestamp;
};

export type MailThreadsTable = {
  org_id: string;
  complaint_id: string;
  reference: string;
  last_message_id: string;
  references_ids: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Timestamp;
};

/** An org's own sender, and its DKIM key (never sent back by the API). */
export type MailSendersTable = {
  org_id: string;
  from_name: string | null;
  from_address: string | null;
  dkim_domain: string | null;
  dkim_selector: string | null;
  dkim_private_key: string | null;
  updated_at: Timestamp;
};

/** An address at which an org's customers write to it; one org per address. */
export type MailAddressesTable = {
  address: string;
  org_id: string;
  created_at: Timestamp;
};

/** An org's IMAP mailbox, polled by the worker. */
export type MailMailboxesTable = {
  org_id: string;
  host: string;
  port: number;
  is_secure: boolean;
  username: string;
  password: string;
  folder: Generated<string>;
  processed_folder: string | null;
  is_enabled: Generated<boolean>;
  leased_by: string | null;
  lease_until: Timestamp | null;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  received_count: ColumnType<string, string | number | undefined, string | number>;
  updated_at: Timestamp;
};
