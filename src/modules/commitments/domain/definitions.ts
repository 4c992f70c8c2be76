import type { Language } from '../../../platform/i18n.ts';

/** The ledger's definitions as the product prints them beside every figure (see ledger.ts). */
export const ledgerDefinitions: Record<Language, { term: string; text: string }[]> = {
  vi: [
    {
      term: 'Tỷ lệ giữ cam kết',
      text: 'Số cam kết được khắc phục trước thời hạn cam kết đầu tiên và không bị mở lại ÷ số cam kết đã có kết quả (mọi cam kết trừ những cam kết còn trong hạn).',
    },
    {
      term: 'Giữ đúng hạn',
      text: 'Khắc phục trước thời hạn cam kết đầu tiên, và không bị mở lại.',
    },
    {
      term: 'Cam kết lại đúng lúc',
      text: 'Thời hạn được đổi trước khi đến hạn, có lý do và đã báo khách hàng. Tính riêng, không bao giờ tính vào tỷ lệ giữ cam kết; kèm theo việc thời hạn mới có được giữ hay không. Đổi thời hạn sau khi đã quá hạn thì cam kết đầu bị tính là thất hứa, và một cam kết mới được mở.',
    },
    { term: 'Thất hứa', text: 'Không khắc phục trước thời hạn đang có hiệu lực.' },
    {
      term: 'Mở lại',
      text: 'Lần khắc phục đầu không giải quyết được vấn đề cho khách hàng; lần khắc phục cuối cùng mới được tính.',
    },
    {
      term: 'Độ trễ',
      text: 'Tính bằng thời gian làm việc theo lịch của cam kết (giờ làm việc nếu dưới một ngày làm việc, ngày làm việc nếu từ một ngày trở lên), kèm số ngày lịch.',
    },
  ],
  en: [
    {
      term: 'Promise-kept rate',
      text: 'Promises fixed by their first committed due and not reopened ÷ promises with an outcome (all but those still before their due).',
    },
    { term: 'Kept', text: 'Fixed by the first committed due, and not reopened.' },
    {
      term: 'Re-committed in time',
      text: 'The promise was changed before its due, with a reason, and the customer was told. Reported beside the kept rate, never inside it, with whether the new due was kept. Re-committing after the due has passed records the first promise as broken and opens a new one.',
    },
    { term: 'Broken', text: 'Not fixed by the due in force.' },
    {
      term: 'Reopened',
      text: 'The first fix failed the customer; the last fix is the one that counts.',
    },
    {
      term: 'Slip',
      text: 'Measured in business time on the commitment’s calendar (business hours under one working day, business days above it), with calendar days beside it.',
    },
  ],
  zh: [
    {
      term: '承诺兑现率',
      text: '在首次承诺时限前解决且未被重新打开的承诺数 ÷ 已有结果的承诺数（尚未到期的承诺除外）。',
    },
    { term: '按时兑现', text: '在首次承诺时限前解决，且未被重新打开。' },
    {
      term: '按时重新承诺',
      text: '在到期前更改时限，附有理由并已告知客户。单独列示，从不计入兑现率；并注明新时限是否兑现。到期后才重新承诺的，首个承诺记为失约，并开启新的承诺。',
    },
    { term: '失约', text: '未在当前有效的时限前解决。' },
    { term: '重新打开', text: '首次解决未能解决客户的问题；以最后一次解决为准。' },
    {
      term: '延误',
      text: '按承诺所用日历的工作时间计算（不足一个工作日按工作小时，满一个工作日按工作日），并附日历天数。',
    },
  ],
};

/** How the fix-time figures are computed, printed beside them. */
export const quantileMethod: Record<Language, string> = {
  vi: 'Thời gian khắc phục tính từ cam kết đầu tiên đến lần khắc phục được tính, theo giờ làm việc. Trung vị và phân vị 90 theo phương pháp hạng gần nhất (không nội suy). Số ngày đổi từ giờ theo độ dài ngày làm việc của lịch.',
  en: 'Fix time runs from the first commitment to the fix that counts, in business hours. Median and 90th percentile by the nearest-rank method (no interpolation). Days are converted from hours with the calendar’s own working day.',
  zh: '解决时间从首次承诺起算至计入的那次解决，按工作小时计。中位数和第90百分位采用最近秩法（不插值）。天数按日历自身的工作日长度由小时换算。',
};
