import { invalidField } from '../../platform/errors.ts';
import { languages, type Language } from '../../platform/i18n.ts';
import type { OrgView } from '../org/index.ts';
import type { CreateComplaintRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as followUps from './follow-ups.repository.ts';

export function createIntakeConfig(
  deps: Pick<ComplaintDeps, 'db' | 'reasons' | 'sla' | 'templates' | 'configCache' | 'webhooks'>,
) {
  const { db, reasons, sla, templates, configCache, webhooks } = deps;

  /**
   * What intake reads of an org besides the org itself: its reason, its thank-you template and
   * its clock configuration, kept per process while the org's configuration version holds.
   * Read before the transaction opens, so no request holds a connection while it waits for
   * another.
   */
  return async function configOf(found: OrgView, version: string, input: CreateComplaintRequest) {
    const cached = <T>(key: string, load: () => Promise<T>) =>
      configCache.get(found.id, version, key, load);
    const reasonId = input.reasonId;
    const reason = reasonId
      ? await cached(`reason:${reasonId}`, () => reasons.find(db, found.id, reasonId))
      : undefined;
    if (input.reasonId && !reason) throw invalidField('reasonId');
    const clockConfig = await cached('clocks', () => sla.clockConfig(db, found.id));
    // The language is known only once the customer is matched, inside the transaction: the
    // thank-you of every language is at hand before it opens.
    const thankYous = await cached('template:thank', async () => {
      const picked = await Promise.all(
        languages.map((l) => templates.pick(db, found.id, 'thank', l)),
      );
      return new Map(languages.map((l, i) => [l, picked[i]]));
    });
    const { escalation } = await cached('follow-ups', () => followUps.findSettings(db, found.id));
    // The endpoints that hear of new cases: subscribing or switching one moves the version.
    const subscriptions = await cached('webhooks', () => webhooks.listSubscriptions(db, found.id));
    return {
      reason,
      clockConfig,
      webhooks: subscriptions,
      escalation,
      thankYou: (language: Language) => thankYous.get(language),
    };
  };
}

export type IntakeConfig = Awaited<ReturnType<ReturnType<typeof createIntakeConfig>>>;
