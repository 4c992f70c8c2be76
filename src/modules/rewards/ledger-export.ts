import {
  streamTable,
  type ExportColumn,
  type ExportFormat,
} from '../../platform/export/table-export.ts';
import type { Language } from '../../platform/i18n.ts';
import { minorDigits } from './domain/money.ts';
import * as ledger from './ledger.repository.ts';
import type { RewardDeps } from './rewards.deps.ts';
import type { RewardViews } from './rewards.views.ts';

type Row = {
  grantedAt: string;
  complaint: string;
  customer: string;
  kind: string;
  type: string;
  amount: number;
  currency: string;
  approvalLevel: number;
  grantedBy: string | null;
  approvedBy: string | null;
  department: string | null;
  reference: string | null;
  note: string | null;
};
const col = (key: keyof Row, vi: string, en: string, zh: string): ExportColumn<Row> => ({
  key,
  label: { vi, en, zh },
});
/** One row per grant; the amount in the currency's major unit (VND has no minor unit). */
export const ledgerExportColumns: readonly ExportColumn<Row>[] = [
  col('grantedAt', 'Thời điểm (UTC)', 'Granted (UTC)', '发放时间（UTC）'),
  col('complaint', 'Mã khiếu nại', 'Complaint', '投诉编号'),
  col('customer', 'Khách hàng', 'Customer', '客户'),
  col('kind', 'Loại', 'Kind', '类别'),
  col('type', 'Hình thức', 'Type', '方式'),
  col('amount', 'Số tiền', 'Amount', '金额'),
  col('currency', 'Loại tiền', 'Currency', '币种'),
  col('approvalLevel', 'Cấp phê duyệt', 'Approval level', '审批级别'),
  col('grantedBy', 'Người cấp', 'Granted by', '发放人'),
  col('approvedBy', 'Người phê duyệt', 'Approved by', '审批人'),
  col('department', 'Phòng ban', 'Department', '部门'),
  col('reference', 'Số tham chiếu', 'Reference', '参考号'),
  col('note', 'Ghi chú', 'Note', '备注'),
];

const BATCH = 2000;

/** The reward ledger as a file: every grant of the range, newest first, read by keyset. */
export function createLedgerExport(deps: Pick<RewardDeps, 'db'> & { views: RewardViews }) {
  const { db, views } = deps;
  async function* batches(orgId: string, range: { from?: Date; to?: Date }) {
    let after: { grantedAt: Date; id: string } | undefined;
    for (;;) {
      const grants = await ledger.listGrants(db, orgId, {
        ...range,
        limit: BATCH,
        ...(after ? { after } : {}),
      });
      if (grants.length === 0) return;
      const shown = await views.grants(db, orgId, grants);
      yield shown.map((g): Row => ({
        grantedAt: g.grantedAt,
        complaint: g.complaintReference,
        customer: g.customerName,
        kind: g.kind,
        type: g.type,
        amount: g.amountMinor / 10 ** minorDigits(g.currency),
        currency: g.currency,
        approvalLevel: g.approvalLevel,
        grantedBy: g.grantedByName,
        approvedBy: g.approvedByName,
        department: g.departmentName,
        reference: g.reference,
        note: g.note,
      }));
      if (grants.length < BATCH) return;
      const last = grants[grants.length - 1]!;
      after = { grantedAt: last.grantedAt, id: last.id };
    }
  }
  return function exportLedger(
    orgId: string,
    range: { from?: Date; to?: Date },
    format: ExportFormat,
    lang: Language,
  ) {
    const name = [
      'reward-ledger',
      range.from?.toISOString().slice(0, 10),
      range.to?.toISOString().slice(0, 10),
    ]
      .filter(Boolean)
      .join('-');
    return streamTable(
      { name, columns: ledgerExportColumns, batches: batches(orgId, range) },
      format,
      lang,
    );
  };
}
