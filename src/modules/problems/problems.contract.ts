import { z } from 'zod';
import {
  isoDate,
  isoInstant,
  optionalText,
  pageQuery,
  requiredText,
  text,
  uuid,
} from '../../platform/contract/fields.ts';
import {
  actionKinds,
  actionStatuses,
  fishboneBones,
  linkSources,
  problemStatuses,
  rootCauseCategories,
  windowUnits,
} from './domain/vocabulary.ts';

export const problemStatusSchema = z.enum(problemStatuses);
export const rootCauseCategorySchema = z.enum(rootCauseCategories);
export const actionKindSchema = z.enum(actionKinds);
export const actionStatusSchema = z.enum(actionStatuses);
export const linkSourceSchema = z.enum(linkSources);
export const windowUnitSchema = z.enum(windowUnits);

/** A text in the three UI languages; at least one is given (the server checks it and names the field). */
export const localisedTextInput = (max: number) =>
  z.object({
    vi: text({ max }).optional(),
    en: text({ max }).optional(),
    zh: text({ max }).optional(),
  });
export const localisedTextView = z.object({
  vi: z.string().optional(),
  en: z.string().optional(),
  zh: z.string().optional(),
});

const labels = z.array(requiredText(200)).max(50);

// The problem record.
export const problemInput = z.object({
  title: localisedTextInput(300),
  description: localisedTextInput(10_000).default({}),
  reasonId: uuid.nullish(),
  /** Affected products and orders, as short labels. */
  products: labels.default([]),
  orders: labels.default([]),
  /** Normally a user of role quality; the creator when left out. */
  ownerId: uuid.nullish(),
  /** The monitoring window's length and unit, and how many recurrences it tolerates. */
  windowLength: z.number().int().min(1).max(520).default(20),
  windowUnit: windowUnitSchema.default('business_days'),
  recurrenceThreshold: z.number().int().min(0).max(1000).default(0),
});
export type ProblemInput = z.input<typeof problemInput>;
export const problemPatch = z.object({
  title: localisedTextInput(300).optional(),
  description: localisedTextInput(10_000).optional(),
  reasonId: uuid.nullish(),
  products: labels.optional(),
  orders: labels.optional(),
  ownerId: uuid.optional(),
  windowLength: z.number().int().min(1).max(520).optional(),
  windowUnit: windowUnitSchema.optional(),
  recurrenceThreshold: z.number().int().min(0).max(1000).optional(),
});
export type ProblemPatch = z.input<typeof problemPatch>;

