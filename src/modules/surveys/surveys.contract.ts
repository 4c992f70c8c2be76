import { z } from 'zod';
import { isoDate, languageSchema, text } from '../../platform/contract/fields.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import { surveyStatuses, surveyTimings } from './domain/surveys.ts';

const label = (vi: string, en: string, zh: string) => ({ vi, en, zh });

export const surveyStatusSchema = z.enum(surveyStatuses);

/** An org's survey settings (GET and PUT /api/survey-settings). */
export const surveySettingsView = withFieldLabels(
  z.object({
    isEnabled: z.boolean(),
    timing: z.enum(surveyTimings),
    delayHours: z.number().int().min(0).max(720),
    askCes: z.boolean(),
    askNps: z.boolean(),
    question: z.object({
      vi: text({ max: 500 }).optional(),
      en: text({ max: 500 }).optional(),
      zh: text({ max: 500 }).optional(),
    }),
  }),
  {
    delayHours: label(
      'Số giờ chờ sau khi khắc phục',
      'Delay after the fix (hours)',
      '解决后延迟（小时）',
    ),
    'question.vi': label('Câu hỏi (tiếng Việt)', 'Question (Vietnamese)', '问题（越南语）'),
    'question.en': label('Câu hỏi (tiếng Anh)', 'Question (English)', '问题（英语）'),
    'question.zh': label('Câu hỏi (tiếng Trung)', 'Question (Chinese)', '问题（中文）'),
  },
);
export type SurveySettingsView = z.infer<typeof surveySettingsView>;

/** A case's surveys as staff see them (GET /api/complaints/:id/surveys). */
export const surveyView = z.object({
  id: z.string(),
  status: surveyStatusSchema,
  skipReason: z.string().nullable(),
  resolvedAt: z.string(),
  sendAt: z.string(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  language: languageSchema,
  channel: z.string(),
  csat: z.number().nullable(),
  ces: z.number().nullable(),
  nps: z.number().nullable(),
  comment: z.string().nullable(),
  question: z.string().nullable(),
  questionAnswer: z.string().nullable(),
  firstContactAt: z.string(),
  firstContactHour: z.number(),
  firstContactWeekday: z.number(),
});
export type SurveyView = z.infer<typeof surveyView>;
export const caseSurveys = z.object({ items: z.array(surveyView) });

/** What the customer's survey page shows (GET /api/public/surveys/:token). */
export const publicSurveyView = z.object({
  status: z.enum(['open', 'answered']),
  reference: z.string(),
  orgName: z.string(),
  language: languageSchema,
  askCes: z.boolean(),
  askNps: z.boolean(),
  question: z.string().nullable(),
  csat: z.number().nullable(),
  ces: z.number().nullable(),
  nps: z.number().nullable(),
  comment: z.string().nullable(),
  questionAnswer: z.string().nullable(),
  isOptedOut: z.boolean(),
});
export type PublicSurveyView = z.infer<typeof publicSurveyView>;

/** The portal's survey of a case, when one was sent (answered through the tracking link). */
export const portalSurvey = z.object({ survey: publicSurveyView.nullable() });

/** The customer's answer (POST /api/public/surveys/:token). */
export const surveyAnswerRequest = withFieldLabels(
  z.object({
    csat: z.number().int().min(1).max(5),
    ces: z.number().int().min(1).max(7).nullish(),
    nps: z.number().int().min(0).max(10).nullish(),
    comment: text({ max: 5000 }).nullish(),
    questionAnswer: text({ max: 5000 }).nullish(),
  }),
  {
    csat: label('Mức độ hài lòng', 'Satisfaction', '满意度'),
    ces: label('Mức độ dễ dàng', 'Effort', '费力程度'),
    nps: label('Khả năng giới thiệu', 'Likelihood to recommend', '推荐意愿'),
    comment: label('Góp ý', 'Comment', '意见'),
    questionAnswer: label('Câu trả lời', 'Answer', '回答'),
  },
);
export type SurveyAnswerRequest = z.infer<typeof surveyAnswerRequest>;

/** The survey report (GET /api/reports/surveys). */
export const surveyReportQuery = z.object({ from: isoDate, to: isoDate });
export const surveyReport = z.object({
  from: z.string(),
  to: z.string(),
  sent: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable(),
  csatMean: z.number().nullable(),
  satisfiedShare: z.number().nullable(),
  distribution: z.array(z.object({ score: z.number(), count: z.number() })),
  definitions: z.object({
    responseRate: z.string(),
    csatMean: z.string(),
    satisfiedShare: z.string(),
  }),
});
export type SurveyReport = z.infer<typeof surveyReport>;
