import type { Language } from '../../../platform/i18n.ts';

/** Every analytics figure's definition, as the product prints it beside the chart. */
export const analyticsDefinitions: Record<
  Language,
  {
    range: string;
    volumeHeatmap: string;
    csatHeatmap: string;
    csatBy: string;
    fcrRate: string;
    promises: string;
    times: string;
    followUps: string;
    rewards: string;
    customerEffort: string;
  }
> = {
  vi: {
    range:
      'Khoảng thời gian tính theo ngày tiếp xúc đầu tiên (lúc vụ việc được tiếp nhận), theo múi giờ của tổ chức; mặc định là 90 ngày gần nhất. Tuần là tuần ISO, bắt đầu từ thứ Hai, theo ngày tiếp xúc đầu tiên. Bộ lọc bộ phận là bộ phận của nhân viên phụ trách vụ việc (người sở hữu, nếu không có thì người tiếp nhận).',
    volumeHeatmap:
      'Số khiếu nại theo giờ (0–23) và thứ trong tuần của lần tiếp xúc đầu tiên, theo múi giờ của tổ chức.',
    csatHeatmap:
      'Điểm hài lòng (CSAT 1–5) trung bình của các khảo sát đã trả lời, xếp theo giờ và thứ của lần tiếp xúc đầu tiên của vụ việc, kèm số câu trả lời mỗi ô. Ô không có câu trả lời để trống, không phải 0.',
    csatBy:
      'Với các khảo sát đã trả lời của vụ việc có lần tiếp xúc đầu tiên trong kỳ: điểm trung bình, số câu trả lời, và tỷ lệ câu trả lời 4 hoặc 5. Lý do, kênh, nhân viên và bộ phận là những gì khảo sát ghi lại cho vụ việc (nhân viên: người sở hữu, nếu không có thì người tiếp nhận).',
    fcrRate:
      'Tỷ lệ giải quyết ngay lần đầu = số vụ việc giải quyết ngay lần đầu ÷ mọi khiếu nại có lần tiếp xúc đầu tiên trong tuần (vụ việc chưa giải quyết vẫn nằm trong mẫu số), tính đến hiện tại.',
    rewards:
      'Chi tiêu so với ngân sách, lấy nguyên từ báo cáo bồi thường và quà tặng: mỗi ngân sách với số đã chi và còn lại trong kỳ của chính nó; quà cảm ơn và bồi thường được cấp trong khoảng thời gian (theo ngày cấp) theo nhóm, không bao giờ cộng chung. Bộ lọc lý do, kênh và bộ phận không áp dụng cho phần này.',
    customerEffort:
      'Nỗ lực của khách hàng (số lần liên hệ và số lần đổi kênh trước khi được xác nhận) chưa được đo trên trang này. Lời xác nhận được gửi ngay khi tiếp nhận, nên hầu như không có lần liên hệ nào trước đó; chúng tôi không hiển thị con số cho đến khi nó được định nghĩa và kiểm thử chặt chẽ.',
    followUps:
      'Các việc của bước 6–7 (cập nhật của quản lý sau khi khắc phục, cuộc gọi lại xác minh) của những khiếu nại có lần tiếp xúc đầu tiên trong tuần, theo đúng định nghĩa của báo cáo theo dõi sau khắc phục, tính đến hiện tại. Tuần không có việc nào thì để trống.',
    times:
      'Thời gian xác nhận, phản hồi đầu tiên và khắc phục: từ lúc đồng hồ SLA của chính sách vận hành bắt đầu đến lúc nó dừng, tính bằng phút làm việc theo lịch của chính sách áp dụng cho vụ việc (lịch mặc định nếu không có). Thời gian tạm dừng không được trừ ra. Trung vị và phân vị 90 theo phương pháp hạng gần nhất (không nội suy), theo tuần của lần tiếp xúc đầu tiên. Vụ việc mà đồng hồ chưa dừng không nằm trong trung vị; số lượng của chúng được ghi riêng.',
    promises:
      'Các cam kết trên những khiếu nại có lần tiếp xúc đầu tiên trong tuần, theo đúng định nghĩa của sổ cam kết, tính đến hiện tại.',
  },
  en: {
    range:
      'The range is by first contact (when the case was received), in the org’s time zone; by default the last 90 days. Weeks are ISO weeks starting Monday, by first contact. The department filter is the department of the case’s agent (the owner, else the intake agent).',
    volumeHeatmap:
      'Complaints by hour (0–23) and weekday of first contact, in the org’s time zone.',
    csatHeatmap:
      'Mean satisfaction (CSAT 1–5) of the answered surveys, by hour and weekday of the case’s first contact, with the number of answers in each cell. A cell without an answer is empty, not 0.',
    csatBy:
      'Over the answered surveys of cases first contacted in the range: the mean score, the number of answers, and the share of answers that are 4 or 5. Reason, channel, agent and department are those the survey recorded for the case (agent: the owner, else the intake agent).',
    fcrRate:
      'First-contact resolution rate = cases resolved at first contact ÷ every complaint first contacted in the week (unresolved ones stay in the denominator), as of now.',
    rewards:
      'Spend against budget, taken as it is from the compensation and gifts report: each budget with what was spent and what remains in its own period; the thank-you gifts and the compensation granted in the range (by grant date), by team, never summed together. The reason, channel and department filters do not apply here.',
    customerEffort:
      'Customer effort (the contacts and channel switches before the acknowledgement) is not measured on this page yet. The acknowledgement goes out at intake, so there is almost never a contact before it; no figure is shown until it is strictly defined and tested.',
    followUps:
      'The step 6–7 tasks (the manager’s update after a fix, the verification call-back) of the complaints first contacted in the week, by the follow-up report’s own definitions, as of now. A week without tasks is left empty.',
    times:
      'Times to acknowledge, to first response and to fix: from the start of the operational policy’s SLA clock to its stop, in business minutes on the calendar of the case’s policy (the default calendar when it has none). Paused time is not subtracted. Median and 90th percentile by the nearest-rank method (no interpolation), per week of first contact. Cases whose clock has not stopped are not in the median; their number is shown beside it.',
    promises:
      'The promises on the complaints first contacted in the week, by the promise ledger’s own definition, as of now.',
  },
  zh: {
    range:
      '时间范围按首次接触（案件受理时）计，采用组织的时区；默认为最近90天。周为ISO周，从周一开始，按首次接触计。部门筛选指案件负责人（所有者，没有时为受理人）所在的部门。',
    volumeHeatmap: '按首次接触的小时（0–23）和星期统计的投诉数，采用组织的时区。',
    csatHeatmap:
      '已回答调查的平均满意度（CSAT 1–5），按案件首次接触的小时和星期排列，并列出每格的回答数。没有回答的格子留空，而不是0。',
    csatBy:
      '对首次接触在范围内的案件的已回答调查：平均分、回答数，以及4分或5分回答的占比。原因、渠道、客服和部门以调查为该案件记录的为准（客服：所有者，没有时为受理人）。',
    fcrRate:
      '首次接触解决率 = 首次接触即解决的案件数 ÷ 该周首次接触的全部投诉（未解决的仍计入分母），截至当前。',
    rewards:
      '支出与预算对比，直接取自补偿与礼品报告：每项预算在其自身周期内的已支出和剩余金额；范围内（按发放日期）发放的感谢礼品和补偿按团队列出，二者从不相加。原因、渠道和部门筛选不适用于此部分。',
    customerEffort:
      '客户费力度（确认之前的接触次数和渠道切换次数）尚未在本页计量。确认在受理时即发出，因此之前几乎不会有接触；在严格定义并经过测试之前不显示任何数字。',
    followUps:
      '该周首次接触的投诉的第6–7步任务（修复后的主管回访、确认回访），完全采用跟进报告的定义，截至当前。没有任务的周留空。',
    times:
      '确认、首次回复和解决所用时间：从运营策略的SLA时钟开始到停止，按案件所适用策略的日历（没有时用默认日历）以工作分钟计。暂停时间不扣除。中位数和第90百分位采用最近秩法（不插值），按首次接触所在周计。时钟尚未停止的案件不计入中位数，其数量另行列出。',
    promises: '该周首次接触的投诉上的承诺，完全采用承诺台账的定义，截至当前。',
  },
};

export const noneLabel: Record<Language, string> = { vi: '(không có)', en: '(none)', zh: '（无）' };

/** The channels' names, as the console shows them. */
export const channelLabels: Record<Language, Record<string, string>> = {
  vi: {
    web: 'Biểu mẫu web',
    email: 'Email',
    phone: 'Điện thoại',
    chat: 'Chat',
    walk_in: 'Trực tiếp tại quầy',
    social: 'Mạng xã hội',
    api: 'API',
  },
  en: {
    web: 'Web form',
    email: 'E-mail',
    phone: 'Phone',
    chat: 'Chat',
    walk_in: 'Walk-in',
    social: 'Social media',
    api: 'API',
  },
  zh: {
    web: '网页表单',
    email: '电子邮件',
    phone: '电话',
    chat: '在线聊天',
    walk_in: '到店',
    social: '社交媒体',
    api: 'API',
  },
};
