import { createHash } from 'node:crypto';
import type { UploadPart } from '../../platform/http/multipart.ts';
import { text } from '../../platform/contract/fields.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Language } from '../../platform/i18n.ts';
import type { FileStore } from '../../platform/files.ts';
import { FileTooLargeError } from '../../platform/files.ts';
import { searchTerms } from '../../platform/db/search.ts';
import { fromMinorUnits, toMinorUnits } from '../../platform/contract/money.ts';
import {
  nationalDigits,
  normalizePhone,
  type CustomerService,
  type Customer,
} from '../customers/index.ts';
import {
  renderTemplateParts,
  type TemplateService,
  type TemplateStep,
} from '../templates/index.ts';
import type { MailService } from '../mail/index.ts';
import { hashToken, issueTrackingToken, orgIdOfTrackingToken } from './domain/tracking-token.ts';
import { canTransition, allowedTransitions, type ComplaintStatus } from './domain/status.ts';
import { formatReference, yearIn } from './domain/reference.ts';
import { deriveSteps } from './domain/steps.ts';
import { renderReadBack } from './domain/readback.ts';
import * as repo from './complaints.repository.ts';
import type { Attachment, Complaint, FactVersion } from './complaints.repository.ts';
import type {
  AttachmentView,
  ComplaintDetail,
  ComplaintList,
  CreateComplaintRequest,
  FactVersionView,
  ListComplaintsQuery,
  PortalView,
  PublicComplaintRequest,
  RecordFactsRequest,
  TimelineEvent,
} from './complaints.contract.ts';

export type ComplaintService = ReturnType<typeof createComplaintService>;

export type ComplaintTools = {
  complaint: {
    id: string;
    reference: string;
    status: ComplaintStatus;
    language: Language;
    ownerId: string | null;
    intakeAgentId: string | null;
  };
  customer: { id: string; name: string; email: string | null };
  org: { name: string; timeZone: string };
  addEvent(
    actor: Actor,
    type: string,
    visibility: 'public' | 'internal',
    data: Record<string, unknown>,
  ): Promise<string>;
  /** Queues an e-mail when the customer has an address; returns the channel used. */
  messageCustomer(subject: string, body: string): Promise<'email' | 'portal'>;
  setCommittedDueAt(dueAt: Date): Promise<void>;
  moveToInProgress(actor: Actor): Promise<void>;
  claimIfUnowned(actor: Actor): Promise<void>;
};

/** What the customer may upload: photos, documents, recordings. Anything else is refused. */
export const allowedContentTypes = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'video/mp4',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

type SavedFile = {
  filename: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
};

const portalReplyBody = text({ max: 20_000 });

