import { scopeOf } from '../../platform/actor.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { cohortReport, cohortReportQuery } from './cohorts.contract.ts';
import type { CohortReportService } from './cohorts.service.ts';

/** The spend and retention cohorts after a complaint. */
export function registerCohortRoutes(app: HttpApp, deps: { cohortReport: CohortReportService }) {
  app.get('/api/reports/cohorts', {
    config: { permission: 'report:read' },
    schema: {
      tags: ['reports'],
      description:
        'Spend and retention in the N days after a complaint, by how it ended, beside customers with no complaint; every figure with its definition.',
      querystring: cohortReportQuery,
      response: { 200: cohortReport },
    },
    handler: async (request) =>
      deps.cohortReport(scopeOf(request.principal), request.query, request.lang),
  });
}
