import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client.ts';

export type CohortReport = ResponseOf<'cohortReport'>;
export type CohortFilters = { from: string; to: string; days: number; currency?: string };

export const cohortKeys = {
  report: (f: CohortFilters) => ['cohorts', 'report', f.from, f.to, f.days, f.currency] as const,
};

export function useCohortReport(filters: CohortFilters) {
  return useQuery({
    queryKey: cohortKeys.report(filters),
    queryFn: ({ signal }) =>
      api.call('cohortReport', {
        query: {
          from: filters.from,
          to: filters.to,
          days: filters.days,
          ...(filters.currency ? { currency: filters.currency } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
