import type { Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';

export type AuditEntry = {
  orgId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one line to the audit trail, in the caller's transaction. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_type: entry.actor.type === 'customer' ? 'system' : entry.actor.type,
      actor_id: entry.actor.id,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export type AuditView = {
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
};

export async function listAudit(
  executor: Executor,
  orgId: string,
  filter: { entityType?: string; entityId?: string; limit: number },
): Promise<AuditView[]> {
  let query = executor.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    createdAt: r.created_at.toISOString(),
  }));
}
