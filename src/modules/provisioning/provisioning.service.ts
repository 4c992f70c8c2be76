import type { Db, Tx } from '../../platform/db/index.ts';
import { systemActor } from '../../platform/actor.ts';
import type { OrgService, OrgView } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import { defaultCalendar, defaultPolicies, type SlaService } from '../sla/index.ts';
import type { TemplateService } from '../templates/index.ts';
import { defaultReasons, type ReasonSeed } from './domain/default-reasons.ts';

export type ProvisioningService = ReturnType<typeof createProvisioningService>;

/**
 * A new org, ready to use: the org itself, the message templates in three languages, a starting
 * reason taxonomy, the default business calendar and the default policies. One transaction:
 * an org exists whole or not at all.
 */
export function createProvisioningService(deps: {
  db: Db;
  org: OrgService;
  templates: TemplateService;
  reasons: ReasonService;
  sla: SlaService;
}) {
  const { db, org, templates, reasons, sla } = deps;

  async function addReasons(
    tx: Tx,
    orgId: string,
    seeds: readonly ReasonSeed[],
    parentId: string | null,
  ) {
    let order = 0;
    for (const seed of seeds) {
      const reason = await reasons.createIn(tx, orgId, systemActor, {
        parentId,
        code: seed.code,
        names: { vi: seed.vi, en: seed.en, zh: seed.zh },
        active: true,
        sortOrder: order++,
      });
      if (seed.children) await addReasons(tx, orgId, seed.children, reason.id);
    }
  }

  return {
    async provisionOrg(input: {
      slug: string;
      name: string;
      referencePrefix?: string;
      defaultLanguage?: string;
      timeZone?: string;
    }): Promise<OrgView> {
      return db.transaction().execute(async (tx) => {
        const created = await org.createOrg(tx, input);
        await templates.installDefaults(tx, created.id);
        await addReasons(tx, created.id, defaultReasons, null);
        const calendar = await sla.createCalendarIn(
          tx,
          created.id,
          systemActor,
          defaultCalendar(created.timeZone),
        );
        for (const policy of defaultPolicies)
          await sla.createPolicyIn(
            tx,
            created.id,
            systemActor,
            { ...policy, calendarId: calendar.id },
            { hasOpenWork: false },
          );
        return created;
      });
    },
  };
}