/** The first instant of the next local day in a zone: "due today" means before it. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const localAsUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = localAsUtc - Math.floor(at.getTime() / 1000) * 1000;
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day') + 1) - offset);
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function money(
  amount: number | null | undefined,
  currency: string | null | undefined,
  field: string,
) {
  if (amount === null || amount === undefined) return { amount: null, currency: null };
  const code = currency ?? 'VND';
  const minor = toMinorUnits(amount, code);
  if (minor === undefined) throw invalidField(field);
  return { amount: minor, currency: code };
}

export function createComplaintService(deps: {
  db: Db;
  clock: Clock;
  files: FileStore;
  customers: CustomerService;
  templates: TemplateService;
  mail: MailService;
  publicUrl: string;
  uploadMaxBytes: number;
  /** Called in the transaction of every change, so stored due times never lag the events. */
  onChanged?: (tx: Executor, orgId: string, complaintId: string) => Promise<void>;
}) {
  const { db, clock, files, customers, templates, mail } = deps;
  const trackingUrl = (token: string): string => `${deps.publicUrl}/track/${token}`;

  async function orgOf(executor: Executor, orgId: string) {
    const org = await executor
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org) throw new AppError('not_found');
    return org;
  }

  async function getComplaint(executor: Executor, orgId: string, id: string): Promise<Complaint> {
    const complaint = await repo.findComplaint(executor, orgId, id);
    if (!complaint) throw new AppError('not_found');
    return complaint;
  }

  async function addEvent(
    tx: Executor,
    complaint: { orgId: string; id: string },
    actor: Actor,
    type: string,
    visibility: 'public' | 'internal',
    data: Record<string, unknown> = {},
  ): Promise<string> {
    return repo.insertEvent(tx, {
      orgId: complaint.orgId,
      complaintId: complaint.id,
      type,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      visibility,
      data,
      at: clock.now(),
    });
  }

  function buildSearchText(
    c: {
      reference: string;
      description: string;
      productRef: string | null;
      orderRef: string | null;
      askText: string | null;
    },
    customer: Customer,
    facts: string[] = [],
  ): string {
    const phoneForms = customer.phone ? [customer.phone, nationalDigits(customer.phone) ?? ''] : [];
    return [
      c.reference,
      customer.name,
      ...phoneForms,
      customer.email ?? '',
      customer.externalId ?? '',
      c.productRef ?? '',
      c.orderRef ?? '',
      c.description,
      c.askText ?? '',
      ...facts,
    ]
      .filter((s) => s.length > 0)
      .join(' \n ')
      .slice(0, 200_000);
  }

  async function refreshSearchText(tx: Executor, complaint: Complaint): Promise<void> {
    const customer = await customers.findCustomer(tx, complaint.orgId, complaint.customerId);
    if (!customer) return;
    const facts = (await repo.listFactVersions(tx, complaint.orgId, complaint.id))
      .slice(0, 3)
      .flatMap((f) => [f.whatHappened, f.askText]);
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { searchText: buildSearchText(complaint, customer, facts) },
      complaint.updatedAt,
    );
  }

  async function assertUser(
    tx: Executor,
    orgId: string,
    userId: string | null | undefined,
    field: string,
  ) {
    if (!userId) return;
    const u = await tx
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', userId)
      .where('is_active', '=', true)
      .executeTakeFirst();
    if (!u) throw invalidField(field);
  }

  async function assertReason(
    tx: Executor,
    orgId: string,
    reasonId: string | null | undefined,
    field: string,
  ) {
    if (!reasonId) return;
    const r = await tx
      .selectFrom('reasons')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', reasonId)
      .executeTakeFirst();
    if (!r) throw invalidField(field);
  }

  /**
   * Intake, for every channel: the customer, a gap-free reference, the complaint, its first
   * events and the step-1 thank-you, all in one transaction.
   */
  async function intake(
    tx: Executor,
    orgId: string,
    actor: Actor,
    input: CreateComplaintRequest,
  ): Promise<{ id: string; reference: string; trackingUrl: string }> {
    const org = await orgOf(tx, orgId);
    await assertReason(tx, orgId, input.reasonId, 'reasonId');
    await assertUser(tx, orgId, input.ownerId, 'ownerId');
    const ask = money(input.ask?.amount, input.ask?.currency, 'ask.amount');
    const customer = await customers.upsert(tx, orgId, input.customer, 'customer.');
    const language: Language =
      input.language ??
      input.customer.preferredLanguage ??
      customer.preferredLanguage ??
      (org.default_language as Language);
    const now = clock.now();
    const token = issueTrackingToken(orgId);
    const intakeAgentId = actor.type === 'user' ? actor.id : null;
    const base = {
      description: input.description,
      productRef: input.productRef ?? null,
      orderRef: input.orderRef ?? null,
      askText: input.ask?.text ?? null,
    };
    // The reference number is taken last: its counter row stays locked until commit, so the
    // less work after it, the more intakes of one org can run side by side.
    const id = await repo.insertComplaint(tx, {
      orgId,
      ...base,
      reference: `~pending-${token.hash.slice(0, 32)}`,
      status: 'new',
      channel: input.channel,
      reasonId: input.reasonId ?? null,
      severity: input.severity,
      askAmount: ask.amount,
      askCurrency: ask.currency,
      language,
      customerId: customer.id,
      intakeAgentId,
      ownerId: input.ownerId ?? intakeAgentId,
      acknowledgedAt: now,
      createdAt: now,
      searchText: '',
    });
    await repo.insertTrackingLink(tx, orgId, id, token.hash, now);
    const complaint = { orgId, id };
    await addEvent(tx, complaint, actor, 'complaint.received', 'public', {
      channel: input.channel,
    });
    // Step 1: the thank-you goes out with the reference and the private link, by e-mail when
    // we have an address; the portal shows the same acknowledgement in any case.
    const link = trackingUrl(token.token);
    const thankYou = customer.email
      ? await templates.pick(tx, orgId, 'thank', language)
      : undefined;
    const via = thankYou ? 'email' : 'portal';
    await addEvent(
      tx,
      complaint,
      { type: 'system', id: null, name: 'Ombud' },
      'complaint.acknowledged',
      'public',
      { via, to: via === 'email' ? customer.email : null },
    );
    await deps.onChanged?.(tx, orgId, id);

    const year = yearIn(now, org.time_zone);
    const reference = formatReference(
      org.reference_prefix,
      year,
      await repo.nextSequence(tx, orgId, year),
    );
    await repo.setReference(
      tx,
      orgId,
      id,
      reference,
      buildSearchText({ ...base, reference }, customer),
    );
    if (thankYou && customer.email) {
      const rendered = renderTemplateParts(thankYou, {
        customerName: customer.name,
        reference,
        trackingUrl: link,
        orgName: org.name,
        agentName: actor.type === 'user' ? (actor.name ?? '') : org.name,
      });
      await mail.queue(tx, {
        orgId,
        complaintId: id,
        kind: 'acknowledgement',
        to: customer.email,
        subject: rendered.subject,
        text: rendered.body,
      });
    }
    return { id, reference, trackingUrl: link };
  }

  function toFactView(
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
      askAmount:
        f.askAmount !== null && f.askCurrency ? fromMinorUnits(f.askAmount, f.askCurrency) : null,
      askCurrency: f.askCurrency,
      readBack: renderReadBack(f, {
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

  const toAttachmentView = (a: Attachment): AttachmentView => ({
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    uploadedBy: a.uploadedByType,
    createdAt: a.createdAt.toISOString(),
  });

  async function stepsOf(
    executor: Executor,
    complaint: Complaint,
    confirmed: FactVersion | undefined,
  ) {
    const { apologisedAt, committedAt, fixedAt } = await repo.stepMoments(
      executor,
      complaint.orgId,
      complaint.id,
    );
    return deriveSteps({
      acknowledgedAt: complaint.acknowledgedAt,
      confirmedAt: confirmed?.confirmedAt ?? null,
      apologisedAt,
      committedAt,
      fixedAt:
        fixedAt ??
        (complaint.status === 'fixed' || complaint.status === 'closed'
          ? complaint.updatedAt
          : null),
      status: complaint.status,
    }).map((s) => ({ step: s.step, state: s.state, at: iso(s.at) }));
  }

  async function detail(orgId: string, id: string): Promise<ComplaintDetail> {
    const complaint = await getComplaint(db, orgId, id);
    const [org, customer, versions, attachments] = await Promise.all([
      orgOf(db, orgId),
      customers.findCustomer(db, orgId, complaint.customerId),
      repo.listFactVersions(db, orgId, id),
      repo.listAttachments(db, orgId, id, false),
    ]);
    if (!customer) throw new AppError('not_found');
    const confirmed = versions.find((v) => v.version === complaint.confirmedFactVersion);
    const lang = complaint.language;
    return {
      complaint: {
        id: complaint.id,
        reference: complaint.reference,
        status: complaint.status,
        channel: complaint.channel,
        severity: complaint.severity,
        reasonId: complaint.reasonId,
        reasonName: complaint.reasonNames?.[lang] ?? null,
        productRef: complaint.productRef,
        orderRef: complaint.orderRef,
        description: complaint.description,
        askText: complaint.askText,
        askAmount:
          complaint.askAmount !== null && complaint.askCurrency
            ? fromMinorUnits(complaint.askAmount, complaint.askCurrency)
            : null,
        askCurrency: complaint.askCurrency,
        language: complaint.language,
        intakeAgentId: complaint.intakeAgentId,
        intakeAgentName: complaint.intakeAgentName,
        ownerId: complaint.ownerId,
        ownerName: complaint.ownerName,
        createdAt: complaint.createdAt.toISOString(),
        updatedAt: complaint.updatedAt.toISOString(),
        acknowledgedAt: iso(complaint.acknowledgedAt),
      },
      customer: {
        id: customer.id,
        name: customer.name,
        phone: customer.phone,
        email: customer.email,
        tier: customer.tier,
        customerSince: customer.customerSince,
        preferredLanguage: customer.preferredLanguage,
      },
      facts: {
        current: versions[0] ? toFactView(versions[0], complaint, customer, org.time_zone) : null,
        confirmed: confirmed ? toFactView(confirmed, complaint, customer, org.time_zone) : null,
        versions: versions.map((v) => toFactView(v, complaint, customer, org.time_zone)),
      },
      steps: await stepsOf(db, complaint, confirmed),
      allowedStatuses: [...allowedTransitions[complaint.status]],
      attachments: attachments.map(toAttachmentView),
    };
  }

  /** Changes the status through the transition table, with an event; no-op if unchanged. */
  async function transition(
    tx: Executor,
    complaint: Complaint,
    actor: Actor,
    to: ComplaintStatus,
    note: string | null,
    visibility: 'public' | 'internal' = 'public',
  ) {
    if (complaint.status === to) return;
    if (!canTransition(complaint.status, to)) {
      throw new AppError('invalid_transition', { params: { from: complaint.status, to } });
    }
    await repo.updateComplaint(tx, complaint.orgId, complaint.id, { status: to }, clock.now());
    await addEvent(tx, complaint, actor, 'complaint.status_changed', visibility, {
      from: complaint.status,
      to,
      ...(note ? { note } : {}),
    });
    if (to === 'fixed') await addEvent(tx, complaint, actor, 'complaint.fixed', 'public', {});
    complaint.status = to;
  }

  /**
   * The first person who works on an unowned case (a web or e-mail complaint) becomes its
   * owner, so that its clocks always have someone to warn and to escalate from.
   */
  async function claimIfUnowned(tx: Executor, complaint: Complaint, actor: Actor): Promise<void> {
    if (complaint.ownerId || actor.type !== 'user' || !actor.id) return;
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { ownerId: actor.id },
      clock.now(),
    );
    await addEvent(tx, complaint, actor, 'complaint.assigned', 'internal', {
      from: null,
      to: actor.id,
      toName: actor.name,
      automatic: true,
    });
    complaint.ownerId = actor.id;
  }

  /** Runs a change on one complaint, locked, in one transaction. */
  async function change<T>(
    orgId: string,
    id: string,
    fn: (tx: Executor, complaint: Complaint) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (tx) => {
      if (!(await repo.lockComplaint(tx, orgId, id))) throw new AppError('not_found');
      const complaint = await getComplaint(tx, orgId, id);
      const result = await fn(tx, complaint);
      await deps.onChanged?.(tx, orgId, id);
      return result;
    });
  }

  async function customerAndOrg(tx: Executor, complaint: Complaint) {
    const [customer, org] = await Promise.all([
      customers.findCustomer(tx, complaint.orgId, complaint.customerId),
      orgOf(tx, complaint.orgId),
    ]);
    if (!customer) throw new AppError('not_found');
    return { customer, org };
  }

  /**
   * Streams the uploaded files to the store as they arrive and collects the text fields. If
   * anything is refused, every file stored so far is removed: nothing half-written remains.
   */
  async function receiveUpload(
    orgId: string,
    parts: AsyncIterable<UploadPart>,
  ): Promise<{ saved: SavedFile[]; fields: Record<string, string> }> {
    const saved: SavedFile[] = [];
    const fields: Record<string, string> = {};
    try {
      for await (const file of parts) {
        if (file.kind === 'field') {
          fields[file.name] = file.value;
          continue;
        }
        const contentType = file.contentType.toLowerCase().split(';')[0]!.trim();
        if (!allowedContentTypes.has(contentType)) {
          file.stream.resume();
          throw new AppError('unsupported_media_type', {
            field: 'file',
            params: { type: contentType },
          });
        }
        try {
          const stored = await files.save(orgId, file.stream, deps.uploadMaxBytes);
          saved.push({ filename: file.filename.slice(0, 255) || 'file', contentType, ...stored });
        } catch (error) {
          if (error instanceof FileTooLargeError) {
            throw new AppError('payload_too_large', {
              field: 'file',
              params: { max: `${Math.round(deps.uploadMaxBytes / 1024 / 1024)} MB` },
            });
          }
          throw error;
        }
      }
    } catch (error) {
      await discard(saved);
      throw error;
    }
    return { saved, fields };
  }

  const discard = (saved: SavedFile[]) => Promise.all(saved.map((f) => files.remove(f.storageKey)));

  async function attach(
    tx: Executor,
    complaint: Complaint,
    actor: Actor,
    saved: SavedFile[],
  ): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const f of saved) {
      const attachment = await repo.insertAttachment(tx, complaint.orgId, {
        complaintId: complaint.id,
        filename: f.filename,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        storageKey: f.storageKey,
        uploadedByType: actor.type,
        uploadedById: actor.id,
        isPublic: true,
        createdAt: clock.now(),
      });
      await addEvent(tx, complaint, actor, 'attachment.added', 'public', {
        attachmentId: attachment.id,
        filename: f.filename,
        sizeBytes: f.sizeBytes,
      });
      out.push(attachment);
    }
    return out;
  }

  async function resolveToken(token: string): Promise<{ orgId: string; id: string }> {
    const orgId = orgIdOfTrackingToken(token);
    if (!orgId) throw new AppError('not_found');
    const id = await repo.findComplaintIdByToken(db, orgId, hashToken(token));
    if (!id) throw new AppError('not_found');
    return { orgId, id };
  }

  const customerActor = (customer: { id: string; name: string }): Actor => ({
    type: 'customer',
    id: customer.id,
    name: customer.name,
  });

  async function confirmVersion(
    tx: Executor,
    complaint: Complaint,
    actor: Actor,
    version: number,
    c: { via: 'portal' | 'verbal'; by: string | null; method: string; note: string | null },
  ) {
    const versions = await repo.listFactVersions(tx, complaint.orgId, complaint.id);
    const target = versions.find((v) => v.version === version);
    if (!target) throw invalidField('version');
    // Only the latest facts can be confirmed: an older version was superseded by an edit.
    if (versions[0]?.version !== version) throw new AppError('conflict', { field: 'version' });
    if (target.confirmedAt) return;
    const at = clock.now();
    await repo.markFactConfirmed(tx, complaint.orgId, complaint.id, version, { at, ...c });
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { confirmedFactVersion: version },
      at,
    );
    await addEvent(tx, complaint, actor, 'readback.confirmed', 'public', {
      version,
      via: c.via,
      by: c.by,
      method: c.method,
      ...(c.note ? { note: c.note } : {}),
    });
    if (complaint.status === 'waiting_customer')
      await transition(tx, complaint, actor, 'in_progress', null);
  }

  return {
    /** REST and console intake. An Idempotency-Key makes a retried create return the first result. */
    async create(
      scope: Scope,
      input: CreateComplaintRequest,
      idempotencyKey?: string,
    ): Promise<ComplaintDetail & { created: boolean }> {
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      const outcome = await db.transaction().execute(async (tx) => {
        if (idempotencyKey) {
          const claim = await repo.claimIdempotencyKey(
            tx,
            scope.orgId,
            idempotencyKey,
            requestHash,
          );
          if (!claim.claimed) {
            if (claim.requestHash !== requestHash)
              throw new AppError('idempotency_conflict', { field: 'Idempotency-Key' });
            const previous = claim.response as { id: string; trackingUrl: string } | null;
            if (!previous) throw new AppError('conflict');
            return { ...previous, created: false };
          }
        }
        const result = await intake(tx, scope.orgId, scope.actor, input);
        if (idempotencyKey)
          await repo.storeIdempotentResponse(tx, scope.orgId, idempotencyKey, result);
        return { ...result, created: true };
      });
      const view = await detail(scope.orgId, outcome.id);
      return {
        ...view,
        complaint: { ...view.complaint, trackingUrl: outcome.trackingUrl },
        created: outcome.created,
      };
    },

    /** The public web form: a customer with no account, in their language. */
    async createFromPublicForm(
      orgSlug: string,
      input: PublicComplaintRequest,
    ): Promise<{ reference: string; trackingUrl: string }> {
      const org = await db
        .selectFrom('orgs')
        .select(['id'])
        .where('slug', '=', orgSlug)
        .executeTakeFirst();
      if (!org) throw new AppError('not_found');
      // The honeypot: a field people cannot see. A bot that fills it gets a plain refusal.
      if (input.website && input.website.length > 0) throw new AppError('spam');
      if (!input.phone && !input.email) throw invalidField('phone', 'field.contact_required');
      return db.transaction().execute(async (tx) => {
        const customerName = input.name;
        const result = await intake(
          tx,
          org.id,
          { type: 'customer', id: null, name: customerName },
          {
            customer: {
              name: customerName,
              phone: input.phone ?? null,
              email: input.email ?? null,
              preferredLanguage: input.language,
            },
            channel: 'web',
            reasonId: input.reasonId ?? null,
            severity: 'medium',
            orderRef: input.orderRef ?? null,
            description: input.description,
            ask: input.askText ? { text: input.askText } : undefined,
            language: input.language,
          },
        );
        return { reference: result.reference, trackingUrl: result.trackingUrl };
      });
    },

    detail: (scope: Scope, id: string) => detail(scope.orgId, id),

    /**
     * For other modules (commitments, follow-ups): a change to one complaint, locked, in one
     * transaction, with the tools to add timeline events and to write to the customer.
     */
    async act<T>(
      orgId: string,
      id: string,
      fn: (tx: Executor, tools: ComplaintTools) => Promise<T>,
    ): Promise<T> {
      return change(orgId, id, async (tx, complaint) => {
        const { customer, org } = await customerAndOrg(tx, complaint);
        return fn(tx, {
          complaint: {
            id: complaint.id,
            reference: complaint.reference,
            status: complaint.status,
            language: complaint.language,
            ownerId: complaint.ownerId,
            intakeAgentId: complaint.intakeAgentId,
          },
          customer: { id: customer.id, name: customer.name, email: customer.email },
          org: { name: org.name, timeZone: org.time_zone },
          addEvent: (actor, type, visibility, data) =>
            addEvent(tx, complaint, actor, type, visibility, data),
          async messageCustomer(subject, body) {
            if (!customer.email) return 'portal';
            await mail.queue(tx, {
              orgId,
              complaintId: id,
              kind: 'message',
              to: customer.email,
              subject,
              text: body,
            });
            return 'email';
          },
          setCommittedDueAt: (dueAt) =>
            tx
              .updateTable('complaints')
              .set({ committed_due_at: dueAt, updated_at: clock.now() })
              .where('org_id', '=', orgId)
              .where('id', '=', id)
              .execute()
              .then(() => undefined),
          async moveToInProgress(actor) {
            if (complaint.status === 'new')
              await transition(tx, complaint, actor, 'in_progress', null, 'internal');
          },
          claimIfUnowned: (actor) => claimIfUnowned(tx, complaint, actor),
        });
      });
    },

    async list(scope: Scope, query: ListComplaintsQuery, lang: Language): Promise<ComplaintList> {
      const phone = query.q ? (normalizePhone(query.q) ?? null) : null;
      const ownerFilter = query.scope === 'mine' ? (scope.actor.id ?? undefined) : query.ownerId;
      const org = await orgOf(db, scope.orgId);
      const endOfToday = endOfLocalDay(clock.now(), org.time_zone);
      const result = await repo.listComplaints(db, scope.orgId, {
        ...query,
        ownerFilter,
        terms: query.q ? searchTerms(query.q) : [],
        phone,
        endOfToday,
      });
      return {
        items: result.rows.map((c) => {
          const customer = result.customers.get(c.customerId);
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
            confirmedAt: c.confirmedFactVersion ? c.updatedAt.toISOString() : null,
            description: c.description.slice(0, 200),
            nextDueAt: iso(c.nextDueAt),
            nextDueClock: c.nextDueClock,
            isBreached: c.isBreached,
            isPaused: c.isPaused,
            committedDueAt: iso(c.committedDueAt),
          };
        }),
        total: result.total,
        totalIsCapped: result.totalIsCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async timeline(scope: Scope, id: string): Promise<TimelineEvent[]> {
      await getComplaint(db, scope.orgId, id);
      const events = await repo.listEvents(db, scope.orgId, id, false);
      return events.map((e) => ({
        id: e.id,
        type: e.type,
        actorType: e.actorType,
        actorName: e.actorName,
        visibility: e.visibility,
        data: e.data,
        createdAt: e.createdAt.toISOString(),
      }));
    },

    async update(
      scope: Scope,
      id: string,
      patch: {
        reasonId?: string | null | undefined;
        severity?: Complaint['severity'] | undefined;
        productRef?: string | null | undefined;
        orderRef?: string | null | undefined;
        ownerId?: string | null | undefined;
      },
    ) {
      await change(scope.orgId, id, async (tx, complaint) => {
        if (
          patch.ownerId !== undefined &&
          patch.ownerId !== complaint.ownerId &&
          !scope.permissions.has('complaint:assign') &&
          patch.ownerId !== scope.actor.id
        ) {
          throw new AppError('forbidden');
        }
        await assertReason(tx, scope.orgId, patch.reasonId, 'reasonId');
        await assertUser(tx, scope.orgId, patch.ownerId, 'ownerId');
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of ['reasonId', 'severity', 'productRef', 'orderRef'] as const) {
          if (patch[key] !== undefined && patch[key] !== complaint[key])
            changes[key] = { from: complaint[key], to: patch[key] };
        }
        const ownerChanged = patch.ownerId !== undefined && patch.ownerId !== complaint.ownerId;
        if (Object.keys(changes).length === 0 && !ownerChanged) return;
        await repo.updateComplaint(tx, scope.orgId, id, patch, clock.now());
        if (Object.keys(changes).length > 0)
          await addEvent(tx, complaint, scope.actor, 'complaint.updated', 'internal', { changes });
        if (ownerChanged) {
          const toName = patch.ownerId
            ? ((
                await tx
                  .selectFrom('users')
                  .select('name')
                  .where('org_id', '=', scope.orgId)
                  .where('id', '=', patch.ownerId)
                  .executeTakeFirst()
              )?.name ?? null)
            : null;
          await addEvent(tx, complaint, scope.actor, 'complaint.assigned', 'internal', {
            from: complaint.ownerId,
            to: patch.ownerId,
            toName,
          });
        }
        await refreshSearchText(tx, {
          ...complaint,
          productRef: patch.productRef !== undefined ? patch.productRef : complaint.productRef,
          orderRef: patch.orderRef !== undefined ? patch.orderRef : complaint.orderRef,
        });
      });
      return detail(scope.orgId, id);
    },

    async changeStatus(
      scope: Scope,
      id: string,
      status: ComplaintStatus,
      note: string | null | undefined,
    ) {
      await change(scope.orgId, id, (tx, complaint) =>
        transition(tx, complaint, scope.actor, status, note ?? null),
      );
      return detail(scope.orgId, id);
    },

    /** Step 2: every record of the facts is a new version; confirmed versions are never touched. */
    async recordFacts(scope: Scope, id: string, input: RecordFactsRequest) {
      await change(scope.orgId, id, async (tx, complaint) => {
        const ask = money(input.askAmount, input.askCurrency, 'askAmount');
        const version = await repo.insertFactVersion(tx, scope.orgId, id, {
          whatHappened: input.whatHappened,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
          productRef: input.productRef ?? null,
          orderRef: input.orderRef ?? null,
          askText: input.askText,
          askAmount: ask.amount,
          askCurrency: ask.currency,
          createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
          createdAt: clock.now(),
        });
        await addEvent(tx, complaint, scope.actor, 'facts.recorded', 'internal', {
          version,
          supersedesConfirmed: complaint.confirmedFactVersion,
        });
        await claimIfUnowned(tx, complaint, scope.actor);
        if (complaint.status === 'new')
          await transition(tx, complaint, scope.actor, 'in_progress', null, 'internal');
        await refreshSearchText(tx, complaint);
      });
      return detail(scope.orgId, id);
    },

    /** Sends the read-back to the customer (portal always, e-mail when known) and waits for them. */
    async sendReadBack(scope: Scope, id: string, version: number) {
      await change(scope.orgId, id, async (tx, complaint) => {
        const versions = await repo.listFactVersions(tx, scope.orgId, id);
        const target = versions.find((v) => v.version === version);
        if (!target) throw invalidField('version');
        if (versions[0]?.version !== version) throw new AppError('conflict', { field: 'version' });
        const { customer, org } = await customerAndOrg(tx, complaint);
        const readBack = renderReadBack(target, {
          language: complaint.language,
          customerName: customer.name,
          reference: complaint.reference,
          timeZone: org.time_zone,
        });
        // Only hashes of links are stored, so the message carries a fresh link of its own.
        const token = issueTrackingToken(scope.orgId);
        await repo.insertTrackingLink(tx, scope.orgId, id, token.hash, clock.now());
        await repo.markFactSent(tx, scope.orgId, id, version, clock.now());
        let via = 'portal';
        if (customer.email) {
          const rendered = await templates.render(tx, scope.orgId, 'readback', complaint.language, {
            customerName: customer.name,
            reference: complaint.reference,
            trackingUrl: trackingUrl(token.token),
            orgName: org.name,
            agentName: scope.actor.name ?? org.name,
            readBack,
          });
          if (rendered) {
            await mail.queue(tx, {
              orgId: scope.orgId,
              complaintId: id,
              kind: 'readback',
              to: customer.email,
              subject: rendered.subject,
              text: rendered.body,
            });
            via = 'email';
          }
        }
        await addEvent(tx, complaint, scope.actor, 'readback.sent', 'public', {
          version,
          via,
          text: readBack,
        });
        if (
          complaint.status !== 'waiting_customer' &&
          canTransition(complaint.status, 'waiting_customer')
        ) {
          await transition(tx, complaint, scope.actor, 'waiting_customer', null);
        }
      });
      return detail(scope.orgId, id);
    },

    /** The agent records that the customer confirmed the facts by voice or in person. */
    async confirmVerbally(
      scope: Scope,
      id: string,
      input: {
        version: number;
        confirmedBy: string;
        method: 'phone' | 'in_person' | 'chat' | 'other';
        note?: string | null | undefined;
      },
    ) {
      await change(scope.orgId, id, (tx, complaint) =>
        confirmVersion(tx, complaint, scope.actor, input.version, {
          via: 'verbal',
          by: input.confirmedBy,
          method: input.method,
          note: input.note ?? null,
        }),
      );
      return detail(scope.orgId, id);
    },

    async suggestions(scope: Scope, id: string, step: TemplateStep) {
      const complaint = await getComplaint(db, scope.orgId, id);
      const { customer, org } = await customerAndOrg(db, complaint);
      const versions = await repo.listFactVersions(db, scope.orgId, id);
      const latest = versions[0];
      return templates.suggestions(scope.orgId, step, complaint.language, {
        customerName: customer.name,
        reference: complaint.reference,
        orgName: org.name,
        agentName: scope.actor.name ?? org.name,
        trackingUrl: `${deps.publicUrl}/track/…`,
        ...(latest
          ? {
              readBack: renderReadBack(latest, {
                language: complaint.language,
                customerName: customer.name,
                reference: complaint.reference,
                timeZone: org.time_zone,
              }),
            }
          : {}),
      });
    },

    /** A message to the customer. With step 'apologise' it is the step-3 apology. */
    async sendMessage(
      scope: Scope,
      id: string,
      input: { step: 'apologise' | 'other'; subject?: string | null | undefined; body: string },
    ) {
      await change(scope.orgId, id, async (tx, complaint) => {
        const { customer } = await customerAndOrg(tx, complaint);
        const subject = input.subject || `[${complaint.reference}]`;
        let via = 'portal';
        if (customer.email) {
          await mail.queue(tx, {
            orgId: scope.orgId,
            complaintId: id,
            kind: 'message',
            to: customer.email,
            subject,
            text: input.body,
          });
          via = 'email';
        }
        await addEvent(tx, complaint, scope.actor, 'message.sent', 'public', {
          step: input.step,
          subject,
          body: input.body,
          via,
        });
        await claimIfUnowned(tx, complaint, scope.actor);
        if (complaint.status === 'new')
          await transition(tx, complaint, scope.actor, 'in_progress', null, 'internal');
      });
      return detail(scope.orgId, id);
    },

    async addNote(scope: Scope, id: string, body: string) {
      await change(scope.orgId, id, (tx, complaint) =>
        addEvent(tx, complaint, scope.actor, 'note.added', 'internal', { body }),
      );
      return { ok: true };
    },

    /** A new private link, e.g. to read out or text to a phone customer. Older links keep working. */
    async issueTrackingLink(scope: Scope, id: string) {
      return change(scope.orgId, id, async (tx, complaint) => {
        const token = issueTrackingToken(scope.orgId);
        await repo.insertTrackingLink(tx, scope.orgId, id, token.hash, clock.now());
        await addEvent(tx, complaint, scope.actor, 'tracking_link.issued', 'internal', {});
        return { trackingUrl: trackingUrl(token.token) };
      });
    },

    async addAttachments(
      scope: Scope,
      id: string,
      parts: AsyncIterable<UploadPart>,
    ): Promise<AttachmentView[]> {
      await getComplaint(db, scope.orgId, id);
      const { saved } = await receiveUpload(scope.orgId, parts);
      try {
        if (saved.length === 0) throw invalidField('file', 'field.required');
        return await change(scope.orgId, id, async (tx, complaint) =>
          (await attach(tx, complaint, scope.actor, saved)).map(toAttachmentView),
        );
      } catch (error) {
        await discard(saved);
        throw error;
      }
    },

    async findAttachment(orgId: string, id: string): Promise<Attachment> {
      const a = await repo.findAttachment(db, orgId, id);
      if (!a) throw new AppError('not_found');
      return a;
    },

    // The customer portal, reached by the private link only.
    async portal(token: string): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      const complaint = await getComplaint(db, orgId, id);
      const { customer, org } = await customerAndOrg(db, complaint);
      const [versions, events, attachments] = await Promise.all([
        repo.listFactVersions(db, orgId, id),
        repo.listEvents(db, orgId, id, true),
        repo.listAttachments(db, orgId, id, true),
      ]);
      const sent = versions.find((v) => v.sentAt !== null || v.confirmedAt !== null);
      const latest = versions[0];
      const shown = latest && (latest.sentAt || latest.confirmedAt) ? latest : sent;
      const confirmed = versions.find((v) => v.version === complaint.confirmedFactVersion);
      return {
        reference: complaint.reference,
        status: complaint.status,
        orgName: org.name,
        language: complaint.language,
        customerName: customer.name,
        createdAt: complaint.createdAt.toISOString(),
        acknowledgedAt: iso(complaint.acknowledgedAt),
        readBack: shown
          ? {
              version: shown.version,
              text: renderReadBack(shown, {
                language: complaint.language,
                customerName: customer.name,
                reference: complaint.reference,
                timeZone: org.time_zone,
              }),
              sentAt: iso(shown.sentAt),
              confirmedAt: iso(shown.confirmedAt),
            }
          : null,
        steps: await stepsOf(db, complaint, confirmed),
        events: events.map((e) => ({
          id: e.id,
          type: e.type,
          actorType: e.actorType,
          // Staff appear by first name only on the customer's side.
          actorName:
            e.actorType === 'user'
              ? (e.actorName?.split(' ').at(-1) ?? null)
              : e.actorType === 'customer'
                ? e.actorName
                : null,
          data: e.type === 'complaint.acknowledged' ? { via: e.data.via } : e.data,
          createdAt: e.createdAt.toISOString(),
        })),
        attachments: attachments.map(toAttachmentView),
      };
    },

    async portalConfirm(token: string, version: number): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      await change(orgId, id, async (tx, complaint) => {
        const { customer } = await customerAndOrg(tx, complaint);
        await confirmVersion(tx, complaint, customerActor(customer), version, {
          via: 'portal',
          by: customer.name,
          method: 'portal',
          note: null,
        });
      });
      return this.portal(token);
    },

    /** The customer writes back from the portal, with text and/or files (multipart). */
    async portalReply(token: string, parts: AsyncIterable<UploadPart>): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      const { saved, fields } = await receiveUpload(orgId, parts);
      try {
        const body = fields.body ?? '';
        const parsed = portalReplyBody.safeParse(body);
        if (!parsed.success)
          throw invalidField(
            'body',
            parsed.error.issues[0]?.message.startsWith('field.')
              ? parsed.error.issues[0].message
              : 'field.invalid',
          );
        if (body.trim().length === 0 && saved.length === 0)
          throw invalidField('body', 'field.required');
        await change(orgId, id, async (tx, complaint) => {
          const { customer } = await customerAndOrg(tx, complaint);
          const actor = customerActor(customer);
          if (body.length > 0)
            await addEvent(tx, complaint, actor, 'message.received', 'public', {
              body,
              via: 'portal',
            });
          await attach(tx, complaint, actor, saved);
          if (complaint.status === 'waiting_customer')
            await transition(tx, complaint, actor, 'in_progress', null);
        });
      } catch (error) {
        await discard(saved);
        throw error;
      }
      return this.portal(token);
    },

    async portalAttachment(token: string, attachmentId: string): Promise<Attachment> {
      const { orgId, id } = await resolveToken(token);
      const a = await repo.findAttachment(db, orgId, attachmentId);
      if (!a || a.complaintId !== id || !a.isPublic) throw new AppError('not_found');
      return a;
    },
  };
}
