import type { ExportCell, ExportColumn, ExportTable } from '../../platform/export/table-export.ts';
import type { AnalyticsChart, AnalyticsReport } from './analytics.contract.ts';

type Row = Record<string, ExportCell>;
const col = (key: string, vi: string, en: string, zh: string): ExportColumn<Row> => ({
  key,
  label: { vi, en, zh },
});

const weekday = col('weekday', 'Thứ (1 = thứ Hai)', 'Weekday (1 = Monday)', '星期（1 = 周一）');
const hour = col('hour', 'Giờ', 'Hour', '小时');
const answers = col('answers', 'Số câu trả lời', 'Answers', '回答数');
const csatMean = col('csatMean', 'CSAT trung bình', 'Mean CSAT', '平均CSAT');
const groupColumns = (vi: string, en: string, zh: string) => [
  col('name', vi, en, zh),
  answers,
  csatMean,
  col('satisfiedShare', 'Tỷ lệ 4–5', 'Share 4–5', '4–5分占比'),
];
const byDimension = {
  csat_by_reason: ['reason', groupColumns('Lý do', 'Reason', '原因')],
  csat_by_channel: ['channel', groupColumns('Kênh', 'Channel', '渠道')],
  csat_by_agent: ['agent', groupColumns('Nhân viên', 'Agent', '客服')],
  csat_by_department: ['department', groupColumns('Bộ phận', 'Department', '部门')],
} as const;

