export { createTemplateService, type TemplateService } from './templates.service.ts';
export { registerTemplateRoutes } from './templates.routes.ts';
export {
  renderTemplate,
  renderTemplateParts,
  templateVariables,
  type TemplateValues,
} from './domain/render.ts';
export { templateSteps, type TemplateStep } from './domain/defaults.ts';
export type { SuggestionView } from './templates.contract.ts';
