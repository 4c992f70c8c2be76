import type { z } from 'zod';
import type { Scope } from '../../platform/actor.ts';
import {
  streamTable,
  type ExportColumn,
  type ExportFormat,
} from '../../platform/export/table-export.ts';
import type { Language } from '../../platform/i18n.ts';
import { activeStatuses } from './domain/status.ts';
import type { ProblemStatus } from './domain/vocabulary.ts';
import { toSummary } from './problem-views.ts';
import type { problemsQuery } from './problems.contract.ts';
import type { ProblemDeps } from './problems.deps.ts';
import * as repo from './problems.repository.ts';

/** The list's filters as the repository takes them (the list and its export share them). */
export function problemFilterOf(query: {
  status: z.output<typeof problemsQuery>['status'];
  ownerId?: string | undefined;
  reasonId?: string | undefined;
  q?: string | undefined;
}): repo.ProblemFilter {
  const statuses: readonly ProblemStatus[] | undefined =
    query.status === 'all'
      ? undefined
      : query.status === 'active'
        ? activeStatuses
        : [query.status];
  return {
    ...(statuses ? { statuses } : {}),
    ...(query.ownerId ? { ownerId: query.ownerId } : {}),
    ...(query.reasonId ? { reasonId: query.reasonId } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}

type Row = {
  reference: string;
  title: string;
  status: string;
  reason: string | null;
  owner: string | null;
  linkedComplaints: number;
  openActions: number;
  createdAt: string;
  updatedAt: string;
};
const col = (key: keyof Row, vi: string, en: string, zh: string): ExportColumn<Row> => ({
  key,
  label: { vi, en, zh },
});
export const problemExportColumns: readonly ExportColumn<Row>[] = [
  col('reference', 'Mã vấn đề', 'Reference', '问题单编号'),
  col('title', 'Tiêu đề', 'Title', '标题'),
  col('status', 'Trạng thái', 'Status', '状态'),
  col('reason', 'Lý do khiếu nại', 'Reason', '投诉原因'),
  col('owner', 'Người phụ trách', 'Owner', '负责人'),
  col('linkedComplaints', 'Khiếu nại liên kết', 'Linked complaints', '关联投诉'),
  col('openActions', 'Hành động đang mở', 'Open actions', '未完成措施'),
  col('createdAt', 'Tạo lúc (UTC)', 'Created (UTC)', '创建时间（UTC）'),
  col('updatedAt', 'Cập nhật lúc (UTC)', 'Updated (UTC)', '更新时间（UTC）'),
];

const BATCH = 1000;

/**
 * The problem list as a file: every problem its filters select, in the list's order. Problems
 * are records a quality team writes by hand (hundreds per org, not millions), so the batches
 * page through the list's own order (last update, then id) rather than a keyset of their own.
 */
export function createProblemExport(deps: Pick<ProblemDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;
  async function* batches(orgId: string, filter: repo.ProblemFilter, lang: Language) {
    for (let offset = 0; ; offset += BATCH) {
      const page = await repo.listProblems(db, orgId, filter, { limit: BATCH, offset });
      yield page.map((p): Row => {
        const s = toSummary(p, lang);
        return {
          reference: s.reference,
          title: s.title,
          status: s.status,
          reason: s.reasonName,
          owner: s.ownerName,
          linkedComplaints: s.linkedComplaints,
          openActions: s.openActions,
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
        };
      });
      if (page.length < BATCH) return;
    }
  }
  return function exportProblems(
    scope: Scope,
    query: Parameters<typeof problemFilterOf>[0],
    format: ExportFormat,
    lang: Language,
  ) {
    const name = `problems-${clock.now().toISOString().slice(0, 10)}`;
    return streamTable(
      {
        name,
        columns: problemExportColumns,
        batches: batches(scope.orgId, problemFilterOf(query), lang),
      },
      format,
      lang,
    );
  };
}