/** The numbers behind one chart, as a table to download (the same numbers the chart shows). */
export function tableOf(chart: AnalyticsChart, report: AnalyticsReport): ExportTable<Row> {
  const name = `${chart}-${report.from}-${report.to}`;
  switch (chart) {
    case 'volume_heatmap':
      return {
        name,
        columns: [weekday, hour, col('complaints', 'Số khiếu nại', 'Complaints', '投诉数')],
        rows: report.heatmap.map((c) => ({
          weekday: c.weekday,
          hour: c.hour,
          complaints: c.complaints,
        })),
      };
    case 'csat_heatmap':
      return {
        name,
        columns: [weekday, hour, answers, csatMean],
        rows: report.heatmap.map((c) => ({
          weekday: c.weekday,
          hour: c.hour,
          answers: c.answers,
          csatMean: c.csatMean,
        })),
      };
    case 'csat_by_reason':
    case 'csat_by_channel':
    case 'csat_by_agent':
    case 'csat_by_department': {
      const [dimension, columns] = byDimension[chart];
      return { name, columns, rows: report.csatBy[dimension] };
    }
    case 'first_contact':
      return {
        name,
        columns: [
          col('week', 'Tuần (thứ Hai)', 'Week (Monday)', '周（周一）'),
          col('complaints', 'Số khiếu nại', 'Complaints', '投诉数'),
          col('firstContact', 'Giải quyết ngay lần đầu', 'First contact', '首次接触解决'),
          col('moreContacts', 'Cần thêm liên hệ', 'More contacts', '多次接触'),
          col('unresolved', 'Chưa giải quyết', 'Unresolved', '未解决'),
          col('rate', 'Tỷ lệ FCR', 'FCR rate', '首次接触解决率'),
        ],
        rows: report.firstContact.weeks,
      };
    case 'promises':
      return {
        name,
        columns: [
          col('week', 'Tuần (thứ Hai)', 'Week (Monday)', '周（周一）'),
          col('made', 'Số cam kết', 'Promises', '承诺数'),
          col('kept', 'Giữ đúng hạn', 'Kept', '按时兑现'),
          col('reopened', 'Mở lại', 'Reopened', '重新打开'),
          col('recommitted', 'Cam kết lại đúng lúc', 'Re-committed in time', '按时重新承诺'),
          col('broken', 'Thất hứa', 'Broken', '失约'),
          col('open', 'Còn trong hạn', 'Still before due', '尚未到期'),
          col('keptRate', 'Tỷ lệ giữ cam kết', 'Promise-kept rate', '承诺兑现率'),
        ],
        rows: report.promises.weeks,
      };
    case 'follow_ups':
      return {
        name,
        columns: [
          col('week', 'Tuần (thứ Hai)', 'Week (Monday)', '周（周一）'),
          col('updates', 'Cập nhật của quản lý', 'Manager updates', '主管回访'),
          col('updatesOnTime', 'Đúng hạn', 'On time', '按时'),
          col('updatesLate', 'Trễ', 'Late', '迟到'),
          col('updatesMissing', 'Thiếu', 'Missing', '缺失'),
          col('updatesOpen', 'Còn trong hạn', 'Still before due', '尚未到期'),
          col('updateComplianceRate', 'Tỷ lệ đúng hạn', 'On-time rate', '按时率'),
          col('callBacks', 'Cuộc gọi lại xác minh', 'Verification call-backs', '确认回访'),
          col('callBacksEnded', 'Đã kết thúc', 'Ended', '已结束'),
          col('callBacksWorking', 'Khắc phục hiệu quả', 'Fix working', '修复有效'),
          col('callBacksOpen', 'Chưa gọi', 'Still due', '待回访'),
          col('verificationRate', 'Tỷ lệ xác minh', 'Verification rate', '确认率'),
        ],
        rows: report.followUps.weeks,
      };
    case 'budgets':
      return {
        name,
        columns: [
          col('purpose', 'Mục đích', 'Purpose', '用途'),
          col('departmentName', 'Nhóm', 'Team', '团队'),
          col('period', 'Kỳ', 'Period', '周期'),
          col('periodStart', 'Bắt đầu kỳ', 'Period start', '周期开始'),
          col('currency', 'Tiền tệ', 'Currency', '币种'),
          col(
            'amountMinor',
            'Ngân sách (đơn vị nhỏ nhất)',
            'Budget (minor units)',
            '预算（最小单位）',
          ),
          col('spentMinor', 'Đã chi', 'Spent', '已支出'),
          col('remainingMinor', 'Còn lại', 'Remaining', '剩余'),
        ],
        rows: [
          ...report.rewards.giftBudgets.map((b) => ({ purpose: 'gift', ...b })),
          ...report.rewards.compensationBudgets.map((b) => ({ purpose: 'compensation', ...b })),
        ],
      };
    case 'times': {
      const clocks = {
        acknowledge: ['xác nhận', 'acknowledge', '确认'],
        first_response: ['phản hồi đầu tiên', 'first response', '首次回复'],
        fix: ['khắc phục', 'fix', '解决'],
      } as const;
      const columns = [col('week', 'Tuần (thứ Hai)', 'Week (Monday)', '周（周一）')];
      for (const [k, [vi, en, zh]] of Object.entries(clocks)) {
        columns.push(
          col(
            `${k}.median`,
            `Trung vị ${vi} (phút làm việc)`,
            `Median ${en} (business minutes)`,
            `${zh}中位数（工作分钟）`,
          ),
          col(
            `${k}.p90`,
            `P90 ${vi} (phút làm việc)`,
            `P90 ${en} (business minutes)`,
            `${zh}第90百分位（工作分钟）`,
          ),
          col(`${k}.measured`, `Số đo được: ${vi}`, `Measured: ${en}`, `已计量：${zh}`),
          col(`${k}.notStopped`, `Chưa dừng: ${vi}`, `Not stopped: ${en}`, `未停止：${zh}`),
        );
      }
      return {
        name,
        columns,
        rows: report.times.weeks.map((w) => {
          const row: Row = { week: w.week };
          for (const k of Object.keys(clocks) as (keyof typeof clocks)[]) {
            row[`${k}.median`] = w[k].medianBusinessMinutes;
            row[`${k}.p90`] = w[k].p90BusinessMinutes;
            row[`${k}.measured`] = w[k].measured;
            row[`${k}.notStopped`] = w[k].notStopped;
          }
          return row;
        }),
      };
    }
  }
}
