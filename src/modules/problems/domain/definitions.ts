/** The definitions printed beside each figure of step 8, in the three languages. */
type Lang = 'vi' | 'en' | 'zh';

export const definitions: Record<
  | 'effectiveness'
  | 'effectivenessProducts'
  | 'rootCauses'
  | 'openActions'
  | 'recurrenceRate'
  | 'timeToAction',
  Record<Lang, string>
> = {
  effectiveness: {
    vi: 'Số khiếu nại mỗi tuần (thứ Hai đến Chủ nhật, theo múi giờ của tổ chức) có cùng lý do với vấn đề, trong K tuần trước và K tuần kể từ tuần hành động khắc phục đầu tiên hoàn thành; tuần chưa bắt đầu không được tính.',
    en: 'Complaints received per week (Monday to Sunday, in the org’s time zone) with the problem’s reason, for K weeks before and K weeks from the week the first corrective action was done; weeks not yet begun are left out.',
    zh: '与问题单原因相同的投诉每周数量（周一至周日，按组织时区），统计首个纠正措施完成所在周之前的K周及自该周起的K周；尚未开始的周不计入。',
  },
  effectivenessProducts: {
    vi: 'Như trên, chỉ tính khiếu nại có sản phẩm trùng với một trong các sản phẩm bị ảnh hưởng của vấn đề (không phân biệt hoa thường).',
    en: 'As above, counting only complaints whose product matches one of the problem’s affected products (ignoring case).',
    zh: '同上，仅统计产品与问题单受影响产品之一相同的投诉（不区分大小写）。',
  },
  rootCauses: {
    vi: 'Theo nhóm nguyên nhân gốc: số vấn đề đã phân tích nguyên nhân, số khiếu nại liên kết với chúng, và tổng tiền bồi hoàn đã chi cho các khiếu nại đó (theo loại tiền). Tính các vấn đề tạo trong khoảng thời gian chọn.',
    en: 'By root-cause category: problems with a root cause, the complaints linked to them, and the compensation granted on those complaints (per currency). Counts problems created in the range.',
    zh: '按根因类别：已分析根因的问题单数、关联的投诉数，以及这些投诉的补偿总额（按币种）。统计所选期间内创建的问题单。',
  },
  openActions: {
    vi: 'Hành động khắc phục/phòng ngừa chưa xong (mở hoặc đang làm) theo người phụ trách: quá hạn; đến hạn trước hết Chủ nhật tuần này (múi giờ tổ chức); sau đó.',
    en: 'Corrective and preventive actions not yet done (open or in progress) by owner: overdue; due before the end of this Sunday (org’s time zone); later.',
    zh: '未完成（未开始或进行中）的纠正/预防措施，按负责人：已逾期；本周日结束前到期（组织时区）；更晚。',
  },
  recurrenceRate: {
    vi: 'Trong các vấn đề có thời gian theo dõi kết thúc trong khoảng chọn, tỷ lệ có số tái diễn vượt ngưỡng. Đóng bằng quyết định vượt quyền được tính là tái diễn nếu có ít nhất một lần tái diễn. Tái diễn: khiếu nại liên kết nhận sau khi bắt đầu theo dõi.',
    en: 'Of the problems whose monitoring window ended in the range, the share with recurrences above their threshold. A close by override counts as recurred if it had any recurrence. A recurrence is a linked complaint received after monitoring started.',
    zh: '在所选期间内监控期结束的问题单中，复发次数超过阈值的比例。特批关闭的问题单只要有一次复发即计为复发。复发指监控开始后收到的关联投诉。',
  },
  timeToAction: {
    vi: 'Thời gian từ lúc nhận khiếu nại liên kết đầu tiên đến lúc hành động khắc phục đầu tiên hoàn thành, tính bằng giờ (trung vị và phân vị 90, theo thứ hạng gần nhất), cho các vấn đề có hành động khắc phục đầu tiên hoàn thành trong khoảng chọn.',
    en: 'Hours from the receipt of the first linked complaint to the first corrective action done (median and 90th percentile, nearest rank), for problems whose first corrective action was done in the range.',
    zh: '从首个关联投诉收到到首个纠正措施完成的小时数（中位数和第90百分位，最近秩法），统计首个纠正措施在所选期间内完成的问题单。',
  },
};
