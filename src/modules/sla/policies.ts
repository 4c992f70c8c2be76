import type { Db, Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn } from '../../platform/contract/names.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { OrgService } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import type { PolicyInput, PolicyView, SlaDefaults } from './sla.contract.ts';
import { defaultCalendar, standardPolicy } from './sla.defaults.ts';
import { namingOf } from './naming.ts';
import { clocksStale } from './sla.jobs.ts';
import * as repo from './sla.repository.ts';

/** A policy as the reader sees it: its name in their language (else the org's default one). */
export const localised = (p: PolicyView, lang: Language): PolicyView => ({
  ...p,
  name: nameIn(p.names, lang, p.name),
});

/**
 * When each target of `targets` was switched on: kept from `before` for a target that stays
 * (its amount may change), `at` for one switched on now; a target switched off is forgotten.
 */
export function targetsSinceOf(
  targets: PolicyInput['targets'],
  before: PolicyView['targetsSince'],
  at: Date,
): PolicyView['targetsSince'] {
  const since: PolicyView['targetsSince'] = {};
  for (const kind of Object.keys(targets) as (keyof PolicyInput['targets'])[])
    if (targets[kind] !== undefined) since[kind] = before[kind] ?? at.toISOString();
  return since;
}

/** SLA policies (the operational targets per kind of complaint) and the defaults. */
export function createPolicies(deps: {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  org: OrgService;
  reasons: ReasonService;
}) {
  const { db, clock, jobs, org, reasons } = deps;

  /** The policy's calendar and the reasons it matches must be the org's own. */
  async function assertRefs(tx: Tx, orgId: string, input: PolicyInput) {
    if (!(await repo.findCalendar(tx, orgId, input.calendarId))) throw invalidField('calendarId');
    for (const [i, reasonId] of input.match.reasonIds.entries())
      if (!(await reasons.find(tx, orgId, reasonId))) throw invalidField(`match.reasonIds.${i}`);
  }

  async function create(
    tx: Tx,
    orgId: string,
    actor: Actor,
    input: PolicyInput,
    options: { hasOpenWork: boolean } = { hasOpenWork: true },
  ): Promise<PolicyView> {
    await assertRefs(tx, orgId, input);
    const { naming } = await namingOf(tx, org, orgId, input);
    const targetsSince = targetsSinceOf(input.targets, {}, clock.now());
    const created = await repo.insertPolicy(tx, orgId, { ...input, ...naming, targetsSince });
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'policy.created',
      entityType: 'sla_policy',
      entityId: created.id,
      after: input,
    });
    // A new policy may match open cases; a new org has none, so nothing is stale there.
    if (options.hasOpenWork) await jobs.enqueue(tx, clocksStale, { orgId });
    return created;
  }

  const createPolicy = async (orgId: string, actor: Actor, input: PolicyInput, lang: Language) =>
    localised(await db.transaction().execute((tx) => create(tx, orgId, actor, input)), lang);

  return {
    listPolicies: async (orgId: string, lang: Language) =>
      (await repo.listPolicies(db, orgId)).map((p) => localised(p, lang)),
    /** In the caller's transaction: provisioning makes the default policies with a new org. */
    createPolicyIn: create,
    createPolicy,

    async updatePolicy(
      orgId: string,
      actor: Actor,
      id: string,
      input: PolicyInput,
      lang: Language,
    ): Promise<PolicyView> {
      return db.transaction().execute(async (tx) => {
        const before = await repo.findPolicy(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        await assertRefs(tx, orgId, input);
        const { naming } = await namingOf(tx, org, orgId, input, before.names);
        const targetsSince = targetsSinceOf(input.targets, before.targetsSince, clock.now());
        const after = await repo.updatePolicy(
          tx,
          orgId,
          id,
          { ...input, ...naming, targetsSince },
          clock.now(),
        );
        if (!after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'policy.updated',
          entityType: 'sla_policy',
          entityId: id,
          before,
          after,
        });
        await jobs.enqueue(tx, clocksStale, { orgId });
        return localised(after, lang);
      });
    },

    /** What a new calendar and a new policy start from, in the org's time zone. */
    async defaults(orgId: string): Promise<SlaDefaults> {
      const calendar = defaultCalendar((await org.getOrg(orgId)).timeZone);
      return { calendar: { ...calendar, isDefault: false }, policy: standardPolicy };
    },
  };
}
