import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Complaint } from './complaints.repository.ts';
import { keepFrame, type TemplateStep } from '../templates/index.ts';
import { issueTrackingToken, maskTrackingTokens } from '../../platform/tokens.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { complaintEvents } from './domain/events.ts';
import { renderReadBack } from './domain/readback.ts';
import * as facts from './facts.repository.ts';
import * as links from './links.repository.ts';
import type { MessageValues } from './message-values.ts';
import * as attachments from './attachments.repository.ts';
import type { Attachment } from './attachments.repository.ts';
import { invalidField } from '../../platform/errors.ts';

/** What a mail can carry: receivers refuse messages much past 25 MB, and base64 adds a third. */
const MAIL_FILES_MAX_BYTES = 20 * 1024 * 1024;

export type MessageInput = {
  step: 'apologise' | 'other';
  subject?: string | null | undefined;
  body: string;
  cc?: string[] | undefined;
  attachmentIds?: string[] | undefined;
  format?: 'plain' | 'formatted' | undefined;
};

/** Which templates a message of each kind is suggested from. */
const suggestedStep = { apologise: 'apologise', other: 'update' } as const;

/** Writing to the customer (step 3's apology among them), internal notes and private links. */
export function createMessages(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'templates' | 'mail' | 'publicUrl'> & {
    work: CaseWork;
    values: MessageValues;
  },
) {
  const { db, clock, templates, mail, work } = deps;
  // A suggestion shows where the link goes; the message that is sent carries a fresh one.
  const linkPlaceholder = `${deps.publicUrl}/track/…`;

  /**
   * Writes one message to the customer in the caller's change: by e-mail when the case has an
   * address (else in the portal only), inside the standard frame, with a fresh private link.
   */
  async function writeMessage(
    tx: Tx,
    complaint: Complaint,
    actor: Actor,
    input: MessageInput,
  ): Promise<void> {
    const { customer, org } = await work.customerAndOrg(tx, complaint);
    const cc = [...new Set((input.cc ?? []).map((a) => a.trim().toLowerCase()))];
    if (cc.length > 0 && !complaint.contactEmail) throw invalidField('cc', 'error.cc_needs_email');
    const files = await filesToSend(tx, complaint, input.attachmentIds ?? []);
    // Only hashes of links are stored, so the message carries a fresh link of its own.
    const token = issueTrackingToken(complaint.orgId);
    await links.insertTrackingLink(tx, complaint.orgId, complaint.id, token.hash, clock.now());
    const trackingUrl = work.trackingUrl(token.token);
    const { frame } = await deps.values(tx, complaint, suggestedStep[input.step], {
      customerName: customer.name,
      org,
      agentName: actor.name ?? org.name,
      trackingUrl,
    });
    // The agent's words go inside the standard frame: reference, due and link stay.
    const message = keepFrame(
      complaint.language,
      {
        subject: input.subject ?? '',
        body: input.body.split(linkPlaceholder).join(trackingUrl),
      },
      frame,
    );
    const subject = message.subject;
    let via: 'email' | 'portal' = 'portal';
    const format = input.format ?? 'plain';
    if (complaint.contactEmail) {
      await mail.queue(tx, {
        orgId: complaint.orgId,
        complaintId: complaint.id,
        kind: 'message',
        to: complaint.contactEmail,
        cc,
        files: files.map((f) => ({
          filename: f.filename,
          contentType: f.contentType,
          storageKey: f.storageKey,
          sizeBytes: f.sizeBytes,
        })),
        format,
        subject,
        text: message.body,
      });
      via = 'email';
    }
    // What was sent to the customer is theirs to see in the portal too.
    await attachments.shareAttachments(
      tx,
      complaint.orgId,
      files.filter((f) => !f.isPublic).map((f) => f.id),
    );
    await work.addEvent(tx, complaint, actor, complaintEvents.messageSent, 'public', {
      step: input.step,
      subject,
      // What staff and the portal show hides the link's secret, as the sent mail's copy does.
      body: maskTrackingTokens(message.body),
      via,
      ...(cc.length > 0 ? { cc } : {}),
      ...(files.length > 0 ? { attachmentIds: files.map((f) => f.id) } : {}),
      ...(format === 'formatted' ? { format } : {}),
    });
  }

  /** The case files a message carries: this case's, and not more than a mail can hold. */
  async function filesToSend(tx: Tx, complaint: Complaint, ids: string[]): Promise<Attachment[]> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(
      unique.map((id) => attachments.findAttachment(tx, complaint.orgId, id)),
    );
    if (found.some((f) => !f || f.complaintId !== complaint.id))
      throw invalidField('attachmentIds', 'error.not_this_case_file');
    const files = found as Attachment[];
    const bytes = files.reduce((n, f) => n + f.sizeBytes, 0);
    if (bytes > MAIL_FILES_MAX_BYTES)
      throw invalidField('attachmentIds', 'error.mail_files_too_large', { max: '20 MB' });
    return files;
  }

  return {
    /** Editable suggestions for a step, filled in for this case. Never a script. */
    async suggestions(scope: Scope, id: string, step: TemplateStep) {
      const complaint = await work.getComplaint(db, scope.orgId, id);
      const { customer, org } = await work.customerAndOrg(db, complaint);
      const [latest] = await facts.listFactVersions(db, scope.orgId, id);
      const { values } = await deps.values(db, complaint, step, {
        customerName: customer.name,
        org,
        agentName: scope.actor.name ?? org.name,
        trackingUrl: linkPlaceholder,
        readBack: latest
          ? renderReadBack(latest, {
              language: complaint.language,
              customerName: customer.name,
              reference: complaint.reference,
              timeZone: org.timeZone,
            })
          : null,
      });
      return templates.suggestions(scope.orgId, step, complaint.language, values);
    },

    /** A message to the customer. With step 'apologise' it is the step-3 apology. */
    writeMessage,

    async sendMessage(scope: Scope, id: string, input: MessageInput): Promise<void> {
      await work.change(scope.orgId, id, async (tx, complaint) => {
        await writeMessage(tx, complaint, scope.actor, input);
        await work.claimIfUnowned(tx, complaint, scope.actor);
        await work.startWork(tx, complaint, scope.actor);
      });
    },

    async addNote(scope: Scope, id: string, body: string): Promise<{ ok: true }> {
      await work.change(scope.orgId, id, (tx, complaint) =>
        work.addEvent(tx, complaint, scope.actor, complaintEvents.noteAdded, 'internal', { body }),
      );
      return { ok: true };
    },

    /**
     * A new private link, e.g. to read out or text to a phone customer. Older links keep working
     * unless `revokeOthers` (a link that went to the wrong person).
     */
    async issueTrackingLink(
      scope: Scope,
      id: string,
      options: { revokeOthers: boolean } = { revokeOthers: false },
    ): Promise<{ trackingUrl: string; revoked: number }> {
      return work.change(scope.orgId, id, async (tx, complaint) => {
        const token = issueTrackingToken(scope.orgId);
        await links.insertTrackingLink(tx, scope.orgId, id, token.hash, clock.now());
        const revoked = options.revokeOthers
          ? await links.revokeTrackingLinks(tx, scope.orgId, id, clock.now(), token.hash)
          : 0;
        await work.addEvent(
          tx,
          complaint,
          scope.actor,
          complaintEvents.trackingLinkIssued,
          'internal',
          { revokedOthers: revoked },
        );
        return { trackingUrl: work.trackingUrl(token.token), revoked };
      });
    },

    /** Every link of the case stops working (a leak); the customer can be given a new one. */
    async revokeTrackingLinks(scope: Scope, id: string): Promise<{ revoked: number }> {
      return work.change(scope.orgId, id, async (tx, complaint) => {
        const revoked = await links.revokeTrackingLinks(tx, scope.orgId, id, clock.now(), null);
        await work.addEvent(
          tx,
          complaint,
          scope.actor,
          complaintEvents.trackingLinksRevoked,
          'internal',
          { revoked },
        );
        return { revoked };
      });
    },
  };
}

export type Messages = ReturnType<typeof createMessages>;
