// Satisfaction surveys as the console calls them: a case's surveys, the org's settings, the
// report and a customer's opt-out. Spread into the one endpoint table (endpoints.ts).
import { z } from 'zod';
import {
  caseSurveys,
  surveyReport,
  surveyReportQuery,
  surveySettingsView,
} from '../../../src/modules/surveys/surveys.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const put = route('PUT');

const optOut = z.object({ surveyOptOut: z.boolean() });

export const surveyEndpoints = {
  complaintSurveys: get('/api/complaints/:id/surveys', { response: caseSurveys }),
  surveySettings: get('/api/survey-settings', { response: surveySettingsView }),
  saveSurveySettings: put('/api/survey-settings', {
    body: surveySettingsView,
    response: surveySettingsView,
  }),
  surveyReport: get('/api/reports/surveys', { query: surveyReportQuery, response: surveyReport }),
  customerSurveyOptOut: get('/api/customers/:id/survey-opt-out', { response: optOut }),
  setCustomerSurveyOptOut: put('/api/customers/:id/survey-opt-out', {
    body: optOut,
    response: optOut,
  }),
};
