import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type {
  ComplaintService,
  CustomerMail,
  MailCase,
  MailFileRefusal,
  MailFiles,
  SavedFile,
} from '../complaints/index.ts';
import type { MailService } from '../mail/index.ts';
import type { OrgService } from '../org/index.ts';
import type { InboundMailView, InboundOutcome, ReceiveResult } from './channels.contract.ts';
import {
  classifyInbound,
  decideThread,
  detectLanguage,
  subjectReference,
} from './domain/inbound-rules.ts';
import { replyText } from './domain/reply-text.ts';
import * as repo from './inbound.repository.ts';
import { MAX_RAW_BYTES, parseMail, type ParsedInbound } from './parse-mail.ts';

/** The same content again within this window is one message sent twice. */
const DUPLICATE_WINDOW_MINUTES = 10;

export type ChannelService = ReturnType<typeof createChannelService>;

/**
 * Inbound e-mail, whichever way it arrives (the CLI, the SMTP listener, the IMAP poller): kept
 * whole, then turned into a complaint, a message on a case, a bounce, or nothing (auto-replies,
 * loops), under one set of rules.
 */
export function createChannelService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  org: OrgService;
  mail: MailService;
  complaints: ComplaintService;
  /** The org's own addresses (its sender, where it receives, the platform's): mail from them is a loop. */
  ownAddresses: (orgId: string) => Promise<string[]>;
  /** The org that set this address up as its own. */
  orgOfAddress: (address: string) => Promise<string | undefined>;
}) {
  const { db, clock, mail, complaints } = deps;
  const email = complaints.email;

  const hashOf = (parsed: ParsedInbound, text: string) =>
    createHash('sha256')
      .update(`${parsed.from.address ?? ''}\n${parsed.subject}\n${text}`)
      .digest('hex');

  async function threadOf(orgId: string, parsed: ParsedInbound) {
    const quoted = [...parsed.inReplyTo, ...parsed.references.slice().reverse()];
    const byMessageIdId =
      (await mail.complaintOfSentMessage(db, orgId, quoted)) ??
      (await repo.complaintOfReceivedMessage(db, orgId, quoted));
    const byMessageId = byMessageIdId ? await email.mailCase(db, orgId, byMessageIdId) : undefined;
    const reference = subjectReference(parsed.subject);
    const byReference = reference ? await email.mailCaseByReference(orgId, reference) : undefined;
    const toCandidate = (c: MailCase | undefined) =>
      c ? { complaintId: c.id, customerEmail: c.customerEmail } : undefined;
    return decideThread({
      byMessageId: toCandidate(byMessageId),
      byReference: toCandidate(byReference),
      fromAddress: parsed.from.address ?? '',
    });
  }

  return {
    /** The slug of the org whose own address this is (for the SMTP listener's RCPT check). */
    async orgSlugOfAddress(address: string): Promise<string | undefined> {
      const orgId = await deps.orgOfAddress(address);
      return orgId ? (await deps.org.findOrg(db, orgId))?.slug : undefined;
    },

    /** Receives one raw RFC 822 message for the org. */
    async receive(
      orgSlug: string,
      raw: Buffer,
      source: 'cli' | 'smtp' | 'imap',
    ): Promise<ReceiveResult> {
      if (raw.length > MAX_RAW_BYTES) throw new AppError('payload_too_large');
      const found = await deps.org.findOrgBySlug(orgSlug);
      if (!found) throw new AppError('not_found');
      const orgId = found.id;
      const parsed = await parseMail(raw);
      const shown = replyText(parsed.text).shown;
      const contentHash = hashOf(parsed, parsed.text);
      const now = clock.now();

      const duplicate = await repo.findDuplicate(db, orgId, {
        messageId: parsed.messageId,
        contentHash,
        since: new Date(now.getTime() - DUPLICATE_WINDOW_MINUTES * 60_000),
      });
      if (duplicate) return answerFor(orgId, duplicate, true);

      const id = randomUUID();
      // Each of the mail's files as its record keeps it: the case file it became, or why not.
      let files: { attachmentId: string | null; refused: MailFileRefusal['refused'] | null }[] =
        parsed.attachments.map(() => ({ attachmentId: null, refused: null }));
      const record = (
        outcome: InboundOutcome,
        complaintId: string | null,
        related: string | null = null,
      ) => ({
        id,
        orgId,
        messageId: parsed.messageId ?? null,
        contentHash,
        source,
        outcome,
        complaintId,
        relatedComplaintId: related,
        fromAddress: parsed.from.address ?? null,
        fromName: parsed.from.name,
        subject: parsed.subject,
        textFull: parsed.text,
        textShown: shown,
        inReplyTo: parsed.inReplyTo,
        referencesIds: parsed.references,
        attachments: parsed.attachments.map(({ content: _content, ...a }, i) => ({
          ...a,
          ...files[i],
        })),
        raw,
        receivedAt: now,
      });
      const keep = async (
        tx: Tx,
        outcome: InboundOutcome,
        kept: MailCase | null,
        related?: string,
        attached?: MailFiles,
      ) => {
        if (attached) {
          let next = 0;
          files = stored.map((k) =>
            'refused' in k
              ? { attachmentId: null, refused: k.refused }
              : { attachmentId: attached.attachmentIds[next++] ?? null, refused: null },
          );
        }
        await repo.insertInbound(tx, record(outcome, kept?.id ?? null, related ?? null));
        if (kept && parsed.messageId)
          await mail.noteThread(tx, {
            orgId,
            complaintId: kept.id,
            reference: kept.reference,
            messageId: parsed.messageId,
            at: now,
          });
      };

      let stored: (SavedFile | MailFileRefusal)[] = [];
      const saved = () => stored.filter((k): k is SavedFile => !('refused' in k));
      try {
        const kind = classifyInbound(parsed.headers, await deps.ownAddresses(orgId));
        if (kind !== 'customer') {
          await db.transaction().execute(async (tx) => {
            if (kind === 'bounce') {
              const error = shown.slice(0, 2000);
              const bounced = await mail.markBounced(tx, orgId, parsed.reportedMessageIds, error);
              // Staff see it on the case: the customer did not get that mail.
              for (const b of bounced)
                if (b.complaintId)
                  await complaints.addBounced(
                    tx,
                    { orgId, id: b.complaintId },
                    { outgoingId: b.id, to: b.to, subject: b.subject, error: error.slice(0, 500) },
                  );
            }
            await repo.insertInbound(tx, record(kind, null));
          });
          return {
            reference: null,
            complaintId: null,
            created: false,
            messageId: parsed.messageId ?? null,
            outcome: kind,
            inboundId: id,
            isDuplicate: false,
          };
        }
        const decision = await threadOf(orgId, parsed);
        stored = (
          await email.keepMailFiles(
            orgId,
            decision.kind === 'join' ? decision.complaintId : null,
            parsed.attachments,
          )
        ).kept;
        const customerMail: CustomerMail = {
          fromAddress: parsed.from.address ?? '',
          fromName: parsed.from.name,
          subject: parsed.subject,
          text: shown,
          language: detectLanguage(shown) ?? detectLanguage(parsed.subject),
          inboundId: id,
          files: saved(),
        };
        if (decision.kind === 'join') {
          const joined = await email.addEmailReply(
            orgId,
            decision.complaintId,
            customerMail,
            (tx, c, attached) => keep(tx, 'joined', c, undefined, attached),
          );
          return {
            reference: joined.reference,
            complaintId: joined.id,
            created: false,
            messageId: parsed.messageId ?? null,
            outcome: 'joined',
            inboundId: id,
            isDuplicate: false,
          };
        }
        const related = decision.kind === 'new_related' ? decision.relatedComplaintId : undefined;
        const created = await email.createFromEmail(orgId, customerMail, (tx, c, attached) =>
          keep(tx, related ? 'related' : 'created', c, related, attached),
        );
        return {
          reference: created.reference,
          complaintId: created.id,
          created: true,
          messageId: parsed.messageId ?? null,
          outcome: related ? 'related' : 'created',
          inboundId: id,
          isDuplicate: false,
        };
      } catch (error) {
        // Nothing was kept, so neither are its files.
        await email.discardMailFiles(saved());
        // Two deliveries of one message side by side: the second finds the first's.
        if ((error as { code?: string }).code === '23505') {
          const first = await repo.findDuplicate(db, orgId, {
            messageId: parsed.messageId,
            contentHash,
            since: new Date(now.getTime() - DUPLICATE_WINDOW_MINUTES * 60_000),
          });
          if (first) return answerFor(orgId, first, true);
        }
        throw error;
      }
    },

    async getInbound(orgId: string, id: string): Promise<InboundMailView> {
      const found = await repo.findInbound(db, orgId, id);
      if (!found) throw new AppError('not_found');
      return toView(found);
    },

    async listForComplaint(orgId: string, complaintId: string): Promise<InboundMailView[]> {
      if (!(await email.mailCase(db, orgId, complaintId))) throw new AppError('not_found');
      return (await repo.listForComplaint(db, orgId, complaintId)).map(toView);
    },

    async getRaw(orgId: string, id: string): Promise<Buffer> {
      const raw = await repo.findRaw(db, orgId, id);
      if (!raw) throw new AppError('not_found');
      return raw;
    },
  };

  function toView(m: Omit<repo.InboundRecord, 'raw'>): InboundMailView {
    return {
      id: m.id,
      complaintId: m.complaintId,
      relatedComplaintId: m.relatedComplaintId,
      outcome: m.outcome,
      messageId: m.messageId,
      fromAddress: m.fromAddress,
      fromName: m.fromName,
      subject: m.subject,
      textFull: m.textFull,
      textShown: m.textShown,
      attachments: (m.attachments as Partial<InboundMailView['attachments'][number]>[]).map(
        (a) => ({
          filename: a.filename ?? '',
          contentType: a.contentType ?? 'application/octet-stream',
          size: a.size ?? 0,
          isInline: a.isInline ?? false,
          attachmentId: a.attachmentId ?? null,
          refused: a.refused ?? null,
        }),
      ),
      receivedAt: m.receivedAt.toISOString(),
    };
  }

  async function answerFor(
    orgId: string,
    kept: { id: string; messageId: string | null; outcome: string; complaintId: string | null },
    isDuplicate: boolean,
  ): Promise<ReceiveResult> {
    const c = kept.complaintId ? await email.mailCase(db, orgId, kept.complaintId) : undefined;
    return {
      reference: c?.reference ?? null,
      complaintId: c?.id ?? null,
      created: false,
      messageId: kept.messageId,
      outcome: kept.outcome as InboundOutcome,
      inboundId: kept.id,
      isDuplicate,
    };
  }
}
