import { useQuery } from '@tanstack/react-query';
import type {
  AnalyticsChart,
  AnalyticsQuery,
  AnalyticsReport,
} from '../../../../src/modules/analytics/analytics.contract.ts';
import { addresses } from '../../api/endpoints.ts';
import { api } from '../../api/client.ts';

export type { AnalyticsChart, AnalyticsQuery, AnalyticsReport };

export function useAnalytics(query: AnalyticsQuery) {
  return useQuery({
    queryKey: ['analytics', query] as const,
    queryFn: ({ signal }) => api.call('analytics', { query, signal }),
  });
}

/** The download address of one chart's numbers, with the page's filters. */
export function exportUrl(chart: AnalyticsChart, query: AnalyticsQuery, format: 'csv' | 'xlsx') {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, String(v));
  return `${addresses.analyticsExport.path.replace(':chart', chart)}?${params.toString()}`;
}
