import type { Executor } from '../../platform/db/index.ts';

// What search needs of task types: the names the cases promised as each type are found by.

/** The distinct task type names of each complaint's commitments. */
export async function taskTypeNamesOf(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (complaintIds.length === 0) return out;
  const rows = await db
    .selectFrom('commitments as m')
    .innerJoin('task_types as t', (join) =>
      join.onRef('t.org_id', '=', 'm.org_id').onRef('t.id', '=', 'm.task_type_id'),
    )
    .select(['m.complaint_id', 't.name', 't.names'])
    .distinct()
    .where('m.org_id', '=', orgId)
    .where('m.complaint_id', 'in', [...new Set(complaintIds)])
    .orderBy('m.complaint_id')
    .orderBy('t.name')
    .execute();
  // A task type is found by its name in every language it has.
  for (const r of rows) {
    const names = new Set(out.get(r.complaint_id) ?? []);
    for (const name of [r.name, ...Object.values(r.names ?? {})]) if (name) names.add(name);
    out.set(r.complaint_id, [...names]);
  }
  return out;
}

/** The complaints with a commitment of this task type, in id order. */
export async function complaintIdsWithTaskType(
  db: Executor,
  orgId: string,
  taskTypeId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('commitments')
    .select('complaint_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('task_type_id', '=', taskTypeId)
    .orderBy('complaint_id')
    .execute();
  return rows.map((r) => r.complaint_id);
}
