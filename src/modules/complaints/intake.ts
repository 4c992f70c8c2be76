import { randomUUID } from 'node:crypto';
import { earlyEscalationReasons } from './domain/early-escalation.ts';
import { escalateEarly } from './complaints.jobs.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import {
  writeTogether,
  writeTogetherAfter,
  type PendingWrite,
} from '../../platform/db/write-together.ts';
import { sql } from 'kysely';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { MAX_FILES_PER_UPLOAD } from '../../platform/http/multipart.ts';
import { issueTrackingToken, maskTrackingTokens } from '../../platform/tokens.ts';
import {
  nationalDigits,
  normalizePhone,
  type Customer,
  type CustomerSource,
  type PhoneCountry,
} from '../customers/index.ts';
import type { OrgView } from '../org/index.ts';
import { keepFrame, renderTemplateParts } from '../templates/index.ts';
import { moneyOf, type CaseWork } from './case-work.ts';
import { buildSearchText } from './domain/search-text.ts';
import type { CreateComplaintRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { customerDuesOf } from './clocks.ts';
import { messageValues } from './message-values.ts';
import { toClockEvents } from './domain/clock-events.ts';
import { complaintEventData, complaintEvents, webhookEventOf } from './domain/events.ts';
import { complaintResource } from './webhook-resource.ts';
import * as events from './events.repository.ts';
import * as intakeRepo from './intake.repository.ts';
import { createIntakeConfig, type IntakeConfig } from './intake-config.ts';
import { yearIn } from './domain/reference.ts';
import * as links from './links.repository.ts';

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
    | 'sla'
    | 'configCache'
    | 'jobs'
    | 'webhooks'
    | 'uploadMaxBytes'
    | 'attachmentQuota'
  > & { work: CaseWork },
) {
  const { clock, customers, mail, org, reasons, sla, work } = deps;

  const configOf = createIntakeConfig(deps);

  /**
   * The customer, the complaint, its first events, its clocks and the step-1 thank-you, in the
   * caller's transaction and in few round trips: the customer's lock and match, one statement
   * for the case with its link, first event, clocks and timers, then the reference number, and
   * one last statement for what shows the reference (the thank-you, its job, the search text).
   * The counter row of the reference stays locked until commit, so it is taken that late.
   */
  async function intake(
    tx: Tx,
    found: OrgView,
    config: IntakeConfig,
    actor: Actor,
    input: CreateComplaintRequest,
    source: CustomerSource,
    /** More writes for the first statement (the idempotent answer), given the new case's id. */
    extraWrites: (id: string) => PendingWrite[] = () => [],
  ): Promise<{ complaint: Complaint; customer: Customer; trackingUrl: string }> {
    const orgId = found.id;
    const owner = input.ownerId ? await org.findUser(tx, orgId, input.ownerId) : undefined;
    if (input.ownerId && !owner?.active) throw invalidField('ownerId');
    const ask = moneyOf(input.ask?.amount, input.ask?.currency, 'ask.amount');
    const customer = await customers.upsert(
      tx,
      orgId,
      input.customer,
      source,
      'customer.',
      found.country as PhoneCountry,
    );
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
    const id = randomUUID();
    const token = issueTrackingToken(orgId);
    const link = work.trackingUrl(token.token);
    const intakeAgentId = actor.type === 'user' ? actor.id : null;
    const ownerId = input.ownerId ?? intakeAgentId;
    const base = {
      description: input.description,
      productRef: input.productRef ?? null,
      orderRef: input.orderRef ?? null,
      askText: input.ask?.text ?? null,
    };
    // Step 1: the thank-you goes out with the reference and the private link, by e-mail when
    // we have an address; the portal shows the same acknowledgement in any case.
    const thankYou = contact.email ? config.thankYou(language) : undefined;
    const via = thankYou ? 'email' : 'portal';
    const received = complaintEventData[complaintEvents.received].parse({
      channel: input.channel,
    });
    // The clocks, derived here from the first two events as they will be stored.
    const started = sla.startClocks(tx, config.clockConfig, {
      orgId,
      complaintId: id,
      reference: '',
      customerName: customer.name,
      ownerId,
      intakeAgentId,
      reasonId: input.reasonId ?? null,
      severity: input.severity,
      channel: input.channel,
      customerTier: customer.tier,
      policyId: null,
      events: toClockEvents([
        { type: complaintEvents.received, at: now, actorType: actor.type, data: received },
        {
          type: complaintEvents.acknowledged,
          at: now,
          actorType: systemActor.type,
          data: { via },
        },
      ]),
    });
    const fields = {
      orgId,
      ...base,
      status: 'new' as const,
      channel: input.channel,
      reasonId: input.reasonId ?? null,
      severity: input.severity,
      askAmount: ask.amount,
      askCurrency: ask.currency,
      language,
      customerId: customer.id,
      intakeAgentId,
      ownerId,
      acknowledgedAt: now,
      createdAt: now,
      contactEmail: contact.email,
      contactPhone: contact.phone,
    };
    await writeTogether(tx, [
      intakeRepo.insertComplaintWrite(tx, {
        ...fields,
        id,
        reference: `~pending-${token.hash.slice(0, 32)}`,
        searchText: '',
        due: started.summary,
      }),
      links.insertTrackingLinkWrite(tx, orgId, id, token.hash, now),
      events.insertEventsWrite(tx, [
        {
          orgId,
          complaintId: id,
          type: complaintEvents.received,
          actor,
          visibility: 'public',
          data: received,
          at: now,
        },
      ]),
      ...started.writes,
      ...extraWrites(id),
      // A rule says the manager should have it before the customer asks: a job does it.
      ...(earlyEscalationReasons(config.escalation, {
        severity: input.severity,
        tier: customer.tier,
        texts: [input.description],
        customerContacts: 0,
      }).length > 0
        ? deps.jobs.pendingMany(tx, escalateEarly, [{ payload: { orgId, complaintId: id } }])
        : []),
    ]);

    // The reference number is taken in the last statement before COMMIT: the org's counter row
    // stays locked until then, so it covers one round trip. What shows the reference is written
    // with a placeholder here, and the statement puts the number in.
    const draft: Complaint = {
      ...fields,
      id,
      reference: '',
      reasonNames: config.reason?.names ?? null,
      intakeAgentName: actor.type === 'user' ? actor.name : null,
      ownerName: owner ? owner.name : ownerId ? actor.name : null,
      confirmedFactVersion: null,
      confirmedAt: null,
      updatedAt: now,
      ...started.summary,
      committedDueAt: null,
      committedDepartmentId: null,
      closedAt: null,
    };
    const year = yearIn(now, found.timeZone);
    const placeholder = `\u27e6${randomUUID()}\u27e7`;
    draft.reference = placeholder;
    const referenceSql = intakeRepo.referenceSql(found.referencePrefix, year);
    const fill = (text: string) => sql<string>`replace(${text}, ${placeholder}, ${referenceSql})`;
    const last: PendingWrite[] = [
      intakeRepo.setReferenceWrite(
        tx,
        orgId,
        id,
        referenceSql,
        fill(
          buildSearchText({
            complaint: { ...base, reference: placeholder },
            customer: {
              ...customer,
              nationalPhone: customer.phone ? (nationalDigits(customer.phone) ?? null) : null,
            },
            reasonNames: config.reason ? Object.values(config.reason.names) : [],
          }),
        ),
      ),
    ];
    let thankYouSent: { subject: string; body: string } | undefined;
    if (thankYou && contact.email) {
      // The thank-you states when the customer will hear from us: the first-response due.
      const { values, frame } = messageValues(
        { orgId, id, reference: placeholder, language, status: 'new', committedDueAt: null },
        'thank',
        {
          customerName: customer.name,
          org: found,
          agentName: actor.type === 'user' ? (actor.name ?? found.name) : found.name,
          trackingUrl: link,
        },
        { timeZone: started.timeZone, dues: customerDuesOf(started.clocks, now) },
        now,
      );
      thankYouSent = keepFrame(language, renderTemplateParts(thankYou, values), frame);
      last.push(
        ...mail.pendingQueue(
          tx,
          {
            orgId,
            complaintId: id,
            kind: 'acknowledgement',
            to: contact.email,
            subject: thankYouSent.subject,
            text: thankYouSent.body,
          },
          fill,
        ).writes,
      );
    }
    // The case keeps what the customer was told (its link masked), so staff see the promised time.
    const acknowledged = complaintEventData[complaintEvents.acknowledged].parse({
      via,
      to: via === 'email' ? contact.email : null,
      ...(thankYouSent && {
        subject: thankYouSent.subject,
        body: maskTrackingTokens(thankYouSent.body),
      }),
    });
    last.push(
      events.insertEventsWrite(
        tx,
        [
          {
            orgId,
            complaintId: id,
            type: complaintEvents.acknowledged,
            actor: systemActor,
            visibility: 'public',
            data: acknowledged,
            at: now,
          },
        ],
        fill,
      ),
    );
    // The org's webhooks hear of the new case and its thank-you in the same statement.
    for (const [type, data] of [
      [complaintEvents.received, received],
      [complaintEvents.acknowledged, acknowledged],
    ] as const) {
      const hook = webhookEventOf(type, data);
      if (hook)
        last.push(
          ...deps.webhooks.pendingFor(
            tx,
            config.webhooks,
            { orgId, type: hook, data: { complaint: complaintResource(draft) } },
            fill,
          ),
        );
    }
    const reference = await writeTogetherAfter(
      tx,
      { name: intakeRepo.SEQUENCE_CTE, query: intakeRepo.nextSequenceWrite(tx, orgId, year) },
      last,
      referenceSql,
    );
    return { complaint: { ...draft, reference }, customer, trackingUrl: link };
  }

  return {
    intake,
    configOf,

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
  };
}
