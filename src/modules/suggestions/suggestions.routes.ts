import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { suggestionDraft, suggestionList, suggestionSettings } from './suggestions.contract.ts';
import type { SuggestionService } from './suggestions.service.ts';

const idParams = z.object({ id: uuid });
const tags = ['suggestions'];

/** Step 8: likely repeats and similar complaints, on the case page and on intake. */
export function registerSuggestionRoutes(app: HttpApp, deps: { suggestions: SuggestionService }) {
  const { suggestions } = deps;

  // `/api/complaints/:id/suggestions` already names step 3's template suggestions.
  app.get('/api/complaints/:id/similar', {
    config: { permission: 'complaint:read' },
    schema: { tags, params: idParams, response: { 200: suggestionList } },
    handler: async (request) => suggestions.forCase(scopeOf(request.principal), request.params.id),
  });

  // A POST because the draft's description can be long; nothing is stored.
  app.post('/api/suggestions', {
    config: { permission: 'complaint:create' },
    schema: { tags, body: suggestionDraft, response: { 200: suggestionList } },
    handler: async (request) => suggestions.forDraft(scopeOf(request.principal), request.body),
  });

  app.get('/api/suggestion-settings', {
    config: { permission: 'complaint:read' },
    schema: { tags, response: { 200: suggestionSettings } },
    handler: async (request) => suggestions.settings(scopeOf(request.principal)),
  });

  app.put('/api/suggestion-settings', {
    config: { permission: 'org:admin' },
    schema: { tags, body: suggestionSettings, response: { 200: suggestionSettings } },
    handler: async (request) => suggestions.saveSettings(scopeOf(request.principal), request.body),
  });
}
