import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/client.ts';
import {
  clockKindSchema,
  durationUnitSchema,
  type CalendarInput,
  type CalendarView,
  type ClockStateView,
  type ComplaintClocksView,
  type PolicyView,
  type holidayYearView,
  type policyInput,
  type presetView,
} from '../../../../src/modules/sla/sla.contract.ts';

export const CLOCK_KINDS = clockKindSchema.options;
export type ClockKind = z.infer<typeof clockKindSchema>;
export const DURATION_UNITS = durationUnitSchema.options;
export type DurationUnit = z.infer<typeof durationUnitSchema>;
export type ClockState = ClockStateView['state'];
export type ClockView = ClockStateView;
export type ComplaintClocks = ComplaintClocksView;
export type Calendar = CalendarView;
export type { CalendarInput };
export type HolidayYear = z.infer<typeof holidayYearView>;
export type Policy = PolicyView;
export type PolicyInput = z.input<typeof policyInput>;
export type Preset = z.infer<typeof presetView>;
export type Weekday = keyof CalendarInput['weeklyHours'];
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export type Period = [string, string];
export type YearOverrides = CalendarInput['holidayOverrides'][number];
export type CustomHoliday = CalendarInput['customHolidays'][number];

export const slaKeys = {
  clocks: (complaintId: string) => ['clocks', complaintId] as const,
  calendars: ['calendars'] as const,
  holidays: (calendarId: string, year: number) =>
    ['calendars', calendarId, 'holidays', year] as const,
  policies: ['sla-policies'] as const,
  presets: ['sla-presets'] as const,
};

export function useClocks(complaintId: string) {
  return useQuery({
    queryKey: slaKeys.clocks(complaintId),
    queryFn: ({ signal }) =>
      apiFetch<ComplaintClocks>(`/api/complaints/${complaintId}/clocks`, { signal }),
    refetchInterval: 60_000,
  });
}

export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: slaKeys.calendars,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ items: Calendar[] }>('/api/calendars', { signal })).items,
    enabled,
  });
}

export function useHolidayYear(calendarId: string | null, year: number) {
  return useQuery({
    queryKey: slaKeys.holidays(calendarId ?? '', year),
    queryFn: ({ signal }) =>
      apiFetch<HolidayYear>(`/api/calendars/${calendarId}/holidays`, { query: { year }, signal }),
    enabled: Boolean(calendarId),
    placeholderData: (previous) => previous,
  });
}

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CalendarInput }) =>
      id
        ? apiFetch<Calendar>(`/api/calendars/${id}`, { method: 'PUT', body: input })
        : apiFetch<Calendar>('/api/calendars', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.calendars }),
  });
}

export function useImportIcs(calendarId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ics: string; fromYear: number; toYear: number }) =>
      apiFetch<{ imported: number }>(`/api/calendars/${calendarId}/import-ics`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.calendars }),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: slaKeys.policies,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ items: Policy[] }>('/api/sla-policies', { signal })).items,
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PolicyInput }) =>
      id
        ? apiFetch<Policy>(`/api/sla-policies/${id}`, { method: 'PUT', body: input })
        : apiFetch<Policy>('/api/sla-policies', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.policies }),
  });
}

export function usePresets() {
  return useQuery({
    queryKey: slaKeys.presets,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ items: Preset[] }>('/api/sla-presets', { signal })).items,
  });
}

export function useEnablePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; calendarId: string; priority: number }) =>
      apiFetch<Policy>('/api/sla-presets/enable', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.policies }),
  });
}
