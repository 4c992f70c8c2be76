import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { text } from '../../platform/contract/fields.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import { hashToken, orgIdOfTrackingToken } from '../../platform/tokens.ts';
import * as attachments from './attachments.repository.ts';
import type { Attachment } from './attachments.repository.ts';
import { customerActor, type CaseWork } from './case-work.ts';
import type { PortalView } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { iso, toAttachmentView, toPortalEvent } from './complaints.views.ts';
import { complaintEvents } from './domain/events.ts';
import { renderReadBack } from './domain/readback.ts';
import * as events from './events.repository.ts';
import * as facts from './facts.repository.ts';
import * as links from './links.repository.ts';
import * as repo from './complaints.repository.ts';
import type { Language } from '../../platform/i18n.ts';
import type { ComplaintQueries } from './queries.ts';
import type { ReadBack } from './readback.ts';
import type { Uploads } from './uploads.ts';
import type { FollowUps } from './follow-ups.ts';
import type { EarlyEscalation } from './early-escalation.ts';
import * as followUpsRepo from './follow-ups.repository.ts';

const portalReplyBody = text({ max: 20_000 });

/** The customer portal, reached by the private link only: status, read-back, replies, files. */
export function createPortal(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'trackingLinkDaysAfterClose'> & {
    work: CaseWork;
    queries: ComplaintQueries;
    readBack: ReadBack;
    uploads: Uploads;
    followUps: FollowUps;
    escalation: EarlyEscalation;
  },
) {
  const { db, clock, work, queries, readBack, uploads } = deps;

  /**
   * The case behind a link. A revoked or unknown link is not found; a link of a case closed
   * longer than the configured days ago has expired, and the customer is told whom to contact.
   */
  async function resolveToken(token: string): Promise<{ orgId: string; id: string }> {
    const orgId = orgIdOfTrackingToken(token);
    if (!orgId) throw new AppError('not_found');
    const id = await links.findComplaintIdByToken(db, orgId, hashToken(token));
    if (!id) throw new AppError('not_found');
    const complaint = await work.getComplaint(db, orgId, id);
    const days = deps.trackingLinkDaysAfterClose;
    if (
      complaint.closedAt &&
      complaint.closedAt.getTime() + days * 86_400_000 < clock.now().getTime()
    ) {
      const org = await work.getOrg(db, orgId);
      throw new AppError('link_expired', {
        params: { reference: complaint.reference, days, org: org.name },
      });
    }
    return { orgId, id };
  }

  /** Who acts in the portal: the customer, or a signed-in staff member, recorded as such. */
  const actorIn = (customer: { id: string; name: string }, staff: Actor | undefined): Actor =>
    staff ?? customerActor(customer);

  async function portal(token: string): Promise<PortalView> {
    const { orgId, id } = await resolveToken(token);
    const complaint = await work.getComplaint(db, orgId, id);
    const { customer, org } = await work.customerAndOrg(db, complaint);
    const [versions, timeline, files] = await Promise.all([
      facts.listFactVersions(db, orgId, id),
      events.listEvents(db, orgId, id, { publicOnly: true }),
      attachments.listAttachments(db, orgId, id, true),
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
      timeZone: org.timeZone,
      customerName: customer.name,
      createdAt: complaint.createdAt.toISOString(),
      acknowledgedAt: iso(complaint.acknowledgedAt),
      readBack: shown
        ? {
            version: shown.version,
            text:
              shown.confirmedText ??
              shown.sentText ??
              renderReadBack(shown, {
                language: complaint.language,
                customerName: customer.name,
                reference: complaint.reference,
                timeZone: org.timeZone,
              }),
            sentAt: iso(shown.sentAt),
            confirmedAt: iso(shown.confirmedAt),
          }
        : null,
      steps: await queries.stepsOf(db, complaint, confirmed),
      events: timeline.map(toPortalEvent),
      attachments: files.map(toAttachmentView),
      askFixWorked:
        (complaint.status === 'fixed' || complaint.status === 'closed') &&
        !(await followUpsRepo.fixAnswered(db, orgId, id)),
    };
  }

  return {
    /** The case behind a tracking link, as the portal resolves it (other modules' portal parts). */
    portalCase: resolveToken,
    portal,

    /**
     * The customer picks another language in the portal: the portal and the mail about the case
     * follow it from now on. Staff looking at a portal only change their own screen.
     */
    async portalLanguage(token: string, language: Language, staff?: Actor): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      if (!staff) await repo.setLanguage(db, orgId, id, language);
      return portal(token);
    },

    async portalConfirm(token: string, version: number, staff?: Actor): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      await work.change(orgId, id, async (tx, complaint) => {
        const { customer } = await work.customerAndOrg(tx, complaint);
        const actor = actorIn(customer, staff);
        await readBack.confirmVersion(tx, complaint, actor, version, {
          via: 'portal',
          by: actor.name,
          method: 'portal',
          note: staff ? 'staff, in the portal' : null,
        });
      });
      return portal(token);
    },

    /** The customer writes back from the portal, with text and/or files (multipart). */
    async portalReply(
      token: string,
      parts: AsyncIterable<UploadPart>,
      staff?: Actor,
    ): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      const { saved, fields } = await uploads.receive(orgId, id, parts);
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
        await work.change(orgId, id, async (tx, complaint) => {
          const { customer } = await work.customerAndOrg(tx, complaint);
          const actor = actorIn(customer, staff);
          if (body.length > 0)
            await work.addEvent(tx, complaint, actor, complaintEvents.messageReceived, 'public', {
              body,
              via: 'portal',
            });
          await uploads.attach(tx, complaint, actor, saved, true);
          // The customer writing again may be the moment to bring in the manager.
          if (!staff) await deps.escalation.check(tx, complaint);
          if (complaint.status === 'waiting_customer')
            await work.transition(tx, complaint, actor, 'in_progress', null);
        });
      } catch (error) {
        await uploads.discard(saved);
        throw error;
      }
      return portal(token);
    },

    /** The customer answers "did the fix work?"; "no" reopens the case with their comment. */
    async portalFixAnswer(
      token: string,
      input: { works: boolean; comment?: string | null | undefined },
      staff?: Actor,
    ): Promise<PortalView> {
      const { orgId, id } = await resolveToken(token);
      await work.change(orgId, id, async (tx, complaint) => {
        const { customer } = await work.customerAndOrg(tx, complaint);
        await deps.followUps.answerFix(tx, complaint, actorIn(customer, staff), input);
      });
      return portal(token);
    },

    async portalAttachment(token: string, attachmentId: string): Promise<Attachment> {
      const { orgId, id } = await resolveToken(token);
      const a = await attachments.findAttachment(db, orgId, attachmentId);
      if (!a || a.complaintId !== id || !a.isPublic) throw new AppError('not_found');
      return a;
    },
  };
}
