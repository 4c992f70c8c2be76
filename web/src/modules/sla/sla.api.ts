import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequestOf, type ResponseOf } from '../../api/client.ts';
import type {
  CalendarInput,
  CalendarView,
  ClockStateView,
  PolicyInput,
  PolicyView,
} from '../../../../src/modules/sla/sla.contract.ts';
import type {
  OverlayInput,
  OverlayView,
  PresetView,
} from '../../../../src/modules/sla/overlays.contract.ts';

export type ClockState = ClockStateView['state'];
export type Calendar = CalendarView;
export type { CalendarInput, PolicyInput };
export type HolidayYear = ResponseOf<'holidayYear'>;
export type Policy = PolicyView;
export type Preset = PresetView;
export type Overlay = OverlayView;
export type Weekday = keyof CalendarInput['weeklyHours'];
export type Period = CalendarInput['weeklyHours'][Weekday][number];
export type YearOverrides = CalendarInput['holidayOverrides'][number];
export type CustomHoliday = CalendarInput['customHolidays'][number];

export const slaKeys = {
  clocks: (complaintId: string) => ['clocks', complaintId] as const,
  calendars: ['calendars'] as const,
  holidays: (calendarId: string, year: number) =>
    ['calendars', calendarId, 'holidays', year] as const,
  policies: ['sla-policies'] as const,
  presets: ['sla-presets'] as const,
  overlays: ['sla-overlays'] as const,
  defaults: ['sla-defaults'] as const,
};

export function useClocks(complaintId: string) {
  return useQuery({
    queryKey: slaKeys.clocks(complaintId),
    queryFn: ({ signal }) => api.call('clocks', { params: { id: complaintId }, signal }),
    refetchInterval: 60_000,
  });
}

export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: slaKeys.calendars,
    queryFn: async ({ signal }) => (await api.call('listCalendars', { signal })).items,
    enabled,
  });
}

export function useHolidayYear(calendarId: string | null, year: number) {
  return useQuery({
    queryKey: slaKeys.holidays(calendarId ?? '', year),
    queryFn: ({ signal }) =>
      api.call('holidayYear', { params: { id: calendarId ?? '' }, query: { year }, signal }),
    enabled: Boolean(calendarId),
    placeholderData: (previous) => previous,
  });
}

export function useImportIcs(calendarId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOf<'importIcs'>['body']) =>
      api.call('importIcs', { params: { id: calendarId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.calendars }),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: slaKeys.policies,
    queryFn: async ({ signal }) => (await api.call('listPolicies', { signal })).items,
  });
}

export function usePresets() {
  return useQuery({
    queryKey: slaKeys.presets,
    queryFn: async ({ signal }) => (await api.call('listPresets', { signal })).items,
  });
}

/** Where a new calendar or policy starts: the org's starting calendar and standard policy. */
export function useSlaDefaults() {
  return useQuery({
    queryKey: slaKeys.defaults,
    queryFn: ({ signal }) => api.call('slaDefaults', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The presets the org switched on (or off before): their legal clocks run on every policy. */
export function useOverlays() {
  return useQuery({
    queryKey: slaKeys.overlays,
    queryFn: async ({ signal }) => (await api.call('listOverlays', { signal })).items,
  });
}

/** Switches a preset on or off, or changes its calendar or reading of working days. */
export function useSetOverlay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ preset, body }: { preset: string; body: OverlayInput }) =>
      api.call('setOverlay', { params: { preset }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.overlays }),
  });
}
