import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';

export type SuggestionList = ResponseOf<'caseSuggestions'>;
export type Suggestion = SuggestionList['items'][number];
export type SuggestionDraft = RequestOf<'draftSuggestions'>['body'];

/** The intake page asks once the description says enough to compare. */
export const DRAFT_MIN_CHARS = 20;

export const suggestionKeys = {
  all: ['suggestions'] as const,
  ofCase: (id: string) => ['suggestions', 'case', id] as const,
  draft: (draft: SuggestionDraft) => ['suggestions', 'draft', draft] as const,
};

export function useCaseSuggestions(complaintId: string) {
  return useQuery({
    queryKey: suggestionKeys.ofCase(complaintId),
    queryFn: ({ signal }) => api.call('caseSuggestions', { params: { id: complaintId }, signal }),
  });
}

/** Suggestions for the complaint being typed, asked as the agent pauses (debounced). */
export function useDraftSuggestions(draft: SuggestionDraft) {
  const [debounced] = useDebouncedValue(draft, 500);
  return useQuery({
    queryKey: suggestionKeys.draft(debounced),
    enabled: debounced.description.trim().length >= DRAFT_MIN_CHARS,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.call('draftSuggestions', { body: debounced, signal }),
  });
}

/** Links a case to the problem record a suggestion belongs to. */
export function useLinkToProblem(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (problemId: string) =>
      api.call('linkSuggestedCase', {
        params: { problemId },
        body: { complaintIds: [complaintId], source: 'suggestion' },
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: suggestionKeys.ofCase(complaintId) }),
  });
}
