import { createHash } from 'node:crypto';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { issueTrackingToken } from '../../platform/tokens.ts';
import { MAX_FILES_PER_UPLOAD } from '../../platform/http/multipart.ts';
import { normalizePhone, type CustomerSource, type PhoneCountry } from '../customers/index.ts';
import { renderTemplateParts } from '../templates/index.ts';
import { moneyOf, searchTextOf, type CaseWork } from './case-work.ts';
import type { ComplaintDetail, CreateComplaintRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';
import type { ComplaintClocks } from './clocks.ts';
import { complaintEvents } from './domain/events.ts';
import { formatReference, yearIn } from './domain/reference.ts';
import * as links from './links.repository.ts';
import type { ComplaintQueries } from './queries.ts';

const systemActor: Actor = { type: 'system', id: null, name: 'Ombud' };

/** Step 1 for every channel: the customer, a gap-free reference, the case and the thank-you. */
export function createIntake(
  deps: Pick<
    ComplaintDeps,
    | 'db'
    | 'clock'
    | 'customers'
    | 'templates'
    | 'mail'
    | 'org'
    | 'reasons'
    | 'uploadMaxBytes'
    | 'attachmentQuota'
  > & {
    work: CaseWork;
    clocks: ComplaintClocks;
    queries: ComplaintQueries;
  },
) {
  const { db, clock, customers, templates, mail, org, reasons, work, clocks, queries } = deps;

  /**
   * The customer, the complaint, its first events and the step-1 thank-you, all in the
   * caller's transaction.
   */
  async function intake(
    tx: Tx,
    orgId: string,
    actor: Actor,
    input: CreateComplaintRequest,
    source: CustomerSource,
  ): Promise<{ id: string; reference: string; trackingUrl: string }> {
    const found = await work.getOrg(tx, orgId);
    await work.assertReason(tx, orgId, input.reasonId, 'reasonId');
    await work.assertUser(tx, orgId, input.ownerId, 'ownerId');
    const ask = moneyOf(input.ask?.amount, input.ask?.currency, 'ask.amount');
    const customer = await customers.upsert(tx, orgId, input.customer, source, 'customer.');
    // Mail about this complaint goes to the address given with it. Staff and integrations speak
    // for the org, so without one they may rely on the customer record's.
    const given = {
      email: input.customer.email ? input.customer.email.toLowerCase() : null,
      phone: input.customer.phone
        ? (normalizePhone(input.customer.phone, found.country as PhoneCountry) ?? null)
        : null,
    };
    const contact =
      source === 'staff' || source === 'api'
        ? { email: given.email ?? customer.email, phone: given.phone ?? customer.phone }
        : given;
    const language: Language =
      input.language ??
      input.customer.preferredLanguage ??
      customer.preferredLanguage ??
      found.defaultLanguage;
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
      contactEmail: contact.email,
      contactPhone: contact.phone,
    });
    await links.insertTrackingLink(tx, orgId, id, token.hash, now);
    const complaint = { orgId, id };
    await work.addEvent(tx, complaint, actor, complaintEvents.received, 'public', {
      channel: input.channel,
    });
    // Step 1: the thank-you goes out with the reference and the private link, by e-mail when
    // we have an address; the portal shows the same acknowledgement in any case.
    const link = work.trackingUrl(token.token);
    const thankYou = contact.email ? await templates.pick(tx, orgId, 'thank', language) : undefined;
    const via = thankYou ? 'email' : 'portal';
    await work.addEvent(tx, complaint, systemActor, complaintEvents.acknowledged, 'public', {
      via,
      to: via === 'email' ? contact.email : null,
    });
    await clocks.refresh(tx, orgId, id);

    const year = yearIn(now, found.timeZone);
    const reference = formatReference(
      found.referencePrefix,
      year,
      await repo.nextSequence(tx, orgId, year),
    );
    await repo.setReference(
      tx,
      orgId,
      id,
      reference,
      searchTextOf({ ...base, reference }, customer),
    );
    if (thankYou && contact.email) {
      const rendered = renderTemplateParts(thankYou, {
        customerName: customer.name,
        reference,
        trackingUrl: link,
        orgName: found.name,
        agentName: actor.type === 'user' ? (actor.name ?? '') : found.name,
      });
      await mail.queue(tx, {
        orgId,
        complaintId: id,
        kind: 'acknowledgement',
        to: contact.email,
        subject: rendered.subject,
        text: rendered.body,
      });
    }
    return { id, reference, trackingUrl: link };
  }

  return {
    intake,

    /** What the public form shows of an org: its name, language, upload limits, active reasons. */
    async publicOrg(slug: string, lang: Language) {
      const found = await org.findOrgBySlug(slug);
      if (!found) throw new AppError('not_found');
      return {
        name: found.name,
        slug: found.slug,
        defaultLanguage: found.defaultLanguage,
        uploads: {
          maxFiles: Math.min(MAX_FILES_PER_UPLOAD, deps.attachmentQuota.filesPerComplaint),
          maxBytes: deps.uploadMaxBytes,
        },
        reasons: await reasons.localized(found.id, lang),
      };
    },

    /** REST and console intake. An Idempotency-Key makes a retried create return the first result. */
    async create(
      scope: Scope,
      input: CreateComplaintRequest,
      idempotencyKey?: string,
    ): Promise<ComplaintDetail & { created: boolean }> {
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      const outcome = await db.transaction().execute(async (tx) => {
        if (idempotencyKey) {
          const claim = await links.claimIdempotencyKey(
            tx,
            scope.orgId,
            idempotencyKey,
            requestHash,
          );
          if (!claim.claimed) {
            if (claim.requestHash !== requestHash)
              throw new AppError('idempotency_conflict', { field: 'Idempotency-Key' });
            const previous = claim.response as { id: string } | null;
            if (!previous) throw new AppError('conflict');
            // Only hashes of links are kept, so a retry gets a fresh link to the same case.
            const token = issueTrackingToken(scope.orgId);
            await links.insertTrackingLink(tx, scope.orgId, previous.id, token.hash, clock.now());
            return { id: previous.id, trackingUrl: work.trackingUrl(token.token), created: false };
          }
        }
        const result = await intake(
          tx,
          scope.orgId,
          scope.actor,
          input,
          scope.actor.type === 'api' ? 'api' : 'staff',
        );
        if (idempotencyKey)
          await links.storeIdempotentResponse(tx, scope.orgId, idempotencyKey, { id: result.id });
        return { ...result, created: true };
      });
      const view = await queries.detail(scope.orgId, outcome.id);
      return {
        ...view,
        complaint: { ...view.complaint, trackingUrl: outcome.trackingUrl },
        created: outcome.created,
      };
    },
  };
}
