import type { CalendarInput, PolicyInput } from './sla.contract.ts';

/** Monday to Friday, 8:00–17:00 with a lunch break: the office hours of most Vietnamese firms. */
const officeDay: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

/** The one default business calendar: new orgs get it, and a new calendar form starts from it. */
export function defaultCalendar(timeZone: string): CalendarInput {
  return {
    names: { vi: 'Giờ hành chính', en: 'Office hours', zh: '办公时间' },
    timeZone,
    weeklyHours: {
      mon: officeDay,
      tue: officeDay,
      wed: officeDay,
      thu: officeDay,
      fri: officeDay,
      sat: [],
      sun: [],
    },
    dateHours: {},
    holidays: [],
    holidayCountry: 'VN',
    holidayOverrides: [],
    customHolidays: [],
    isDefault: true,
  };
}

type PolicySettings = Omit<PolicyInput, 'calendarId'>;

const common: Omit<PolicySettings, 'name' | 'names' | 'priority' | 'match' | 'targets'> = {
  internalTargets: {
    deadline_request: { amount: 30, unit: 'business_minutes' },
    approval: { amount: 4, unit: 'business_hours' },
  },
  warnAtPercent: 75,
  pauseStatuses: ['waiting_customer'],
  pausedClocks: ['first_response', 'next_update', 'commitment', 'fix'],
  startRule: 'receipt',
  pauseMovesCommitment: true,
  pauseOnReadBack: true,
  // The manager at once (or when the office opens), their manager four business hours later.
  escalation: [
    { level: 1, amount: 0, unit: 'business_minutes' },
    { level: 2, amount: 4, unit: 'business_hours' },
  ],
  preset: null,
  active: true,
};

/** The standard policy: every complaint that no other policy matches. */
export const standardPolicy: PolicySettings = {
  ...common,
  names: { vi: 'Tiêu chuẩn', en: 'Standard', zh: '标准' },
  priority: 100,
  match: { reasonIds: [], severities: [], channels: [], tiers: [] },
  targets: {
    acknowledge: { amount: 1, unit: 'business_hours' },
    first_response: { amount: 4, unit: 'business_hours' },
    next_update: { amount: 2, unit: 'business_days' },
    commitment: { amount: 1, unit: 'business_days' },
    // Step 6: the manager's update within a business day of the fix, and the call-back a
    // business day after the promised date.
    manager_update: { amount: 1, unit: 'business_days' },
    verification: { amount: 1, unit: 'business_days' },
  },
};

/** High and critical complaints run on shorter clocks. */
export const urgentPolicy: PolicySettings = {
  ...common,
  names: { vi: 'Khẩn cấp', en: 'Urgent', zh: '紧急' },
  priority: 10,
  match: { reasonIds: [], severities: ['high', 'critical'], channels: [], tiers: [] },
  targets: {
    acknowledge: { amount: 30, unit: 'business_minutes' },
    first_response: { amount: 1, unit: 'business_hours' },
    next_update: { amount: 1, unit: 'business_days' },
    commitment: { amount: 4, unit: 'business_hours' },
    manager_update: { amount: 4, unit: 'business_hours' },
    verification: { amount: 1, unit: 'business_days' },
  },
};

/** The policies a new org starts with. */
export const defaultPolicies: readonly PolicySettings[] = [standardPolicy, urgentPolicy];
