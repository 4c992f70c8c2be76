import { registerMessages } from '../../platform/i18n.ts';

// The survey's mail, its refusals and the report's definitions, in the three languages.
registerMessages({
  vi: {
    'survey.mail.subject': 'Khảo sát hài lòng về khiếu nại {reference}',
    'survey.mail.intro':
      'Kính gửi {name},\n\n{org} xin cảm ơn Quý khách đã cho chúng tôi cơ hội giải quyết khiếu nại {reference}. Quý khách hài lòng thế nào với cách chúng tôi đã xử lý? Chỉ cần chọn một mức (1 là rất không hài lòng, 5 là rất hài lòng):',
    'survey.mail.score': '{score} – {label}: {url}',
    'survey.mail.outro':
      'Trên trang khảo sát Quý khách có thể thêm góp ý trước khi gửi.\n\nKhông muốn nhận khảo sát nữa? {url}',
    'survey.score.1': 'Rất không hài lòng',
    'survey.score.2': 'Không hài lòng',
    'survey.score.3': 'Bình thường',
    'survey.score.4': 'Hài lòng',
    'survey.score.5': 'Rất hài lòng',
    'error.survey_answered': 'Khảo sát này đã được trả lời. Xin cảm ơn Quý khách!',
    'survey.definition.response_rate':
      'Số khảo sát đã trả lời / số khảo sát đã gửi trong kỳ (mẫu số là số đã gửi, không phải số đã mở).',
    'survey.definition.csat_mean':
      'Trung bình điểm hài lòng (1–5) của các khảo sát đã trả lời trong số đã gửi trong kỳ.',
    'survey.definition.satisfied_share':
      'Số câu trả lời 4 hoặc 5 / số khảo sát đã trả lời trong số đã gửi trong kỳ.',
  },
  en: {
    'survey.mail.subject': 'Satisfaction survey about your complaint {reference}',
    'survey.mail.intro':
      'Dear {name},\n\nThank you for giving {org} the chance to resolve your complaint {reference}. How satisfied are you with how we handled it? Just pick one (1 very dissatisfied, 5 very satisfied):',
    'survey.mail.score': '{score} – {label}: {url}',
    'survey.mail.outro':
      'On the survey page you can add a comment before you send it.\n\nNo more surveys, please: {url}',
    'survey.score.1': 'Very dissatisfied',
    'survey.score.2': 'Dissatisfied',
    'survey.score.3': 'Neutral',
    'survey.score.4': 'Satisfied',
    'survey.score.5': 'Very satisfied',
    'error.survey_answered': 'This survey has already been answered. Thank you!',
    'survey.definition.response_rate':
      'Surveys answered / surveys sent in the period (the denominator is surveys sent, not opened).',
    'survey.definition.csat_mean':
      'Mean satisfaction score (1–5) of the answered surveys among those sent in the period.',
    'survey.definition.satisfied_share':
      'Answers of 4 or 5 / answered surveys among those sent in the period.',
  },
  zh: {
    'survey.mail.subject': '关于您的投诉 {reference} 的满意度调查',
    'survey.mail.intro':
      '尊敬的 {name}：\n\n感谢您给予 {org} 处理投诉 {reference} 的机会。您对我们的处理满意吗？请选择一项（1 非常不满意，5 非常满意）：',
    'survey.mail.score': '{score} – {label}：{url}',
    'survey.mail.outro': '您可以在调查页面补充意见后提交。\n\n不想再收到调查？{url}',
    'survey.score.1': '非常不满意',
    'survey.score.2': '不满意',
    'survey.score.3': '一般',
    'survey.score.4': '满意',
    'survey.score.5': '非常满意',
    'error.survey_answered': '此调查已提交，谢谢您！',
    'survey.definition.response_rate':
      '期间内已回答的调查数 / 已发送的调查数（分母为已发送数，而非已打开数）。',
    'survey.definition.csat_mean': '期间内已发送且已回答的调查的满意度平均分（1–5）。',
    'survey.definition.satisfied_share': '回答 4 或 5 的数量 / 期间内已发送且已回答的调查数。',
  },
});
