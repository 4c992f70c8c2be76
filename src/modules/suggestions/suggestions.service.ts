import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import {
  casesOfCustomer,
  casesWithSimilarText,
  similarKeyOf,
  similarSubjectOf,
  type SimilarCase,
} from '../complaints/index.ts';
import type { CustomerService } from '../customers/index.ts';
import {
  maxSuggestions,
  monthsBefore,
  repeatCode,
  scriptOf,
  suggest,
  thresholdOf,
  type Subject,
  type SuggestionSettings,
} from './domain/suggest.ts';
import type {
  SuggestionDraft,
  SuggestionList,
  SuggestionProblem,
  SuggestionSettingsView,
} from './suggestions.contract.ts';
import * as repo from './suggestions.repository.ts';

/**
 * The open problem records some complaints belong to. Problem records are another module's; until
 * it plugs in here, no complaint belongs to one.
 */
export type ProblemsFor = (
  executor: Executor,
  orgId: string,
  complaintIds: readonly string[],
) => Promise<Map<string, SuggestionProblem>>;

export const noProblems: ProblemsFor = async () => new Map();

export type SuggestionDeps = {
  db: Db;
  clock: Clock;
  customers: Pick<CustomerService, 'customersByContact'>;
  problemsFor?: ProblemsFor;
};

export type SuggestionService = ReturnType<typeof createSuggestionService>;

const DAY_MS = 86_400_000;
/** One customer's cases around the subject that are read to find its repeats. */
const SAME_CUSTOMER_LIMIT = 50;

/** Step 8's suggestions: likely repeats and similar complaints, for a case or an intake draft. */
export function createSuggestionService(deps: SuggestionDeps) {
  const { db, clock, customers } = deps;
  const problemsFor = deps.problemsFor ?? noProblems;

  async function suggestFor(
    orgId: string,
    subject: Subject,
    key: string | ((executor: Executor) => Promise<string>),
  ): Promise<SuggestionList> {
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const settings = await repo.findSettings(tx, orgId);
      const window = settings.repeatDays * DAY_MS;
      const sameCustomer = await casesOfCustomer(tx, orgId, {
        customerIds: subject.customerIds,
        from: new Date(subject.receivedAt.getTime() - window),
        to: new Date(subject.receivedAt.getTime() + window),
        ...(subject.id ? { excludeId: subject.id } : {}),
        limit: SAME_CUSTOMER_LIMIT,
      });
      const repeats = sameCustomer.filter((c) => repeatCode(subject, c, settings) !== undefined);
      const similarText = await casesWithSimilarText(tx, orgId, {
        // Inside the transaction: a second connection from the pool while this one is held could
        // wait on itself when the pool is busy.
        key: typeof key === 'string' ? key : await key(tx),
        threshold: thresholdOf(subject.script, settings),
        from: monthsBefore(now, settings.similarMonths),
        excludeIds: [...(subject.id ? [subject.id] : []), ...repeats.map((c) => c.id)],
        limit: maxSuggestions,
      });
      const chosen = suggest<SimilarCase>({ subject, sameCustomer, similarText, settings, now });
      const problems = await problemsFor(
        tx,
        orgId,
        chosen.map((s) => s.candidate.id),
      );
      return {
        items: chosen.map(({ kind, candidate: c, why }) => {
          const problem = problems.get(c.id);
          return {
            kind,
            complaint: {
              id: c.id,
              reference: c.reference,
              receivedAt: c.receivedAt.toISOString(),
              status: c.status,
              customerName: c.customerName,
              excerpt: c.excerpt,
            },
            why,
            ...(problem ? { problem } : {}),
          };
        }),
        definition: { ...settings, max: maxSuggestions },
      };
    });
  }

  return {
    /** The case page: repeats of this case and complaints like it. Another org's case is 404. */
    async forCase(scope: Scope, id: string): Promise<SuggestionList> {
      const c = await similarSubjectOf(db, scope.orgId, id);
      if (!c) throw notFound();
      return suggestFor(
        scope.orgId,
        {
          id: c.id,
          customerIds: [c.customerId],
          reasonId: c.reasonId,
          productRef: c.productRef,
          orderRef: c.orderRef,
          receivedAt: c.receivedAt,
          script: scriptOf(c.description),
        },
        c.similarKey,
      );
    },

    /**
     * The intake page, as the agent types: the customer is the one named, or the ones the
     * e-mail or phone number belongs to.
     */
    async forDraft(scope: Scope, draft: SuggestionDraft): Promise<SuggestionList> {
      const byContact =
        draft.email || draft.phone
          ? await customers.customersByContact(db, scope.orgId, {
              email: draft.email,
              phone: draft.phone,
            })
          : [];
      const customerIds = [
        ...new Set([...(draft.customerId ? [draft.customerId] : []), ...byContact]),
      ];
      return suggestFor(
        scope.orgId,
        {
          customerIds,
          reasonId: draft.reasonId ?? null,
          productRef: draft.productRef ?? null,
          orderRef: draft.orderRef ?? null,
          receivedAt: clock.now(),
          script: scriptOf(draft.description),
        },
        (executor) => similarKeyOf(executor, draft.description),
      );
    },

    async settings(scope: Scope): Promise<SuggestionSettingsView> {
      return repo.findSettings(db, scope.orgId);
    },

    async saveSettings(scope: Scope, input: SuggestionSettings): Promise<SuggestionSettingsView> {
      const round = (v: number) => Math.round(v * 100) / 100;
      const value = {
        ...input,
        similarThreshold: round(input.similarThreshold),
        similarThresholdCjk: round(input.similarThresholdCjk),
      };
      return db.transaction().execute(async (tx) => {
        const before = await repo.findSettings(tx, scope.orgId);
        await repo.saveSettings(tx, scope.orgId, value, clock.now());
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'suggestion_settings.updated',
          entityType: 'suggestion_settings',
          entityId: scope.orgId,
          before,
          after: value,
        });
        return repo.findSettings(tx, scope.orgId);
      });
    },
  };
}
