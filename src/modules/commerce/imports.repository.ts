import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { ImportRowResult } from './commerce.contract.ts';
import type { ColumnMapping, ImportKind } from './domain/mapping.ts';

export type ImportRecord = {
  id: string;
  orgId: string;
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  columns: string[];
  mapping: ColumnMapping;
  language: 'vi' | 'en' | 'zh';
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  totalRows: number;
  rowsDone: number;
  counts: { created: number; updated: number; unchanged: number; refused: number };
  refusals: ImportRowResult[];
  failure: string | null;
  /** The user who uploaded the file: the rows are brought in in their name. */
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** The refused rows an import keeps for its summary; the count goes on past them. */
export const KEPT_REFUSALS = 200;

const columns = [
  'id',
  'org_id',
  'kind',
  'file_name',
  'file_format',
  'columns',
  'mapping',
  'language',
  'status',
  'total_rows',
  'rows_done',
  'created_count',
  'updated_count',
  'unchanged_count',
  'refused_count',
  'refusals',
  'failure',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
] as const;

type Row = {
  id: string;
  org_id: string;
  kind: string;
  file_name: string;
  file_format: string;
  columns: unknown;
  mapping: unknown;
  language: string;
  status: string;
  total_rows: number;
  rows_done: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  refused_count: number;
  refusals: unknown;
  failure: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const toImport = (r: Row): ImportRecord => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind as ImportKind,
  fileName: r.file_name,
  format: r.file_format as ImportRecord['format'],
  columns: r.columns as string[],
  mapping: r.mapping as ColumnMapping,
  language: r.language as ImportRecord['language'],
  status: r.status as ImportRecord['status'],
  totalRows: r.total_rows,
  rowsDone: r.rows_done,
  counts: {
    created: r.created_count,
    updated: r.updated_count,
    unchanged: r.unchanged_count,
    refused: r.refused_count,
  },
  refusals: r.refusals as ImportRowResult[],
  failure: r.failure,
  createdBy: r.created_by,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export async function insertImport(
  db: Executor,
  orgId: string,
  i: Pick<
    ImportRecord,
    'kind' | 'fileName' | 'format' | 'columns' | 'mapping' | 'language' | 'totalRows'
  > & { content: Buffer; createdBy: string | null },
  at: Date,
): Promise<ImportRecord> {
  const r = await db
    .insertInto('imports')
    .values({
      org_id: orgId,
      kind: i.kind,
      file_name: i.fileName,
      file_format: i.format,
      content: i.content,
      columns: JSON.stringify(i.columns),
      mapping: JSON.stringify(i.mapping),
      language: i.language,
      status: 'uploaded',
      total_rows: i.totalRows,
      created_by: i.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toImport(r);
}

export async function findImport(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ImportRecord | undefined> {
  const r = await db
    .selectFrom('imports')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toImport(r) : undefined;
}

export async function contentOf(db: Executor, orgId: string, id: string): Promise<Buffer> {
  const r = await db
    .selectFrom('imports')
    .select('content')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.content;
}

export async function listImports(db: Executor, orgId: string): Promise<ImportRecord[]> {
  const rows = await db
    .selectFrom('imports')
    .select(columns)
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map(toImport);
}

export async function setMapping(
  db: Executor,
  orgId: string,
  id: string,
  mapping: ColumnMapping,
  at: Date,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({ mapping: JSON.stringify(mapping), updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Moves an import to a status; false when it was not in one of `from` (someone else moved it). */
export async function moveStatus(
  db: Executor,
  orgId: string,
  id: string,
  from: readonly ImportRecord['status'][],
  to: ImportRecord['status'],
  at: Date,
  failure: string | null = null,
): Promise<boolean> {
  const r = await db
    .updateTable('imports')
    .set((eb) => ({
      status: to,
      updated_at: at,
      failure,
      ...(to === 'running' ? { started_at: eb.fn.coalesce('started_at', eb.val(at)) } : {}),
      ...(to === 'done' || to === 'failed' ? { finished_at: at } : {}),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The rows done so far, holding the import for this batch's transaction. */
export async function lockProgress(tx: Tx, orgId: string, id: string): Promise<number> {
  const r = await tx
    .selectFrom('imports')
    .select('rows_done')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return r.rows_done;
}

/** A batch's progress, in the batch's transaction: the rows and their counts commit together. */
export async function recordProgress(
  tx: Tx,
  orgId: string,
  id: string,
  p: {
    rowsDone: number;
    counts: ImportRecord['counts'];
    refusals: ImportRowResult[];
  },
  at: Date,
): Promise<void> {
  await tx
    .updateTable('imports')
    .set((eb) => ({
      rows_done: p.rowsDone,
      created_count: eb('created_count', '+', p.counts.created),
      updated_count: eb('updated_count', '+', p.counts.updated),
      unchanged_count: eb('unchanged_count', '+', p.counts.unchanged),
      refused_count: eb('refused_count', '+', p.counts.refused),
      ...(p.refusals.length > 0
        ? {
            refusals: sql<string>`jsonb_path_query_array(refusals || ${JSON.stringify(p.refusals)}::jsonb, ${`$[0 to ${KEPT_REFUSALS - 1}]`}::jsonpath)`,
          }
        : {}),
      updated_at: at,
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
