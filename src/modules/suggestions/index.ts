export {
  createSuggestionService,
  noProblems,
  type ProblemsFor,
  type SuggestionService,
} from './suggestions.service.ts';
export { registerSuggestionRoutes } from './suggestions.routes.ts';
