import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import {
  caseSurveys,
  portalSurvey,
  publicSurveyView,
  surveyAnswerRequest,
  surveyReport,
  surveyReportQuery,
  surveySettingsView,
} from './surveys.contract.ts';
import type { SurveyService } from './surveys.service.ts';

const tags = ['surveys'];
const tokenParams = z.object({ token: z.string().min(1).max(200) });
// The same budget as the portal's: a customer opening and answering from one address.
const publicLimit = { max: 120, windowMs: 60_000 };
const answerLimit = { max: 20, windowMs: 10 * 60_000, invalidMax: 60 };

/**
 * The mail's score links open the survey page with the score chosen and one tap to send: a GET
 * records nothing, because mail scanners fetch every link of a mail before the customer reads
 * it, and a vote on GET would be the scanner's. The page then POSTs the answer.
 */
export function registerSurveyRoutes(app: HttpApp, deps: { surveys: SurveyService }) {
  const { surveys } = deps;

  app.get('/api/public/surveys/:token', {
    config: { permission: 'public', rateLimit: publicLimit },
    schema: { tags: ['public'], params: tokenParams, response: { 200: publicSurveyView } },
    handler: async (request) => surveys.publicSurvey(request.params.token),
  });
  app.post('/api/public/surveys/:token', {
    config: { permission: 'public', rateLimit: answerLimit },
    schema: {
      tags: ['public'],
      description: 'The customer answers a survey once; a second answer is refused with 409.',
      params: tokenParams,
      body: surveyAnswerRequest,
      response: { 200: publicSurveyView },
    },
    handler: async (request) => surveys.answerByToken(request.params.token, request.body),
  });
  app.post('/api/public/surveys/:token/opt-out', {
    config: { permission: 'public', rateLimit: answerLimit },
    schema: { tags: ['public'], params: tokenParams, response: { 200: publicSurveyView } },
    handler: async (request) => surveys.optOutByToken(request.params.token),
  });

  app.get('/api/portal/:token/survey', {
    config: { permission: 'public', rateLimit: publicLimit },
    schema: { tags: ['portal'], params: tokenParams, response: { 200: portalSurvey } },
    handler: async (request) => surveys.portalSurvey(request.params.token),
  });
  app.post('/api/portal/:token/survey', {
    config: { permission: 'public', rateLimit: answerLimit },
    schema: {
      tags: ['portal'],
      params: tokenParams,
      body: surveyAnswerRequest,
      response: { 200: portalSurvey },
    },
    handler: async (request) => surveys.answerInPortal(request.params.token, request.body),
  });

  app.get('/api/complaints/:id/surveys', {
    config: { permission: 'survey:read' },
    schema: { tags, params: z.object({ id: uuid }), response: { 200: caseSurveys } },
    handler: async (request) => surveys.surveysOf(scopeOf(request.principal), request.params.id),
  });
  app.get('/api/survey-settings', {
    config: { permission: 'survey:read' },
    schema: { tags, response: { 200: surveySettingsView } },
    handler: async (request) => surveys.settings(scopeOf(request.principal)),
  });
  app.put('/api/survey-settings', {
    config: { permission: 'survey:admin' },
    schema: { tags, body: surveySettingsView, response: { 200: surveySettingsView } },
    handler: async (request) => surveys.saveSettings(scopeOf(request.principal), request.body),
  });
  app.get('/api/reports/surveys', {
    config: { permission: 'survey:read' },
    schema: { tags, querystring: surveyReportQuery, response: { 200: surveyReport } },
    handler: async (request) =>
      surveys.report(scopeOf(request.principal), request.query, request.lang),
  });
}
