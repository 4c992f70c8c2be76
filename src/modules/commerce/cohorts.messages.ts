import { registerMessages } from '../../platform/i18n.ts';

// The cohort report's definitions, returned with every report and shown beside its figures.
registerMessages({
  vi: {
    'cohorts.definition.cohorts':
      'Mỗi khách hàng thuộc đúng một nhóm. Khách có khiếu nại được xếp theo khiếu nại đầu tiên có lần liên hệ đầu tiên trong kỳ [từ ngày, đến ngày) theo múi giờ của tổ chức; các khiếu nại sau của họ không đổi nhóm.',
    'cohorts.definition.noComplaint':
      'Nhóm đối chứng: khách có ít nhất một đơn hàng trong kỳ và chưa từng có khiếu nại nào (trước, trong hay sau kỳ).',
    'cohorts.definition.firstContact':
      'Giải quyết ngay lần liên hệ đầu: khiếu nại đã khắc phục, đang ở trạng thái đã khắc phục hoặc đã đóng, chưa từng mở lại, và khách không liên hệ thêm trước lần khắc phục đầu tiên.',
    'cohorts.definition.moreContacts':
      'Giải quyết sau nhiều lần liên hệ hoặc mở lại: đã giải quyết, nhưng khách liên hệ thêm trước lần khắc phục đầu tiên hoặc khiếu nại từng bị mở lại.',
    'cohorts.definition.unresolved':
      'Chưa giải quyết: chưa từng khắc phục, hoặc hiện không ở trạng thái đã khắc phục/đã đóng (còn mở, bị hủy, đóng mà không khắc phục).',
    'cohorts.definition.referenceDate':
      'Mốc của khách: lần liên hệ đầu tiên của khiếu nại xếp nhóm cho họ; với nhóm đối chứng là đơn hàng đầu tiên của họ trong kỳ (đơn này không tính vào chi tiêu sau).',
    'cohorts.definition.customers':
      'Số khách của nhóm mà cửa sổ {days} ngày sau mốc đã kết thúc; mọi con số của nhóm tính trên những khách này.',
    'cohorts.definition.incomplete':
      'Khách có mốc + {days} ngày còn ở tương lai: chưa đủ {days} ngày nên bị loại khỏi mọi con số và chỉ được đếm riêng.',
    'cohorts.definition.spendAfter':
      'Tổng giá trị đơn hàng bằng đơn vị tiền của báo cáo, đặt sau mốc và không quá mốc + {days} ngày.',
    'cohorts.definition.spendBefore':
      'Tổng giá trị đơn hàng bằng đơn vị tiền của báo cáo, đặt từ mốc − {days} ngày đến trước mốc.',
    'cohorts.definition.mean':
      'Trung bình mỗi khách: tổng chi tiêu / số khách của nhóm; khách không có đơn nào tính là 0.',
    'cohorts.definition.median':
      'Trung vị mỗi khách (khách không có đơn tính là 0); số khách chẵn thì lấy trung bình hai giá trị giữa.',
    'cohorts.definition.currency':
      'Mỗi báo cáo một loại tiền (mặc định là loại tiền có nhiều đơn nhất của tổ chức). Đơn bằng loại tiền khác bị loại khỏi chi tiêu và được đếm riêng.',
    'cohorts.definition.ratioToBaseline':
      'Chi tiêu trung bình sau mốc của nhóm / chi tiêu trung bình sau mốc của nhóm đối chứng.',
    'cohorts.definition.stillSubscribed':
      'Trong số khách có gói đăng ký hiệu lực tại mốc: tỷ lệ vẫn còn gói hiệu lực tại mốc + {days} ngày. Một gói hiệu lực tại một thời điểm khi sự kiện cuối cùng của nó đến thời điểm đó là bắt đầu hoặc gia hạn, không phải hủy.',
    'cohorts.definition.boughtAgain':
      'Tỷ lệ khách có ít nhất một đơn hàng (bất kỳ loại tiền) sau mốc và không quá mốc + {days} ngày.',
    'cohorts.definition.referred':
      'Tỷ lệ khách đã giới thiệu ít nhất một khách khác sau mốc và không quá mốc + {days} ngày.',
  },
  en: {
    'cohorts.definition.cohorts':
      'Each customer is in exactly one cohort. A complainant is placed by their first complaint first contacted in the period [from, to) in the org’s time zone; their later complaints do not move them.',
    'cohorts.definition.noComplaint':
      'Baseline: customers with at least one order in the period and no complaint ever (before, during or after it).',
    'cohorts.definition.firstContact':
      'Resolved at first contact: the complaint was fixed, stands fixed or closed, was never reopened, and the customer made no further contact before its first fix.',
    'cohorts.definition.moreContacts':
      'Resolved after more contacts or a reopen: resolved, but the customer contacted us again before the first fix, or the complaint was reopened.',
    'cohorts.definition.unresolved':
      'Unresolved: never fixed, or not standing fixed or closed now (still open, cancelled, or closed without a fix).',
    'cohorts.definition.referenceDate':
      'Reference instant: the first contact of the complaint that placed the customer; for the baseline, their first order in the period (that order is not counted as spend after).',
    'cohorts.definition.customers':
      'The cohort’s customers whose {days}-day window after the reference has ended; every figure of the cohort is over these customers.',
    'cohorts.definition.incomplete':
      'Customers whose reference + {days} days is still in the future: their window is not over, so they are left out of every figure and only counted here.',
    'cohorts.definition.spendAfter':
      'Sum of orders in the report’s currency placed after the reference and no later than reference + {days} days.',
    'cohorts.definition.spendBefore':
      'Sum of orders in the report’s currency placed from reference − {days} days up to before the reference.',
    'cohorts.definition.mean':
      'Mean per customer: total spend / the cohort’s customers; a customer with no order counts as 0.',
    'cohorts.definition.median':
      'Median per customer (a customer with no order counts as 0); with an even count, the mean of the two middle values.',
    'cohorts.definition.currency':
      'One currency per report (by default the one most of the org’s orders are in). Orders in another currency are left out of spend and counted.',
    'cohorts.definition.ratioToBaseline':
      'The cohort’s mean spend after the reference / the baseline’s mean spend after the reference.',
    'cohorts.definition.stillSubscribed':
      'Of the customers with an active subscription at the reference: the share with an active subscription at reference + {days} days. A subscription is active at an instant when its last event up to then is a start or a renewal, not a cancellation.',
    'cohorts.definition.boughtAgain':
      'Share of customers with at least one order (any currency) after the reference and no later than reference + {days} days.',
    'cohorts.definition.referred':
      'Share of customers who referred at least one other customer after the reference and no later than reference + {days} days.',
  },
  zh: {
    'cohorts.definition.cohorts':
      '每位客户只属于一个群组。投诉客户按其在期间 [起始日, 结束日)（按组织时区）内首次联系的第一宗投诉归组；之后的投诉不改变其群组。',
    'cohorts.definition.noComplaint':
      '基准组：期间内至少有一笔订单、且从未有过任何投诉（期间之前、之中或之后）的客户。',
    'cohorts.definition.firstContact':
      '首次联系即解决：投诉已修复，目前处于已修复或已关闭状态，从未重新打开，且客户在首次修复前没有再次联系。',
    'cohorts.definition.moreContacts':
      '多次联系或重新打开后解决：已解决，但客户在首次修复前再次联系，或投诉曾被重新打开。',
    'cohorts.definition.unresolved':
      '未解决：从未修复，或目前不处于已修复或已关闭状态（仍未结、已取消或未修复即关闭）。',
    'cohorts.definition.referenceDate':
      '参照时点：使客户归入该组的投诉的首次联系时间；基准组为其在期间内的第一笔订单（该订单不计入之后的消费）。',
    'cohorts.definition.customers':
      '参照时点后 {days} 天窗口已结束的客户数；该组的所有数字均以这些客户计算。',
    'cohorts.definition.incomplete':
      '参照时点 + {days} 天仍在未来的客户：窗口尚未结束，因此不计入任何数字，仅在此单独计数。',
    'cohorts.definition.spendAfter':
      '以报告币种计、在参照时点之后且不晚于参照时点 + {days} 天下的订单金额之和。',
    'cohorts.definition.spendBefore':
      '以报告币种计、从参照时点 − {days} 天起至参照时点之前下的订单金额之和。',
    'cohorts.definition.mean': '每位客户平均值：消费总额 / 该组客户数；没有订单的客户计为 0。',
    'cohorts.definition.median':
      '每位客户的中位数（没有订单的客户计为 0）；客户数为偶数时取中间两个值的平均。',
    'cohorts.definition.currency':
      '每份报告只用一种币种（默认为组织订单最多的币种）。其他币种的订单不计入消费，并单独计数。',
    'cohorts.definition.ratioToBaseline': '该组参照时点后的平均消费 / 基准组参照时点后的平均消费。',
    'cohorts.definition.stillSubscribed':
      '在参照时点有有效订阅的客户中，于参照时点 + {days} 天仍有有效订阅的比例。某一时点订阅有效，指其截至该时点的最后一个事件是开始或续订，而非取消。',
    'cohorts.definition.boughtAgain':
      '在参照时点之后且不晚于参照时点 + {days} 天至少有一笔订单（任何币种）的客户比例。',
    'cohorts.definition.referred':
      '在参照时点之后且不晚于参照时点 + {days} 天至少推荐了一位其他客户的客户比例。',
  },
});
