export { createSurveyService, type SurveyService } from './surveys.service.ts';
export { registerSurveyRoutes } from './surveys.routes.ts';
export { surveyJobHandlers, sendSurvey } from './surveys.jobs.ts';
export {
  answersByHourAndWeekday,
  answersBy,
  answerDimensions,
  type AnswerDimension,
  type AnswerFilter,
  type AnswerTally,
} from './analytics.repository.ts';
