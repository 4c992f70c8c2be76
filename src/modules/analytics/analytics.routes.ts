import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import {
  analyticsCharts,
  analyticsExportQuery,
  analyticsQuery,
  analyticsReport,
} from './analytics.contract.ts';
import type { AnalyticsService } from './analytics.service.ts';

const tags = ['analytics'];

export function registerAnalyticsRoutes(app: HttpApp, deps: { analytics: AnalyticsService }) {
  const { analytics } = deps;

  app.get('/api/analytics', {
    config: { permission: 'report:read' },
    schema: {
      tags,
      description:
        'Every chart of the analytics page with its definition, over the complaints first contacted in the range (org time zone).',
      querystring: analyticsQuery,
      response: { 200: analyticsReport },
    },
    handler: async (request) =>
      analytics.report(scopeOf(request.principal), request.query, request.lang),
  });

  app.get('/api/analytics/:chart/export', {
    config: { permission: 'report:read' },
    schema: {
      tags,
      description:
        'One chart’s numbers as CSV (UTF-8 with a byte-order mark) or xlsx, headed in the reader’s language.',
      params: z.object({ chart: z.enum(analyticsCharts) }),
      querystring: analyticsExportQuery,
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await analytics.exportChart(
        scopeOf(request.principal),
        request.params.chart,
        query,
        format,
        request.lang,
      );
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  });
}
