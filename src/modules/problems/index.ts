export { createProblemService, type ProblemService } from './problems.service.ts';
export { registerProblemRoutes } from './problems.routes.ts';
export { problemJobHandlers, actionClock, windowEnd } from './problems.jobs.ts';
