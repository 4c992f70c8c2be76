import type { Scope } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import {
  streamTable,
  type ExportColumn,
  type ExportFormat,
} from '../../platform/export/table-export.ts';
import type { Language } from '../../platform/i18n.ts';
import type { ListComplaintsQuery } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { iso } from './complaints.views.ts';
import { queueExportBatches, type ExportedComplaint } from './queue-export.repository.ts';
import type { QueueQuery } from './queue-search.repository.ts';

type Row = {
  reference: string;
  status: string;
  severity: string;
  customer: string;
  phone: string | null;
  email: string | null;
  channel: string;
  reason: string | null;
  department: string | null;
  owner: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  nextDueAt: string | null;
  nextDueClock: string | null;
  isBreached: boolean;
  committedDueAt: string | null;
  closedAt: string | null;
};
const col = (key: keyof Row, vi: string, en: string, zh: string): ExportColumn<Row> => ({
  key,
  label: { vi, en, zh },
});
/** The queue's columns; instants are UTC ISO 8601, codes (status, channel) as the API gives them. */
export const queueExportColumns: readonly ExportColumn<Row>[] = [
  col('reference', 'Mã khiếu nại', 'Reference', '投诉编号'),
  col('status', 'Trạng thái', 'Status', '状态'),
  col('severity', 'Mức độ nghiêm trọng', 'Severity', '严重程度'),
  col('customer', 'Khách hàng', 'Customer', '客户'),
  col('phone', 'Số điện thoại', 'Phone', '电话'),
  col('email', 'Email', 'E-mail', '电子邮件'),
  col('channel', 'Kênh', 'Channel', '渠道'),
  col('reason', 'Lý do khiếu nại', 'Reason', '投诉原因'),
  col('department', 'Phòng ban cam kết', 'Committed department', '承诺部门'),
  col('owner', 'Người phụ trách', 'Owner', '负责人'),
  col('createdAt', 'Tạo lúc (UTC)', 'Created (UTC)', '创建时间（UTC）'),
  col('acknowledgedAt', 'Xác nhận đã nhận lúc (UTC)', 'Acknowledged (UTC)', '受理确认时间（UTC）'),
  col('nextDueAt', 'Hạn kế tiếp (UTC)', 'Next due (UTC)', '下一时限（UTC）'),
  col('nextDueClock', 'Đồng hồ kế tiếp', 'Next clock', '下一计时'),
  col('isBreached', 'Vi phạm thời hạn', 'Breached', '超时'),
  col('committedDueAt', 'Cam kết thời hạn (UTC)', 'Committed due (UTC)', '承诺时限（UTC）'),
  col('closedAt', 'Đóng lúc (UTC)', 'Closed (UTC)', '关闭时间（UTC）'),
];

/**
 * The queue as a file: every case its filters (and search) select, streamed batch by batch.
 * `prepare` turns the list's query into the repository's, exactly as the list does.
 */
export function createQueueExport(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'customers'> & {
    prepare: (scope: Scope, query: ListComplaintsQuery) => Promise<QueueQuery>;
  },
) {
  const { db, clock, customers } = deps;
  async function* rowsOf(
    executor: Executor,
    orgId: string,
    q: QueueQuery,
    lang: Language,
  ): AsyncGenerator<Row[]> {
    for await (const batch of queueExportBatches(executor, orgId, q)) {
      const people = await customers.findCustomers(
        executor,
        orgId,
        batch.map((c) => c.customerId),
      );
      yield batch.map((c: ExportedComplaint) => {
        const customer = people.get(c.customerId);
        return {
          reference: c.reference,
          status: c.status,
          severity: c.severity,
          customer: customer?.name ?? '',
          phone: customer?.phone ?? null,
          email: customer?.email ?? null,
          channel: c.channel,
          reason: c.reasonNames?.[lang] ?? null,
          department: c.committedDepartmentName,
          owner: c.ownerName,
          createdAt: c.createdAt.toISOString(),
          acknowledgedAt: iso(c.acknowledgedAt),
          nextDueAt: iso(c.nextDueAt),
          nextDueClock: c.nextDueClock,
          isBreached: c.isBreached,
          committedDueAt: iso(c.committedDueAt),
          closedAt: iso(c.closedAt),
        };
      });
    }
  }
  return async function exportQueue(
    scope: Scope,
    query: ListComplaintsQuery,
    format: ExportFormat,
    lang: Language,
  ) {
    const q = await deps.prepare(scope, query);
    const day = clock.now().toISOString().slice(0, 10);
    return streamTable(
      {
        name: `complaints-${day}`,
        columns: queueExportColumns,
        batches: rowsOf(db, scope.orgId, q, lang),
      },
      format,
      lang,
    );
  };
}
