import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client.ts';

export type SurveySettings = ResponseOf<'surveySettings'>;
export type CaseSurvey = ResponseOf<'complaintSurveys'>['items'][number];

export const surveyKeys = {
  all: ['surveys'] as const,
  /** By the case's status too: a fix schedules a survey, a reopen cancels it. */
  ofComplaint: (id: string, status: string) => ['surveys', 'complaint', id, status] as const,
  settings: ['surveys', 'settings'] as const,
  report: (from: string, to: string) => ['surveys', 'report', from, to] as const,
  optOut: (customerId: string) => ['surveys', 'opt-out', customerId] as const,
};

export function useComplaintSurveys(complaintId: string, status: string) {
  return useQuery({
    queryKey: surveyKeys.ofComplaint(complaintId, status),
    queryFn: ({ signal }) => api.call('complaintSurveys', { params: { id: complaintId }, signal }),
  });
}

export function useSurveySettings() {
  return useQuery({
    queryKey: surveyKeys.settings,
    queryFn: ({ signal }) => api.call('surveySettings', { signal }),
  });
}

export function useSaveSurveySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveySettings) => api.call('saveSurveySettings', { body }),
    onSuccess: (data) => queryClient.setQueryData(surveyKeys.settings, data),
  });
}

export function useSurveyReport(from: string, to: string) {
  return useQuery({
    queryKey: surveyKeys.report(from, to),
    queryFn: ({ signal }) => api.call('surveyReport', { query: { from, to }, signal }),
  });
}

export function useSurveyOptOut(customerId: string) {
  return useQuery({
    queryKey: surveyKeys.optOut(customerId),
    queryFn: ({ signal }) =>
      api.call('customerSurveyOptOut', { params: { id: customerId }, signal }),
  });
}

export function useSetSurveyOptOut(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (surveyOptOut: boolean) =>
      api.call('setCustomerSurveyOptOut', { params: { id: customerId }, body: { surveyOptOut } }),
    onSuccess: (data) => queryClient.setQueryData(surveyKeys.optOut(customerId), data),
  });
}
