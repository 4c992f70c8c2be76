import './mail.messages.ts';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { MailSettingsView } from './mail.contract.ts';
import type { DkimKey } from './mail.transport.ts';
import * as repo from './senders.repository.ts';

export type MailSenders = ReturnType<typeof createMailSenders>;

/** The DNS TXT value that publishes a key's public half. */
function dkimRecordOf(privateKey: string): string {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${spki.toString('base64')}`;
}

/** A PEM RSA private key nodemailer can sign with, or the refusal that names the field. */
function checkedKey(pem: string): string {
  try {
    const key = createPrivateKey(pem.trim());
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not rsa');
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    // Receivers ignore keys under 1024 bits; 2048 is what they ask for today.
    if (bits < 1024) throw new Error('too short');
    return pem.trim();
  } catch {
    throw invalidField('dkim.privateKey', 'error.dkim_key_invalid');
  }
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);

/**
 * An org's mail under its own name: its sender and DKIM key, and the addresses its customers
 * write to. Without them, mail goes out as the platform's MAIL_FROM and replies come back to
 * `<slug>@<INBOUND_DOMAIN>`.
 */
export function createMailSenders(deps: {
  db: Db;
  clock: Clock;
  platformFrom: string;
  inboundDomain: string | undefined;
  slugOf: (orgId: string) => Promise<string | undefined>;
}) {
  const { db, clock } = deps;

  async function defaultAddress(orgId: string): Promise<string | null> {
    if (!deps.inboundDomain) return null;
    const slug = await deps.slugOf(orgId);
    return slug ? `${slug}@${deps.inboundDomain}` : null;
  }

  async function settings(orgId: string): Promise<MailSettingsView> {
    const [sender, addresses, fallback] = await Promise.all([
      repo.findSender(db, orgId),
      repo.listAddresses(db, orgId),
      defaultAddress(orgId),
    ]);
    return {
      fromName: sender?.fromName ?? null,
      fromAddress: sender?.fromAddress ?? null,
      dkim: sender?.dkim ? { domain: sender.dkim.domain, selector: sender.dkim.selector } : null,
      addresses,
      defaultAddress: fallback,
      platformFrom: deps.platformFrom,
      dkimRecord: sender?.dkim ? dkimRecordOf(sender.dkim.privateKey) : null,
    };
  }

  return {
    settings,

    async update(
      scope: Scope,
      input: {
        fromName: string | null;
        fromAddress: string | null;
        /** Left out: the stored key stays as it is; null: no more signing. */
        dkim?: { domain: string; selector: string; privateKey?: string | undefined } | null;
      },
    ): Promise<MailSettingsView> {
      const before = await repo.findSender(db, scope.orgId);
      let dkim: DkimKey | null = input.dkim === undefined ? (before?.dkim ?? null) : null;
      if (input.dkim) {
        const kept = before?.dkim?.privateKey;
        if (!input.dkim.privateKey && !kept)
          throw invalidField('dkim.privateKey', 'field.required');
        dkim = {
          domain: input.dkim.domain,
          selector: input.dkim.selector,
          privateKey: input.dkim.privateKey ? checkedKey(input.dkim.privateKey) : kept!,
        };
        // A receiver's DMARC check passes only when the signing domain is the sender's own
        // domain or a parent of it.
        const from = input.fromAddress ? domainOf(input.fromAddress.toLowerCase()) : undefined;
        if (!from || (from !== dkim.domain && !from.endsWith(`.${dkim.domain}`)))
          throw invalidField('dkim.domain', 'error.dkim_not_aligned');
      } else if (dkim) {
        const from = input.fromAddress ? domainOf(input.fromAddress.toLowerCase()) : undefined;
        if (!from || (from !== dkim.domain && !from.endsWith(`.${dkim.domain}`)))
          throw invalidField('fromAddress', 'error.dkim_not_aligned');
      }
      const fromName = input.fromName?.trim() || null;
      const fromAddress = input.fromAddress?.toLowerCase() ?? null;
      await db.transaction().execute(async (tx) => {
        await repo.saveSender(tx, scope.orgId, { fromName, fromAddress, dkim }, clock.now());
        const shown = (
          s:
            | { fromName: string | null; fromAddress: string | null; dkim: DkimKey | null }
            | undefined,
        ) =>
          s && {
            fromName: s.fromName,
            fromAddress: s.fromAddress,
            dkim: s.dkim ? { domain: s.dkim.domain, selector: s.dkim.selector } : null,
            // Which key, never the key: a change of key shows as a new record.
            dkimRecord: s.dkim ? dkimRecordOf(s.dkim.privateKey).slice(-16) : null,
          };
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'mail_settings.updated',
          entityType: 'mail_settings',
          entityId: scope.orgId,
          before: shown(before) ?? null,
          after: shown({ fromName, fromAddress, dkim }),
        });
      });
      return settings(scope.orgId);
    },

    async addAddress(scope: Scope, raw: string): Promise<MailSettingsView> {
      const address = raw.trim().toLowerCase();
      if (deps.inboundDomain && domainOf(address) === deps.inboundDomain) {
        // The platform's own domain hands out `<slug>@` and `<slug>+tag@` only: nobody can
        // claim another org's name there.
        const slug = await deps.slugOf(scope.orgId);
        const local = address.slice(0, address.lastIndexOf('@'));
        if (!slug || (local !== slug && !local.startsWith(`${slug}+`)))
          throw invalidField('address', 'error.address_reserved', { slug: slug ?? '' });
      }
      await db.transaction().execute(async (tx) => {
        if (!(await repo.insertAddress(tx, scope.orgId, address, clock.now())))
          throw new AppError('conflict', { field: 'address', messageKey: 'error.address_taken' });
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'mail_address.added',
          entityType: 'mail_address',
          entityId: address,
        });
      });
      return settings(scope.orgId);
    },

    async removeAddress(scope: Scope, raw: string): Promise<MailSettingsView> {
      const address = raw.trim().toLowerCase();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.deleteAddress(tx, scope.orgId, address))) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'mail_address.removed',
          entityType: 'mail_address',
          entityId: address,
        });
      });
      return settings(scope.orgId);
    },

    /** Who customer mail of the org is from, and the key that signs it. */
    async senderFor(orgId: string): Promise<{ from?: string; dkim?: DkimKey }> {
      const sender = await repo.findSender(db, orgId);
      if (!sender?.fromAddress) return {};
      const name = sender.fromName?.replace(/["\\\r\n]/g, '');
      return {
        from: name ? `"${name}" <${sender.fromAddress}>` : sender.fromAddress,
        ...(sender.dkim ? { dkim: sender.dkim } : {}),
      };
    },

    /** Where a customer's reply goes: the org's first address, else its default one. */
    async replyTo(orgId: string): Promise<string | undefined> {
      const [first] = await repo.listAddresses(db, orgId);
      return first ?? (await defaultAddress(orgId)) ?? undefined;
    },

    /** The org whose address this is, for the SMTP listener's RCPT check. */
    orgOfAddress: (address: string) => repo.orgOfAddress(db, address),

    /** Every address of the org (its sender and where it receives): mail from them is a loop. */
    async ownAddresses(orgId: string): Promise<string[]> {
      const [sender, addresses, fallback] = await Promise.all([
        repo.findSender(db, orgId),
        repo.listAddresses(db, orgId),
        defaultAddress(orgId),
      ]);
      return [sender?.fromAddress, ...addresses, fallback].filter((a): a is string => Boolean(a));
    },
  };
}