export const problemSummary = z.object({
  id: z.string(),
  reference: z.string(),
  /** The title in the reader's language, else the first one given. */
  title: z.string(),
  status: problemStatusSchema,
  reasonId: z.string().nullable(),
  reasonName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  linkedComplaints: z.number(),
  openActions: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProblemSummary = z.infer<typeof problemSummary>;
export const problemsQuery = z.object({
  status: z.enum([...problemStatuses, 'all', 'active']).default('active'),
  ownerId: uuid.optional(),
  reasonId: uuid.optional(),
  q: text({ max: 200 }).optional(),
  ...pageQuery,
});
export const problemsExportQuery = problemsQuery
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const problemList = z.object({
  items: z.array(problemSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// Root cause.
export const fiveWhy = z.object({ why: requiredText(1000), answer: requiredText(2000) });
const bone = z.array(requiredText(300)).max(20).default([]);
export const fishboneInput = z.object({
  people: bone,
  machine: bone,
  material: bone,
  method: bone,
  environment: bone,
});
export const rootCauseInput = z.object({
  category: rootCauseCategorySchema,
  analysis: requiredText(20_000),
  fiveWhys: z.array(fiveWhy).max(5).default([]),
  fishbone: fishboneInput.nullish(),
});
export const rootCauseView = z.object({
  category: rootCauseCategorySchema,
  analysis: z.string(),
  fiveWhys: z.array(z.object({ why: z.string(), answer: z.string() })),
  fishbone: z.record(z.enum(fishboneBones), z.array(z.string())).nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type RootCauseView = z.infer<typeof rootCauseView>;

// The responsibility chain (落实到责任人): ordered links, each a department and a named person.
export const chainLinkInput = z
  .object({
    departmentId: uuid.nullish(),
    userId: uuid.nullish(),
    /** For someone without an account. */
    personName: optionalText(200),
    role: requiredText(200),
  })
  .meta({ anyOf: [{ required: ['userId'] }, { required: ['personName'] }] });
export const chainInput = z.object({ links: z.array(chainLinkInput).max(20) });
export const chainLinkView = z.object({
  id: z.string(),
  position: z.number(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  userId: z.string().nullable(),
  personName: z.string().nullable(),
  role: z.string(),
  acknowledgement: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Who recorded the acknowledgement: the person, or an admin or quality on their behalf. */
  acknowledgedById: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  onBehalf: z.boolean(),
});
export type ChainLinkView = z.infer<typeof chainLinkView>;
export const chainView = z.object({ links: z.array(chainLinkView) });
export const acknowledgeInput = z.object({ text: requiredText(5000) });
export const suggestedChainLink = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  userId: z.string().nullable(),
  personName: z.string().nullable(),
  role: z.string(),
  /** Why this link is proposed: intake of a linked case, the owner's team, or a manager above. */
  basis: z.enum(['intake', 'owner', 'manager']),
});
export const suggestedChain = z.object({ links: z.array(suggestedChainLink) });

// Corrective and preventive actions.
export const actionInput = z
  .object({
    kind: actionKindSchema,
    description: requiredText(5000),
    ownerId: uuid,
    /** Either a due instant, or a number of business days on the org's default calendar. */
    dueAt: isoInstant.optional(),
    dueInBusinessDays: z.number().int().min(1).max(1000).optional(),
  })
  .meta({ anyOf: [{ required: ['dueAt'] }, { required: ['dueInBusinessDays'] }] });
export const actionPatch = z.object({
  description: requiredText(5000).optional(),
  ownerId: uuid.optional(),
  dueAt: isoInstant.optional(),
  dueInBusinessDays: z.number().int().min(1).max(1000).optional(),
  status: actionStatusSchema.optional(),
});
export const evidenceInput = z.object({ note: requiredText(5000) });
export const evidenceView = z.object({
  id: z.string(),
  note: z.string(),
  byId: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});
export const actionView = z.object({
  id: z.string(),
  problemId: z.string(),
  kind: actionKindSchema,
  description: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  dueAt: z.string(),
  /** When the warning goes to the owner: at 80% of the span from creation to due. */
  warnAt: z.string(),
  status: actionStatusSchema,
  isOverdue: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  evidence: z.array(evidenceView),
});
export type ActionView = z.infer<typeof actionView>;

// Linked complaints: this endpoint's shape is kept exactly (the suggestions panel calls it).
export const linkComplaintsInput = z.object({
  complaintIds: z.array(uuid).min(1).max(200),
  source: linkSourceSchema.default('manual'),
});
export const linkComplaintsResult = z.object({ linked: z.number() });
export const unlinkResult = z.object({ ok: z.literal(true) });
export const linkedComplaintView = z.object({
  complaintId: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  customerName: z.string(),
  source: linkSourceSchema,
  linkedAt: z.string(),
  /** Received after the monitoring window started. */
  isRecurrence: z.boolean(),
});
export type LinkedComplaintView = z.infer<typeof linkedComplaintView>;

// Monitoring and the recurrence check.
export const recurrenceDecision = z.enum(['watching', 'ready_to_close', 'recurred']);
export const monitoringView = z.object({
  windowLength: z.number(),
  windowUnit: windowUnitSchema,
  threshold: z.number(),
  startedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** Whole calendar days until the window ends (0 once it has ended). */
  daysLeft: z.number().nullable(),
  recurrences: z.array(linkedComplaintView),
  decision: recurrenceDecision.nullable(),
});
export type MonitoringView = z.infer<typeof monitoringView>;

export const transitionInput = z.object({ to: problemStatusSchema, reason: optionalText(2000) });
export const closeInput = z.object({
  /** Close despite recurrences or before the window ends; needs a reason. */
  override: z.boolean().default(false),
  reason: optionalText(2000),
});

// Effectiveness: complaints per week for the problem's reason, before and after the first fix.
export const effectivenessWeek = z.object({
  /** The Monday the week starts, in the org's time zone. */
  weekStart: isoDate,
  /** Weeks from the first corrective action's done week: negative before, 0 its week. */
  offset: z.number(),
  count: z.number(),
});
export const effectivenessView = z.object({
  basis: z.enum(['reason', 'reason_and_products', 'none']),
  pivotAt: z.string().nullable(),
  weeks: z.array(effectivenessWeek),
  beforeAverage: z.number().nullable(),
  afterAverage: z.number().nullable(),
  definition: z.string(),
});
export type EffectivenessView = z.infer<typeof effectivenessView>;
export const effectivenessQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(8),
});

export const historyEntry = z.object({
  id: z.string(),
  kind: z.string(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const problemDetail = z.object({
  problem: problemSummary.extend({
    titles: localisedTextView,
    descriptions: localisedTextView,
    description: z.string(),
    products: z.array(z.string()),
    orders: z.array(z.string()),
    closedAt: z.string().nullable(),
    /** Set when the problem was closed despite recurrences or before the window ended. */
    override: z
      .object({ reason: z.string(), byName: z.string().nullable(), at: z.string() })
      .nullable(),
    allowedTransitions: z.array(problemStatusSchema),
  }),
  rootCause: rootCauseView.nullable(),
  chain: z.array(chainLinkView),
  actions: z.array(actionView),
  complaints: z.array(linkedComplaintView),
  monitoring: monitoringView,
  effectiveness: effectivenessView,
  history: z.array(historyEntry),
});
export type ProblemDetail = z.infer<typeof problemDetail>;

// The quality home page.
export const qualityHome = z.object({
  myActions: z.array(actionView.extend({ problemReference: z.string(), problemTitle: z.string() })),
  allActions: z.array(
    actionView.extend({ problemReference: z.string(), problemTitle: z.string() }),
  ),
  monitoring: z.array(
    problemSummary.extend({
      endsAt: z.string().nullable(),
      daysLeft: z.number().nullable(),
      recurrences: z.number(),
      threshold: z.number(),
    }),
  ),
});

/** Step 8 on the case page. */
export const caseProblem = z.object({
  problem: z
    .object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      status: problemStatusSchema,
    })
    .nullable(),
});

// Reports: each figure beside its definition, in the reader's language.
export const problemReportQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});
export const problemReport = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  rootCauses: z.object({
    definition: z.string(),
    rows: z.array(
      z.object({
        category: rootCauseCategorySchema,
        problems: z.number(),
        linkedComplaints: z.number(),
        /** Compensation granted on the linked complaints, per currency, in minor units. */
        compensation: z.array(z.object({ currency: z.string(), amountMinor: z.number() })),
      }),
    ),
  }),
  openActions: z.object({
    definition: z.string(),
    rows: z.array(
      z.object({
        ownerId: z.string(),
        ownerName: z.string().nullable(),
        overdue: z.number(),
        dueThisWeek: z.number(),
        later: z.number(),
      }),
    ),
  }),
  recurrenceRate: z.object({
    definition: z.string(),
    windowsEnded: z.number(),
    recurred: z.number(),
    /** recurred / windowsEnded, or null when no window ended in the range. */
    rate: z.number().nullable(),
  }),
  timeToAction: z.object({
    definition: z.string(),
    problems: z.number(),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  }),
});
export type ProblemReport = z.infer<typeof problemReport>;
