// Types of the HTTP API, taken from the server's contracts (`src/**/*.contract.ts`), plus a few
// shapes the contracts do not name (session, mailbox list). Only contract files are imported.
import type { z } from 'zod';
import type { meResponse } from '../../../src/modules/auth/auth.contract.ts';
import {
  channelSchema,
  severitySchema,
  statusSchema,
  stepSchema,
  type AttachmentView,
  type ComplaintDetail as ComplaintDetailContract,
  type ComplaintListItem as ComplaintListItemContract,
  type CreateComplaintRequest,
  type FactVersionView,
  type PortalView as PortalViewContract,
  type PublicComplaintRequest,
  type RecordFactsRequest,
  type TimelineEvent as TimelineEventContract,
  type createComplaintRequest,
  type listComplaintsQuery,
  type publicComplaintRequest,
  type publicComplaintResponse,
  type publicOrgView,
  type recordFactsRequest,
  type suggestionsResponse,
} from '../../../src/modules/complaints/complaints.contract.ts';
import type { CustomerView } from '../../../src/modules/customers/customers.contract.ts';
import type { MailboxItem } from '../../../src/modules/mail/mail.contract.ts';
import {
  roleSchema,
  type DepartmentView,
  type UserView,
  type createDepartmentRequest,
  type createUserRequest,
  type updateUserRequest,
} from '../../../src/modules/org/org.contract.ts';
import type {
  ReasonView,
  createReasonRequest,
} from '../../../src/modules/reasons/reasons.contract.ts';
import {
  templateStep,
  type TemplateView,
  type createTemplateRequest,
} from '../../../src/modules/templates/templates.contract.ts';
import { languageSchema } from '../../../src/platform/contract/fields.ts';

export const LOCALES = languageSchema.options;
export type Locale = z.infer<typeof languageSchema>;

export const ROLES = roleSchema.options;
export type Role = z.infer<typeof roleSchema>;

export type Session = z.infer<typeof meResponse>;
export type SessionUser = Session['user'];

export const COMPLAINT_STATUSES = statusSchema.options;
export type ComplaintStatus = z.infer<typeof statusSchema>;

export const CHANNELS = channelSchema.options;
export type Channel = z.infer<typeof channelSchema>;

export const SEVERITIES = severitySchema.options;
export type Severity = z.infer<typeof severitySchema>;

export type QueueSort = z.infer<typeof listComplaintsQuery>['sort'];
export const QUEUE_SORTS: readonly QueueSort[] = [
  'dueAt',
  '-createdAt',
  'createdAt',
  'reference',
  '-reference',
  '-severity',
  'severity',
  'status',
];

export type ComplaintListItem = ComplaintListItemContract;
export type Page<T> = {
  items: T[];
  total: number;
  /** Set when counting stopped at the cap: "more than total". */
  totalIsCapped?: boolean;
  page: number;
  pageSize: number;
};

export type NewComplaintInput = z.input<typeof createComplaintRequest>;
export type { CreateComplaintRequest };

export const STEPS = stepSchema.options;
export type Step = z.infer<typeof stepSchema>;
export type StepState = ComplaintDetailContract['steps'][number]['state'];

export type VerbalMethod = 'phone' | 'in_person' | 'chat' | 'other';
export type FactVersion = FactVersionView;
export type Attachment = AttachmentView;
export type ComplaintDetail = ComplaintDetailContract;
export type ActorType = TimelineEventContract['actorType'];
export type TimelineEvent = TimelineEventContract;
export type FactsInput = z.input<typeof recordFactsRequest>;
export type { RecordFactsRequest };

export type SuggestionStep = 'thank' | 'readback' | 'apologise';
export type Suggestion = z.infer<typeof suggestionsResponse>['suggestions'][number];

export type Department = DepartmentView;
export type User = UserView;
export type Reason = ReasonView;

export const TEMPLATE_STEPS = templateStep.options;
export type TemplateStep = z.infer<typeof templateStep>;
export type Template = TemplateView;

export type Customer = CustomerView;
export type MailboxMessage = MailboxItem;

export type PublicOrg = z.infer<typeof publicOrgView>;
export type PublicComplaintInput = z.input<typeof publicComplaintRequest>;
export type { PublicComplaintRequest };
export type PublicComplaintCreated = z.infer<typeof publicComplaintResponse>;
export type PortalView = PortalViewContract;

export const CURRENCIES = ['VND', 'USD', 'EUR', 'CNY', 'JPY', 'KRW'] as const;

export type CreateUserInput = z.input<typeof createUserRequest>;
export type UpdateUserInput = z.input<typeof updateUserRequest>;
export type DepartmentInput = z.input<typeof createDepartmentRequest>;
export type ReasonInput = z.input<typeof createReasonRequest>;
export type TemplateInput = z.input<typeof createTemplateRequest>;
