// Step 8's suggestions as the web app calls them. Spread into the one endpoint table
// (endpoints.ts), built the same way.
import { z } from 'zod';
import {
  suggestionDraft,
  suggestionList,
  suggestionSettings,
} from '../../../src/modules/suggestions/suggestions.contract.ts';
import type { Endpoint, Method } from './endpoints.ts';

type Spec = Omit<Endpoint, 'method' | 'path'>;
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const put = route('PUT');

export const suggestionEndpoints = {
  caseSuggestions: get('/api/complaints/:id/similar', { response: suggestionList }),
  draftSuggestions: post('/api/suggestions', { body: suggestionDraft, response: suggestionList }),
  suggestionSettings: get('/api/suggestion-settings', { response: suggestionSettings }),
  saveSuggestionSettings: put('/api/suggestion-settings', {
    body: suggestionSettings,
    response: suggestionSettings,
  }),
  // Problem records answer this; the suggestions panel only calls it.
  linkSuggestedCase: post('/api/problems/:problemId/complaints', {
    body: z.object({ complaintIds: z.array(z.string()), source: z.literal('suggestion') }),
    response: z.unknown(),
  }),
} as const;
