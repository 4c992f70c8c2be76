import type { Actor } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { customerActor, type CaseWork } from './case-work.ts';
import type { CreateComplaintRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';
import { complaintEvents } from './domain/events.ts';
import type { EarlyEscalation } from './early-escalation.ts';
import type { createIntake } from './intake.ts';
import type { SavedFile, Uploads } from './uploads.ts';

/** The longest description a mail gives a case; the whole message stays with the mail. */
const DESCRIPTION_MAX = 20_000;

/** A case as the mail pipeline sees it: enough to thread a reply and to check its sender. */
export type MailCase = { id: string; reference: string; customerEmail: string | null };

export type CustomerMail = {
  fromAddress: string;
  fromName: string;
  subject: string;
  /** What the customer wrote, without the quoted thread. */
  text: string;
  language: Language | undefined;
  /** The inbound message's id, kept on the event so the original can be opened from it. */
  inboundId: string;
  /** The mail's files, already checked and stored (`keepMailFiles`); they become the case's. */
  files: SavedFile[];
};

/** What a mail's files became: the case's attachment ids, in the order of `CustomerMail.files`. */
export type MailFiles = { attachmentIds: string[] };

function descriptionOf(mail: CustomerMail): string {
  const subject = mail.subject.replace(
    /^\s*((re|fw|fwd|aw|tr|sv|回复|答复|转发)\s*[:：]\s*)+/iu,
    '',
  );
  const parts = [subject.trim(), mail.text.trim()].filter((part) => part.length > 0);
  const joined = [...new Set(parts)].join('\n\n');
  return (joined.length > 0 ? joined : '—').slice(0, DESCRIPTION_MAX);
}

/**
 * Step 1 for mail: a customer's mail becomes a complaint (channel e-mail, the customer matched
 * by address as the public form matches, anonymous input adding and never overwriting), or
 * joins their case as a message. The caller's work (keeping the mail) runs in the same
 * transaction, so a mail is kept if and only if what it caused is.
 */
export function createEmailIntake(
  deps: Pick<ComplaintDeps, 'db' | 'org' | 'customers'> & {
    intake: Pick<ReturnType<typeof createIntake>, 'intake' | 'configOf'>;
    work: CaseWork;
    escalation: EarlyEscalation;
    uploads: Uploads;
  },
) {
  const { db, org, customers, intake, work, escalation, uploads } = deps;

  async function mailCase(
    executor: Executor,
    orgId: string,
    id: string,
  ): Promise<MailCase | undefined> {
    const complaint = await repo.findComplaint(executor, orgId, id);
    if (!complaint) return undefined;
    const customer = await customers.findCustomer(executor, orgId, complaint.customerId);
    return {
      id: complaint.id,
      reference: complaint.reference,
      customerEmail: complaint.contactEmail ?? customer?.email ?? null,
    };
  }

  return {
    mailCase,

    /** Checks and stores a mail's files before its case is written; see `Uploads.keepMailFiles`. */
    keepMailFiles: uploads.keepMailFiles,
    /** Removes stored files whose mail was not kept after all. */
    discardMailFiles: uploads.discard,

    async mailCaseByReference(orgId: string, reference: string): Promise<MailCase | undefined> {
      const id = await repo.findIdByReference(db, orgId, reference);
      return id ? mailCase(db, orgId, id) : undefined;
    },

    async createFromEmail(
      orgId: string,
      mail: CustomerMail,
      within: (tx: Tx, created: MailCase, files: MailFiles) => Promise<void>,
    ): Promise<MailCase> {
      const versioned = await org.findOrgVersioned(db, { id: orgId });
      if (!versioned) throw new AppError('not_found');
      const found = versioned.org;
      const name = mail.fromName.trim() || (mail.fromAddress.split('@')[0] ?? mail.fromAddress);
      const actor: Actor = { type: 'customer', id: null, name: name.slice(0, 200) };
      const request: CreateComplaintRequest = {
        customer: {
          name: name.slice(0, 200),
          email: mail.fromAddress,
          phone: null,
          ...(mail.language ? { preferredLanguage: mail.language } : {}),
        },
        channel: 'email',
        reasonId: null,
        severity: 'medium',
        description: descriptionOf(mail),
        ...(mail.language ? { language: mail.language } : {}),
      };
      const config = await intake.configOf(found, versioned.configVersion, request);
      return db.transaction().execute(async (tx) => {
        const result = await intake.intake(tx, found, config, actor, request, 'inbound');
        const created = {
          id: result.complaint.id,
          reference: result.complaint.reference,
          customerEmail: mail.fromAddress,
        };
        const attached = await uploads.attach(tx, result.complaint, actor, mail.files, true);
        await within(tx, created, { attachmentIds: attached.map((a) => a.id) });
        return created;
      });
    },

    /** The customer writes again by mail: a message on their case, as a portal reply is. */
    async addEmailReply(
      orgId: string,
      complaintId: string,
      mail: CustomerMail,
      within: (tx: Tx, joined: MailCase, files: MailFiles) => Promise<void>,
    ): Promise<MailCase> {
      return work.change(orgId, complaintId, async (tx, complaint) => {
        const { customer } = await work.customerAndOrg(tx, complaint);
        const actor = customerActor(customer);
        await work.addEvent(tx, complaint, actor, complaintEvents.messageReceived, 'public', {
          body: mail.text.slice(0, DESCRIPTION_MAX) || '—',
          via: 'email',
          subject: mail.subject.slice(0, 500),
          inboundId: mail.inboundId,
        });
        const attached = await uploads.attach(tx, complaint, actor, mail.files, true);
        await escalation.check(tx, complaint);
        if (complaint.status === 'waiting_customer')
          await work.transition(tx, complaint, actor, 'in_progress', null);
        const joined = {
          id: complaint.id,
          reference: complaint.reference,
          customerEmail: complaint.contactEmail ?? customer.email ?? null,
        };
        await within(tx, joined, { attachmentIds: attached.map((a) => a.id) });
        return joined;
      });
    },
  };
}
