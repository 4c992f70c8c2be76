import type { Executor } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import {
  formatDueAt,
  frameDueOf,
  variablesOf,
  type MessageFrame,
  type TemplateStep,
  type TemplateValues,
} from '../templates/index.ts';
import { isOpenStatus, type ClockKind } from '../kernel/index.ts';
import type { ComplaintClocks } from './clocks.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { ComplaintStatus } from './domain/status.ts';

/** The case as a message to its customer sees it. */
export type MessageCase = {
  orgId: string;
  id: string;
  reference: string;
  language: Language;
  status: ComplaintStatus;
  committedDueAt: Date | null;
};

export type MessageContext = {
  customerName: string;
  org: { name: string; timeZone: string };
  agentName: string;
  trackingUrl: string;
  readBack?: string | null;
};

/**
 * The values a template of one kind is filled with for one case, and the frame the message
 * keeps whoever wrote it. Due times are the case's own, derived now from its clocks, in the
 * customer's language and the calendar's zone; a due the case does not have is `null`, so the
 * line that would promise it is left out.
 */
export function createMessageValues(
  deps: Pick<ComplaintDeps, 'clock'> & { clocks: ComplaintClocks },
) {
  const { clock, clocks } = deps;

  return async function valuesFor(
    executor: Executor,
    complaint: MessageCase,
    step: TemplateStep | 'other',
    context: MessageContext,
  ): Promise<{ values: TemplateValues; frame: MessageFrame }> {
    const now = clock.now();
    // A message written to the customer is itself a response: the next update is due after it.
    const isResponse = step !== 'thank';
    const known = await clocks.customerDues(
      executor,
      complaint.orgId,
      complaint.id,
      now,
      isResponse ? { asIfRespondedAt: now } : {},
    );
    return messageValues(complaint, step, context, known, now);
  };
}

export type MessageValues = ReturnType<typeof createMessageValues>;

/** {@link createMessageValues} on dues the caller already knows (a case being created). */
export function messageValues(
  complaint: MessageCase,
  step: TemplateStep | 'other',
  context: MessageContext,
  known: { timeZone: string | null; dues: Partial<Record<ClockKind, Date>> },
  now: Date,
): { values: TemplateValues; frame: MessageFrame } {
  const { timeZone, dues } = known;
  const zone = timeZone ?? context.org.timeZone;
  const text = (at: Date | null | undefined) =>
    at ? formatDueAt(at, complaint.language, zone) : null;
  const isOpen = isOpenStatus(complaint.status);
  const fixDueAt =
    isOpen && complaint.committedDueAt && complaint.committedDueAt > now
      ? complaint.committedDueAt
      : null;
  const all: Required<TemplateValues> = {
    customerName: context.customerName,
    reference: complaint.reference,
    trackingUrl: context.trackingUrl,
    orgName: context.org.name,
    agentName: context.agentName,
    readBack: context.readBack ?? null,
    firstResponseDueAt: step === 'thank' ? text(dues.first_response) : null,
    // Once a due is committed, the commitment clock has stopped: there is nothing to promise.
    commitmentDueAt: isOpen && !fixDueAt ? text(dues.commitment) : null,
    fixDueAt: text(fixDueAt),
    nextUpdateDueAt: isOpen ? text(dues.next_update) : null,
  };
  const allowed = step === 'other' ? variablesOf.update : variablesOf[step];
  const values: TemplateValues = {};
  for (const name of allowed) values[name] = all[name];
  return {
    values,
    frame: {
      reference: complaint.reference,
      trackingUrl: context.trackingUrl,
      due: frameDueOf(step, values),
    },
  };
}
