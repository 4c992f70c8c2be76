/** The words of step 8 (fix the system): one list each, shared by the database checks and the API. */
export const problemStatuses = [
  'open',
  'analysing',
  'action',
  'monitoring',
  'closed',
  'rejected',
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export const rootCauseCategories = [
  'people',
  'process',
  'product',
  'supplier',
  'system',
  'policy',
  'other',
] as const;
export type RootCauseCategory = (typeof rootCauseCategories)[number];

/** The fishbone's five bones (人机料法环). */
export const fishboneBones = ['people', 'machine', 'material', 'method', 'environment'] as const;
export type FishboneBone = (typeof fishboneBones)[number];

export const actionKinds = ['corrective', 'preventive'] as const;
export type ActionKind = (typeof actionKinds)[number];

export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const linkSources = ['manual', 'suggestion'] as const;
export type LinkSource = (typeof linkSources)[number];

export const windowUnits = ['business_days', 'weeks'] as const;
export type WindowUnit = (typeof windowUnits)[number];
