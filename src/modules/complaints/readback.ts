import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { issueTrackingToken } from '../../platform/tokens.ts';
import { moneyOf, type CaseWork } from './case-work.ts';
import type { ComplaintClocks } from './clocks.ts';
import type { RecordFactsRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import * as repo from './complaints.repository.ts';
import { complaintEvents } from './domain/events.ts';
import { renderReadBack } from './domain/readback.ts';
import { canTransition } from './domain/status.ts';
import * as facts from './facts.repository.ts';
import * as links from './links.repository.ts';
import type { MessageValues } from './message-values.ts';
import { keepFrame, renderTemplateParts } from '../templates/index.ts';

export type Confirmation = {
  via: 'portal' | 'verbal';
  by: string | null;
  method: string;
  note: string | null;
};

/**
 * Step 2: the facts, recorded in versions, read back to the customer, and confirmed by them in
 * the portal or verbally to the agent. A confirmed version is never touched.
 */
export function createReadBack(
  deps: Pick<ComplaintDeps, 'clock' | 'templates' | 'mail'> & {
    work: CaseWork;
    clocks: ComplaintClocks;
    values: MessageValues;
  },
) {
  const { clock, templates, mail, work, clocks } = deps;

  /** Only the latest facts can be confirmed: an older version was superseded by an edit. */
  async function confirmVersion(
    tx: Tx,
    complaint: Complaint,
    actor: Actor,
    version: number,
    confirmation: Confirmation,
  ): Promise<void> {
    const versions = await facts.listFactVersions(tx, complaint.orgId, complaint.id);
    const target = versions.find((v) => v.version === version);
    if (!target) throw invalidField('version');
    if (versions[0]?.version !== version) throw new AppError('conflict', { field: 'version' });
    if (target.confirmedAt) return;
    // The portal confirms only what was sent; the agent confirms what they read out, frozen now.
    if (confirmation.via === 'portal' && (target.sentAt === null || target.sentText === null))
      throw invalidField('version', 'field.not_sent', { version });
    const { customer, org } = await work.customerAndOrg(tx, complaint);
    const text =
      target.sentText ??
      renderReadBack(target, {
        language: complaint.language,
        customerName: customer.name,
        reference: complaint.reference,
        timeZone: org.timeZone,
      });
    const at = clock.now();
    await facts.markFactConfirmed(tx, complaint.orgId, complaint.id, version, {
      at,
      ...confirmation,
      text,
    });
    await repo.updateComplaint(
      tx,
      complaint.orgId,
      complaint.id,
      { confirmedFactVersion: version },
      at,
    );
    await work.addEvent(tx, complaint, actor, complaintEvents.readbackConfirmed, 'public', {
      version,
      via: confirmation.via,
      by: confirmation.by,
      method: confirmation.method,
      ...(confirmation.note ? { note: confirmation.note } : {}),
    });
    if (complaint.status === 'waiting_customer')
      await work.transition(tx, complaint, actor, 'in_progress', null);
  }

  return {
    confirmVersion,

    /** Every record of the facts is a new version; confirmed versions are never touched. */
    async recordFacts(scope: Scope, id: string, input: RecordFactsRequest): Promise<void> {
      await work.change(scope.orgId, id, async (tx, complaint) => {
        const ask = moneyOf(input.askAmount, input.askCurrency, 'askAmount');
        const version = await facts.insertFactVersion(tx, scope.orgId, id, {
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
        await work.addEvent(tx, complaint, scope.actor, complaintEvents.factsRecorded, 'internal', {
          version,
          supersedesConfirmed: complaint.confirmedFactVersion,
        });
        await work.claimIfUnowned(tx, complaint, scope.actor);
        await work.startWork(tx, complaint, scope.actor);
        await work.refreshSearchText(tx, complaint);
      });
    },

    /** Sends the read-back to the customer (portal always, e-mail when known) and waits for them. */
    async sendReadBack(scope: Scope, id: string, version: number): Promise<void> {
      await work.change(scope.orgId, id, async (tx, complaint) => {
        const versions = await facts.listFactVersions(tx, scope.orgId, id);
        const target = versions.find((v) => v.version === version);
        if (!target) throw invalidField('version');
        if (versions[0]?.version !== version) throw new AppError('conflict', { field: 'version' });
        const { customer, org } = await work.customerAndOrg(tx, complaint);
        const readBack = renderReadBack(target, {
          language: complaint.language,
          customerName: customer.name,
          reference: complaint.reference,
          timeZone: org.timeZone,
        });
        // Only hashes of links are stored, so the message carries a fresh link of its own.
        const token = issueTrackingToken(scope.orgId);
        await links.insertTrackingLink(tx, scope.orgId, id, token.hash, clock.now());
        await facts.markFactSent(tx, scope.orgId, id, version, clock.now(), readBack);
        let via: 'email' | 'portal' = 'portal';
        const template = complaint.contactEmail
          ? await templates.pick(tx, scope.orgId, 'readback', complaint.language)
          : undefined;
        if (complaint.contactEmail && template) {
          const { values, frame } = await deps.values(tx, complaint, 'readback', {
            customerName: customer.name,
            org,
            agentName: scope.actor.name ?? org.name,
            trackingUrl: work.trackingUrl(token.token),
            readBack,
          });
          // Whatever the template says, the mail keeps the reference, the due and the link.
          const rendered = keepFrame(
            complaint.language,
            renderTemplateParts(template, values),
            frame,
          );
          await mail.queue(tx, {
            orgId: scope.orgId,
            complaintId: id,
            kind: 'readback',
            to: complaint.contactEmail,
            subject: rendered.subject,
            text: rendered.body,
          });
          via = 'email';
        }
        await work.addEvent(tx, complaint, scope.actor, complaintEvents.readbackSent, 'public', {
          version,
          via,
          text: readBack,
        });
        // Waiting for the customer's confirmation pauses the case, where the policy says so.
        const policy = await clocks.policyOf(tx, scope.orgId, id);
        if (
          (policy?.pauseOnReadBack ?? true) &&
          complaint.status !== 'waiting_customer' &&
          canTransition(complaint.status, 'waiting_customer')
        )
          await work.transition(tx, complaint, scope.actor, 'waiting_customer', null);
      });
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
    ): Promise<void> {
      await work.change(scope.orgId, id, (tx, complaint) =>
        confirmVersion(tx, complaint, scope.actor, input.version, {
          via: 'verbal',
          by: input.confirmedBy,
          method: input.method,
          note: input.note ?? null,
        }),
      );
    },
  };
}

export type ReadBack = ReturnType<typeof createReadBack>;
