import type { Readable } from 'node:stream';
import { systemActor, type Actor, type Scope } from '../../platform/actor.ts';
import { AppError, invalidField, type FieldProblem } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import type { JobRun } from '../../platform/jobs/index.ts';
import type { FieldLabels } from '../../platform/contract/labels.ts';
import type { DryRunResult, ImportRowResult, ImportView, RowStatus } from './commerce.contract.ts';
import type { CommerceDeps } from './commerce.deps.ts';
import {
  columnNames,
  findHeaderRow,
  importFields,
  missingFields,
  proposeMapping,
  type ColumnMapping,
  type ImportKind,
} from './domain/mapping.ts';
import { fileRowToInput } from './domain/rows.ts';
import { cellText, isBlankCell, type CellValue } from './domain/values.ts';
import { IMPORT_MAX_ROWS, readRows } from './imports.files.ts';
import * as repo from './imports.repository.ts';
import { runImport } from './commerce.jobs.ts';
import type { createRowWriter, RowSetting } from './rows.ts';

/** Rows per transaction of a real run: its progress commits with them. */
const BATCH = 200;
/** A dry run looks at the first rows of a long file (it writes nothing, so it is repeatable). */
const DRY_RUN_ROWS = 2000;
/** The rows of a dry run shown on the page: every refused one first, then the others. */
const DRY_RUN_SHOWN = 500;

type Sheet = { columns: string[]; data: CellValue[][]; firstRow: number };

/** The header and data rows of a file: the header is the row that names the most known fields. */
async function sheetOf(content: Buffer, kind: ImportKind) {
  const { format, rows } = await readRows(content);
  const headerAt = findHeaderRow(rows, kind);
  const header = rows[headerAt] ?? [];
  const data = rows.slice(headerAt + 1).filter((r) => r.some((c) => !isBlankCell(c)));
  const width = Math.max(header.length, ...data.slice(0, 100).map((r) => r.length));
  const columns = columnNames([...header, ...Array<CellValue>(width - header.length).fill(null)]);
  // Line numbers as the file shows them: the header's line, then one per row.
  return { format, sheet: { columns, data, firstRow: headerAt + 2 } satisfies Sheet };
}

class DryRunDone extends Error {}

