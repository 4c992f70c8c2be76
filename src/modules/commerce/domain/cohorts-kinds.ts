/** The cohorts, in the order the report lists them: the baseline first. */
export const cohortKinds = [
  'no_complaint',
  'first_contact',
  'more_contacts',
  'unresolved',
] as const;
export type CohortKind = (typeof cohortKinds)[number];
