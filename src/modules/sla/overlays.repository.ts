import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { SlaOverlaysTable } from '../../platform/db/schema.ts';
import type { DayCount, Overlay } from './domain/index.ts';

// The regulatory overlays an org switched on: one row per org and preset.

const toOverlay = (r: Selectable<SlaOverlaysTable>): Overlay => ({
  preset: r.preset,
  calendarId: r.calendar_id,
  targets: (r.targets ?? {}) as Overlay['targets'],
  dayCount: r.day_count as DayCount | null,
  active: r.is_active,
});

/** The org's overlays, switched on or off, in preset-code order. */
export async function listOverlays(db: Executor, orgId: string): Promise<Overlay[]> {
  const rows = await db
    .selectFrom('sla_overlays')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('preset')
    .execute();
  return rows.map(toOverlay);
}

export async function findOverlay(
  db: Executor,
  orgId: string,
  preset: string,
): Promise<Overlay | undefined> {
  const r = await db
    .selectFrom('sla_overlays')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('preset', '=', preset)
    .executeTakeFirst();
  return r ? toOverlay(r) : undefined;
}

/** Creates or replaces the org's overlay of one preset. */
export async function saveOverlay(tx: Tx, orgId: string, o: Overlay, at: Date): Promise<Overlay> {
  const columns = {
    calendar_id: o.calendarId,
    targets: JSON.stringify(o.targets),
    day_count: o.dayCount,
    is_active: o.active,
    updated_at: at,
  };
  const r = await tx
    .insertInto('sla_overlays')
    .values({ org_id: orgId, preset: o.preset, created_at: at, ...columns })
    .onConflict((oc) => oc.columns(['org_id', 'preset']).doUpdateSet(columns))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOverlay(r);
}