export function createImports(
  deps: CommerceDeps & {
    rows: ReturnType<typeof createRowWriter>;
    settingOf(
      orgId: string,
      lang: Language,
      source: 'api' | 'import',
    ): Promise<Omit<RowSetting, 'labels'>>;
  },
) {
  const { db, clock, jobs, rows, settingOf } = deps;

  async function getImport(orgId: string, id: string) {
    const found = await repo.findImport(db, orgId, id);
    if (!found) throw new AppError('not_found');
    return found;
  }

  /** The uploader, in whose name the job writes (an imported complaint's audit trail). */
  async function importerOf(i: repo.ImportRecord): Promise<Actor> {
    const user = i.createdBy ? await deps.org.findUser(db, i.orgId, i.createdBy) : undefined;
    return user ? { type: 'user', id: user.id, name: user.name } : systemActor;
  }

  function viewOf(i: repo.ImportRecord, sample: string[][] = []): ImportView {
    const now = clock.now().getTime();
    const elapsed = i.startedAt ? (now - i.startedAt.getTime()) / 1000 : 0;
    const isRunning = i.status === 'running' || i.status === 'queued';
    return {
      id: i.id,
      kind: i.kind,
      fileName: i.fileName,
      format: i.format,
      status: i.status,
      columns: i.columns,
      mapping: i.mapping,
      fields: Object.keys(importFields[i.kind]),
      missing: missingFields(i.mapping, i.kind),
      sample,
      totalRows: i.totalRows,
      rowsDone: i.rowsDone,
      counts: i.counts,
      refusals: i.refusals,
      etaSeconds:
        isRunning && i.rowsDone > 0 && elapsed > 0
          ? Math.round((elapsed / i.rowsDone) * (i.totalRows - i.rowsDone))
          : null,
      failure: i.failure,
      createdAt: i.createdAt.toISOString(),
      startedAt: i.startedAt?.toISOString() ?? null,
      finishedAt: i.finishedAt?.toISOString() ?? null,
    };
  }

  /** The file's column names stand for the fields they fill, in every language. */
  function labelsOf(columns: readonly string[], mapping: ColumnMapping): FieldLabels {
    const labels: Record<string, { vi: string; en: string; zh: string }> = {};
    mapping.forEach((field, i) => {
      if (field === null) return;
      const name = columns[i]!;
      labels[field] = { vi: name, en: name, zh: name };
      if (field === 'amount') {
        labels.amountMinor = labels.amount!;
        if (!mapping.includes('currency')) labels.currency = labels.amount!;
      }
    });
    return labels;
  }

  function checkMapping(i: repo.ImportRecord, mapping: ColumnMapping) {
    if (mapping.length !== i.columns.length)
      throw invalidField('mapping', 'import.bad_mapping', { count: i.columns.length });
    const known = new Set(Object.keys(importFields[i.kind]));
    const seen = new Set<string>();
    for (const [k, field] of mapping.entries()) {
      if (field === null) continue;
      if (!known.has(field) || seen.has(field))
        throw invalidField(`mapping.${k}`, 'field.invalid_option', {
          options: [...known].join(', '),
        });
      seen.add(field);
    }
    const missing = missingFields(mapping, i.kind);
    if (missing.length > 0)
      throw invalidField('mapping', 'import.missing_field', { name: missing.join(', ') });
  }

  /** Runs rows `from`..`to` of the sheet in the transaction; what each row became. */
  async function applyRows(
    tx: Parameters<typeof rows.apply>[0],
    setting: RowSetting,
    i: repo.ImportRecord,
    sheet: Sheet,
    from: number,
    to: number,
  ): Promise<(ImportRowResult & { status: RowStatus })[]> {
    const items = sheet.data.slice(from, to).map((cells) => {
      const { input, problems } = fileRowToInput(i.kind, cells, i.mapping, {
        timeZone: setting.timeZone,
        country: setting.country,
        defaultCurrency: 'VND',
      });
      const pre: FieldProblem[] = problems.map((p) => ({
        field: p.field,
        messageKey: p.messageKey,
        params: { value: cellText(cells[i.mapping.indexOf(p.field)] ?? null).slice(0, 100) },
      }));
      return { row: input, pre };
    });
    const answers = await rows.applyAll(tx, setting, i.kind, items);
    return answers.map((answer, k) => {
      const id = items[k]!.row.externalId;
      return {
        row: sheet.firstRow + from + k,
        externalId: typeof id === 'string' ? id : null,
        ...answer,
      };
    });
  }

  return {
    /** Takes a file: reads its header, proposes a mapping, keeps it for the runs. */
    async upload(
      scope: Scope,
      lang: Language,
      parts: AsyncIterable<
        | { kind: 'field'; name: string; value: string }
        | {
            kind: 'file';
            name: string;
            filename: string;
            stream: Readable & { truncated?: boolean };
          }
      >,
      maxBytes: number,
    ): Promise<ImportView> {
      let kind: ImportKind | undefined;
      let file: { name: string; content: Buffer } | undefined;
      for await (const part of parts) {
        if (part.kind === 'field' && part.name === 'kind') {
          if (!(Object.keys(importFields) as string[]).includes(part.value))
            throw invalidField('kind', 'field.invalid_option', {
              options: Object.keys(importFields).join(', '),
            });
          kind = part.value as ImportKind;
        } else if (part.kind === 'file' && part.name === 'file' && !file) {
          const chunks: Buffer[] = [];
          for await (const chunk of part.stream) chunks.push(chunk as Buffer);
          if (part.stream.truncated)
            throw new AppError('payload_too_large', {
              field: 'file',
              messageKey: 'import.file_too_large',
              params: { max: Math.floor(maxBytes / 1024 / 1024) },
            });
          file = { name: part.filename.slice(0, 255) || 'import', content: Buffer.concat(chunks) };
        } else if (part.kind === 'file') {
          for await (const _chunk of part.stream) void _chunk;
        }
      }
      if (!kind) throw invalidField('kind', 'field.required');
      if (!file || file.content.length === 0) throw invalidField('file', 'field.required');
      const { format, sheet } = await sheetOf(file.content, kind);
      if (sheet.data.length === 0) throw invalidField('file', 'import.empty_file');
      if (sheet.data.length > IMPORT_MAX_ROWS)
        throw new AppError('payload_too_large', {
          field: 'file',
          messageKey: 'import.too_many_rows',
          params: { rows: sheet.data.length, max: IMPORT_MAX_ROWS },
        });
      const created = await repo.insertImport(
        db,
        scope.orgId,
        {
          kind,
          fileName: file.name,
          format,
          columns: sheet.columns,
          mapping: proposeMapping(sheet.columns, kind),
          language: lang,
          totalRows: sheet.data.length,
          content: file.content,
          createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
        },
        clock.now(),
      );
      return viewOf(
        created,
        sheet.data.slice(0, 5).map((r) => sheet.columns.map((_c, k) => cellText(r[k] ?? null))),
      );
    },

    async get(scope: Scope, id: string): Promise<ImportView> {
      const found = await getImport(scope.orgId, id);
      return viewOf(found);
    },

    async list(scope: Scope) {
      const items = await repo.listImports(db, scope.orgId);
      return {
        items: items.map((i) => {
          const { sample: _s, ...v } = viewOf(i);
          return v;
        }),
      };
    },

    /**
     * What the file would do, row by row, with the given mapping: every row runs as the real
     * run would, in one transaction that is then rolled back, so nothing is written.
     */
    async dryRun(
      scope: Scope,
      id: string,
      mapping: ColumnMapping,
      lang: Language,
    ): Promise<DryRunResult> {
      const found = await getImport(scope.orgId, id);
      checkMapping(found, mapping);
      if (found.status === 'uploaded')
        await repo.setMapping(db, scope.orgId, id, mapping, clock.now());
      const i = { ...found, mapping };
      const { sheet } = await sheetOf(await repo.contentOf(db, scope.orgId, id), i.kind);
      const setting = {
        ...(await settingOf(scope.orgId, lang, 'import')),
        labels: labelsOf(i.columns, mapping),
        actor: scope.actor,
      };
      const checked = Math.min(sheet.data.length, DRY_RUN_ROWS);
      let results: ImportRowResult[] = [];
      await db
        .transaction()
        .execute(async (tx) => {
          results = await applyRows(tx, setting, i, sheet, 0, checked);
          throw new DryRunDone();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunDone)) throw error;
        });
      const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
      for (const r of results) counts[r.status] += 1;
      const shown = [
        ...results.filter((r) => r.status === 'refused'),
        ...results.filter((r) => r.status !== 'refused'),
      ].slice(0, DRY_RUN_SHOWN);
      return { totalRows: sheet.data.length, checkedRows: checked, counts, rows: shown };
    },

    /** Starts the real run with the given mapping: a job commits the rows batch by batch. */
    async start(scope: Scope, id: string, mapping: ColumnMapping): Promise<ImportView> {
      const found = await getImport(scope.orgId, id);
      checkMapping(found, mapping);
      await db.transaction().execute(async (tx) => {
        const moved = await repo.moveStatus(
          tx,
          scope.orgId,
          id,
          ['uploaded'],
          'queued',
          clock.now(),
        );
        if (!moved) throw new AppError('conflict', { messageKey: 'import.already_started' });
        await repo.setMapping(tx, scope.orgId, id, mapping, clock.now());
        await jobs.enqueue(tx, runImport, { orgId: scope.orgId, importId: id }, { key: id });
      });
      return viewOf(await getImport(scope.orgId, id));
    },

    /**
     * The job: goes on from the last committed row (after a restart too). Each batch's rows and
     * its progress commit together, so a row is never counted twice or lost.
     */
    async run(p: { orgId: string; importId: string }, run: JobRun): Promise<void> {
      const found = await repo.findImport(db, p.orgId, p.importId);
      if (!found || !['queued', 'running'].includes(found.status)) return;
      try {
        await repo.moveStatus(db, p.orgId, found.id, ['queued', 'running'], 'running', clock.now());
        const { sheet } = await sheetOf(await repo.contentOf(db, p.orgId, found.id), found.kind);
        const setting = {
          ...(await settingOf(p.orgId, found.language, 'import')),
          labels: labelsOf(found.columns, found.mapping),
          actor: await importerOf(found),
        };
        const total = Math.min(sheet.data.length, found.totalRows);
        for (let done = found.rowsDone; done < total;) {
          done = await db.transaction().execute(async (tx) => {
            const from = await repo.lockProgress(tx, p.orgId, found.id);
            const to = Math.min(total, from + BATCH);
            const results = await applyRows(tx, setting, found, sheet, from, to);
            const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
            for (const r of results) counts[r.status] += 1;
            const refusals = results
              .filter((r) => r.status === 'refused')
              .slice(0, repo.KEPT_REFUSALS);
            await repo.recordProgress(
              tx,
              p.orgId,
              found.id,
              { rowsDone: to, counts, refusals },
              clock.now(),
            );
            return to;
          });
        }
        await repo.moveStatus(db, p.orgId, found.id, ['running'], 'done', clock.now());
      } catch (error) {
        if (run.isLastAttempt)
          await repo.moveStatus(
            db,
            p.orgId,
            found.id,
            ['queued', 'running'],
            'failed',
            clock.now(),
            error instanceof Error ? error.message.slice(0, 500) : 'failed',
          );
        throw error;
      }
    },
  };
}
