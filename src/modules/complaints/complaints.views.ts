import { fromMinorUnits } from '../../platform/contract/money.ts';
import type { Language } from '../../platform/i18n.ts';
import type { Customer } from '../customers/index.ts';
import type { Attachment } from './attachments.repository.ts';
import type {
  AttachmentView,
  ComplaintDetail,
  ComplaintListItem,
  FactVersionView,
  PortalView,
  TimelineEvent,
} from './complaints.contract.ts';
import type { Complaint } from './complaints.repository.ts';
import { complaintEvents } from './domain/events.ts';
import { renderReadBack } from './domain/readback.ts';
import { deriveSteps } from './domain/steps.ts';
import { allowedTransitions } from './domain/status.ts';
import type { StoredEvent } from './events.repository.ts';
import type { FactVersion } from './facts.repository.ts';

// Records → what the API returns. No I/O here: the use cases load, these only shape.

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const amountOf = (amount: number | null, currency: string | null): number | null =>
  amount !== null && currency ? fromMinorUnits(amount, currency) : null;

export function toFactView(
  f: FactVersion,
  complaint: Complaint,
  customer: { name: string },
  timeZone: string,
): FactVersionView {
  return {
    version: f.version,
    whatHappened: f.whatHappened,
    occurredAt: iso(f.occurredAt),
    productRef: f.productRef,
    orderRef: f.orderRef,
    askText: f.askText,
    askAmount: amountOf(f.askAmount, f.askCurrency),
    askCurrency: f.askCurrency,
    // A read-back once sent or confirmed is that text for good; a draft shows as it would now.
    readBack:
      f.confirmedText ??
      f.sentText ??
      renderReadBack(f, {
        language: complaint.language,
        customerName: customer.name,
        reference: complaint.reference,
        timeZone,
      }),
    createdAt: f.createdAt.toISOString(),
    createdByName: f.createdByName,
    sentAt: iso(f.sentAt),
    confirmedAt: iso(f.confirmedAt),
    confirmation: f.confirmationVia
      ? {
          via: f.confirmationVia,
          by: f.confirmedBy,
          method: f.confirmationMethod,
          note: f.confirmationNote,
        }
      : null,
  };
}

export const toAttachmentView = (a: Attachment): AttachmentView => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  uploadedBy: a.uploadedByType,
  visibleToCustomer: a.isPublic,
  kind: a.kind,
  createdAt: a.createdAt.toISOString(),
});

export function toDetail(
  complaint: Complaint,
  customer: Customer,
  versions: FactVersion[],
  attachments: Attachment[],
  steps: ComplaintDetail['steps'],
  timeZone: string,
): ComplaintDetail {
  const lang = complaint.language;
  const confirmed = versions.find((v) => v.version === complaint.confirmedFactVersion);
  const fact = (v: FactVersion) => toFactView(v, complaint, customer, timeZone);
  return {
    complaint: {
      id: complaint.id,
      reference: complaint.reference,
      status: complaint.status,
      channel: complaint.channel,
      severity: complaint.severity,
      reasonId: complaint.reasonId,
      reasonName: complaint.reasonNames?.[lang] ?? null,
      reasonNames: complaint.reasonNames,
      productRef: complaint.productRef,
      orderRef: complaint.orderRef,
      description: complaint.description,
      askText: complaint.askText,
      askAmount: amountOf(complaint.askAmount, complaint.askCurrency),
      askCurrency: complaint.askCurrency,
      language: complaint.language,
      intakeAgentId: complaint.intakeAgentId,
      intakeAgentName: complaint.intakeAgentName,
      ownerId: complaint.ownerId,
      ownerName: complaint.ownerName,
      createdAt: complaint.createdAt.toISOString(),
      updatedAt: complaint.updatedAt.toISOString(),
      acknowledgedAt: iso(complaint.acknowledgedAt),
      contactEmail: complaint.contactEmail,
      contactPhone: complaint.contactPhone,
    },
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.phone,
      email: customer.email,
      tier: customer.tier,
      customerSince: customer.customerSince,
      preferredLanguage: customer.preferredLanguage,
      possibleDuplicateOf: customer.possibleDuplicateOf,
    },
    facts: {
      current: versions[0] ? fact(versions[0]) : null,
      confirmed: confirmed ? fact(confirmed) : null,
      versions: versions.map(fact),
    },
    steps,
    allowedStatuses: [...allowedTransitions[complaint.status]],
    attachments: attachments.map(toAttachmentView),
  };
}

export function toListItem(
  c: Complaint,
  customer: Customer | undefined,
  lang: Language,
): ComplaintListItem {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    channel: c.channel,
    severity: c.severity,
    reasonId: c.reasonId,
    reasonName: c.reasonNames?.[lang] ?? null,
    customerName: customer?.name ?? '',
    customerPhone: customer?.phone ?? null,
    customerEmail: customer?.email ?? null,
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    createdAt: c.createdAt.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    confirmedAt: iso(c.confirmedAt),
    description: c.description.slice(0, 200),
    nextDueAt: iso(c.nextDueAt),
    nextDueClock: c.nextDueClock,
    isBreached: c.isBreached,
    isPaused: c.isPaused,
    committedDueAt: iso(c.committedDueAt),
  };
}

export const toTimelineEvent = (e: StoredEvent): TimelineEvent => ({
  id: e.id,
  type: e.type,
  actorType: e.actorType,
  actorName: e.actorName,
  visibility: e.visibility,
  data: e.data,
  createdAt: e.createdAt.toISOString(),
});

/** The customer's view of the timeline: staff by first name, no internal addresses. */
export const toPortalEvent = (e: StoredEvent): PortalView['events'][number] => ({
  id: e.id,
  type: e.type,
  actorType: e.actorType,
  actorName:
    e.actorType === 'user'
      ? (e.actorName?.split(' ').at(-1) ?? null)
      : e.actorType === 'customer'
        ? e.actorName
        : null,
  data: e.type === complaintEvents.acknowledged ? { via: e.data.via } : e.data,
  createdAt: e.createdAt.toISOString(),
});

/** The detail of a case just created, from what was written: nothing is read back. */
export const toNewDetail = (complaint: Complaint, customer: Customer, timeZone: string) =>
  toDetail(
    complaint,
    customer,
    [],
    [],
    deriveSteps({
      acknowledgedAt: complaint.acknowledgedAt,
      confirmedAt: null,
      apologisedAt: null,
      committedAt: null,
      fixedAt: null,
      status: 'new',
    }).map((s) => ({ step: s.step, state: s.state, at: iso(s.at), by: null })),
    timeZone,
  );
