import type { Executor, Tx } from '../../platform/db/index.ts';
import { userNameOf } from '../org/index.ts';
import type { CallDirection, CallOutcome } from './domain/calls.ts';

export type Call = {
  id: string;
  orgId: string;
  complaintId: string;
  direction: CallDirection;
  phone: string;
  startedAt: Date;
  durationSeconds: number;
  outcome: CallOutcome;
  notes: string;
  recordingId: string | null;
  loggedByType: 'user' | 'api' | 'system';
  loggedById: string | null;
  loggedByName: string | null;
  createdAt: Date;
};

export type NewCall = Omit<Call, 'id' | 'recordingId' | 'loggedByName'>;

const selectCalls = (db: Executor, orgId: string) =>
  db
    .selectFrom('calls as c')
    .selectAll('c')
    .select((eb) => userNameOf(eb.ref('c.org_id'), eb.ref('c.logged_by_id')).as('logged_by_name'))
    .where('c.org_id', '=', orgId);

type Row = Awaited<ReturnType<ReturnType<typeof selectCalls>['executeTakeFirstOrThrow']>>;

const toCall = (r: Row): Call => ({
  id: r.id,
  orgId: r.org_id,
  complaintId: r.complaint_id,
  direction: r.direction as CallDirection,
  phone: r.phone,
  startedAt: r.started_at,
  durationSeconds: r.duration_seconds,
  outcome: r.outcome as CallOutcome,
  notes: r.notes,
  recordingId: r.recording_id,
  loggedByType: r.logged_by_type as Call['loggedByType'],
  loggedById: r.logged_by_id,
  loggedByName: r.logged_by_name ?? null,
  createdAt: r.created_at,
});

const callRow = (call: NewCall) => ({
  org_id: call.orgId,
  complaint_id: call.complaintId,
  direction: call.direction,
  phone: call.phone,
  started_at: call.startedAt,
  duration_seconds: call.durationSeconds,
  outcome: call.outcome,
  notes: call.notes,
  logged_by_type: call.loggedByType,
  logged_by_id: call.loggedById,
  created_at: call.createdAt,
});

export async function insertCall(tx: Tx, call: NewCall): Promise<string> {
  const r = await tx
    .insertInto('calls')
    .values(callRow(call))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The insert of a call whose id is chosen beforehand, for a statement that writes the case too. */
export const insertCallWrite = (tx: Tx, call: NewCall & { id: string }) =>
  tx.insertInto('calls').values({ id: call.id, ...callRow(call) });

export async function findCall(db: Executor, orgId: string, id: string): Promise<Call | undefined> {
  const r = await selectCalls(db, orgId).where('c.id', '=', id).executeTakeFirst();
  return r ? toCall(r) : undefined;
}

/** Locks the call's row, so two recordings sent at once cannot both attach. */
export async function lockCall(tx: Tx, orgId: string, id: string): Promise<Call | undefined> {
  const r = await selectCalls(tx, orgId).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
  return r ? toCall(r) : undefined;
}

export async function listCalls(db: Executor, orgId: string, complaintId: string): Promise<Call[]> {
  const rows = await selectCalls(db, orgId)
    .where('c.complaint_id', '=', complaintId)
    .orderBy('c.started_at')
    .orderBy('c.created_at')
    .execute();
  return rows.map(toCall);
}

export async function setRecording(
  tx: Tx,
  orgId: string,
  id: string,
  recordingId: string,
): Promise<void> {
  await tx
    .updateTable('calls')
    .set({ recording_id: recordingId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
