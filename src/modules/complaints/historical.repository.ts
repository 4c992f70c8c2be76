import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { complaintEvents } from './domain/events.ts';

/** What a re-run of an import compares its row with: the case it made, locked for the row. */
export type ImportedCase = {
  id: string;
  reference: string;
  status: string;
  channel: string;
  customerId: string;
  openedAt: Date;
  description: string;
  reasonId: string | null;
  ownerId: string | null;
  departmentId: string | null;
  /** The case's first fix, from its timeline. */
  fixedAt: Date | null;
};

export async function findImportedCase(
  tx: Tx,
  orgId: string,
  externalId: string,
): Promise<ImportedCase | undefined> {
  const r = await tx
    .selectFrom('complaints as c')
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.channel',
      'c.customer_id',
      'c.created_at',
      'c.description',
      'c.reason_id',
      'c.owner_id',
      'c.committed_department_id',
    ])
    .select(
      sql<Date | null>`(
        SELECT min(e.created_at) FROM complaint_events e
        WHERE e.org_id = c.org_id AND e.complaint_id = c.id AND e.type = ${complaintEvents.fixed}
      )`.as('fixed_at'),
    )
    .where('c.org_id', '=', orgId)
    .where('c.external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        reference: r.reference,
        status: r.status,
        channel: r.channel,
        customerId: r.customer_id,
        openedAt: r.created_at,
        description: r.description,
        reasonId: r.reason_id,
        ownerId: r.owner_id,
        departmentId: r.committed_department_id,
        fixedAt: r.fixed_at,
      }
    : undefined;
}

/** The fields a re-run may change besides the status (which moves through events). */
export async function updateImportedCase(
  tx: Tx,
  orgId: string,
  id: string,
  patch: Partial<{
    description: string;
    reasonId: string | null;
    ownerId: string | null;
    departmentId: string | null;
    status: string;
    closedAt: Date | null;
  }>,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({
      updated_at: at,
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.reasonId !== undefined ? { reason_id: patch.reasonId } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.departmentId !== undefined ? { committed_department_id: patch.departmentId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
