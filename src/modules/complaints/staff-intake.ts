import { createHash } from 'node:crypto';
import type { Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { PendingWrite } from '../../platform/db/write-together.ts';
import { AppError } from '../../platform/errors.ts';
import { issueTrackingToken } from '../../platform/tokens.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDetail, CreateComplaintRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { toNewDetail } from './complaints.views.ts';
import type { createIntake } from './intake.ts';
import * as links from './links.repository.ts';
import type { ComplaintQueries } from './queries.ts';

/**
 * What a caller writes with the new case, in its first statement: a call that started it. The
 * `body` is the whole request, so that a retry with the same key and other data is refused.
 */
export type IntakeExtra = {
  body: unknown;
  writes: (tx: Tx, complaintId: string) => PendingWrite[];
};

export type StaffCreate = (
  scope: Scope,
  input: CreateComplaintRequest,
  idempotencyKey?: string,
  extra?: IntakeExtra,
) => Promise<ComplaintDetail & { created: boolean }>;

/** REST and console intake. An Idempotency-Key makes a retried create return the first result. */
export function createStaffIntake(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'org'> & {
    work: CaseWork;
    queries: ComplaintQueries;
    intake: Pick<ReturnType<typeof createIntake>, 'intake' | 'configOf'>;
  },
): { create: StaffCreate } {
  const { db, clock, org, work, queries, intake } = deps;

  const create: StaffCreate = async (scope, input, idempotencyKey, extra) => {
    const requestHash = createHash('sha256')
      .update(JSON.stringify(extra ? extra.body : input))
      .digest('hex');
    const versioned = await org.findOrgVersioned(db, { id: scope.orgId });
    if (!versioned) throw new AppError('not_found');
    const found = versioned.org;
    const config = await intake.configOf(found, versioned.configVersion, input);
    const outcome = await db.transaction().execute(async (tx) => {
      if (idempotencyKey) {
        const claim = await links.claimIdempotencyKey(tx, scope.orgId, idempotencyKey, requestHash);
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new AppError('idempotency_conflict', { field: 'Idempotency-Key' });
          const previous = claim.response as { id: string } | null;
          if (!previous) throw new AppError('conflict');
          // Only hashes of links are kept, so a retry gets a fresh link to the same case.
          const token = issueTrackingToken(scope.orgId);
          await links.insertTrackingLink(tx, scope.orgId, previous.id, token.hash, clock.now());
          return {
            replay: previous.id,
            trackingUrl: work.trackingUrl(token.token),
            created: undefined,
          };
        }
      }
      // The stored answer names the case: its id is chosen before it is written.
      const created = await intake.intake(
        tx,
        found,
        config,
        scope.actor,
        input,
        scope.actor.type === 'api' ? 'api' : 'staff',
        (id) => [
          ...(idempotencyKey
            ? [links.storeIdempotentResponseWrite(tx, scope.orgId, idempotencyKey, { id })]
            : []),
          ...(extra ? extra.writes(tx, id) : []),
        ],
      );
      return { replay: undefined, trackingUrl: created.trackingUrl, created };
    });
    if (outcome.replay !== undefined) {
      const view = await queries.detail(scope.orgId, outcome.replay);
      return {
        ...view,
        complaint: { ...view.complaint, trackingUrl: outcome.trackingUrl },
        created: false,
      };
    }
    const view = toNewDetail(outcome.created.complaint, outcome.created.customer, found.timeZone);
    return {
      ...view,
      complaint: { ...view.complaint, trackingUrl: outcome.trackingUrl },
      created: true,
    };
  };
  return { create };
}
