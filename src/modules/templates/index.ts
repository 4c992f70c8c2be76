export { createTemplateService, type TemplateService } from './templates.service.ts';
export { registerTemplateRoutes } from './templates.routes.ts';
export {
  renderTemplate,
  renderTemplateParts,
  templateVariables,
  variablesOf,
  type TemplateValues,
} from './domain/render.ts';
export { templateSteps, type TemplateStep } from './domain/defaults.ts';
export { formatDueAt } from './domain/due-text.ts';
export { frameDueOf, keepFrame, type MessageFrame } from './domain/frame.ts';
export type { SuggestionView } from './templates.contract.ts';
