import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import {
  winBackAttempt,
  winBackEntryView,
  winBackList,
  winBackOffer,
  winBackQuery,
  winBackReport,
  winBackReportQuery,
  winBackSettingsView,
  winBackUpdate,
} from './win-back.contract.ts';
import type { WinBackService } from './win-back.service.ts';

const tags = ['win-back'];
const idParams = z.object({ id: uuid });

/** The win-back queue, its calls, its settings and its report. */
export function registerWinBackRoutes(app: HttpApp, deps: { winBack: WinBackService }) {
  const { winBack } = deps;
  app.get('/api/win-back', {
    config: { permission: 'winback:work' },
    schema: { tags, querystring: winBackQuery, response: { 200: winBackList } },
    handler: async (request) => winBack.list(scopeOf(request.principal), request.query),
  });
  app.patch('/api/win-back/:id', {
    config: { permission: 'winback:work' },
    schema: { tags, params: idParams, body: winBackUpdate, response: { 200: winBackEntryView } },
    handler: async (request) =>
      winBack.update(scopeOf(request.principal), request.params.id, request.body),
  });
  app.post('/api/win-back/:id/attempts', {
    config: { permission: 'winback:work' },
    schema: { tags, params: idParams, body: winBackAttempt, response: { 200: winBackEntryView } },
    handler: async (request) =>
      winBack.attempt(scopeOf(request.principal), request.params.id, request.body),
  });
  app.get('/api/win-back/:id/offer', {
    config: { permission: 'winback:work' },
    schema: {
      tags,
      description:
        'The offer to make on the call: a voucher by the rule in `rule`, within the caller’s own authority on the entry’s complaint.',
      params: idParams,
      response: { 200: winBackOffer },
    },
    handler: async (request) =>
      winBack.offer(scopeOf(request.principal), request.params.id, request.lang),
  });
  app.get('/api/win-back-settings', {
    config: { permission: 'winback:work' },
    schema: { tags, response: { 200: winBackSettingsView } },
    handler: async (request) => winBack.settings(scopeOf(request.principal)),
  });
  app.put('/api/win-back-settings', {
    config: { permission: 'org:admin' },
    schema: { tags, body: winBackSettingsView, response: { 200: winBackSettingsView } },
    handler: async (request) => winBack.saveSettings(scopeOf(request.principal), request.body),
  });
  app.get('/api/reports/win-back', {
    config: { permission: 'report:read' },
    schema: { tags, querystring: winBackReportQuery, response: { 200: winBackReport } },
    handler: async (request) =>
      winBack.report(scopeOf(request.principal), request.query, request.lang),
  });
}
