// Local days in the org's zone: the platform's one implementation.
export { endOfLocalDay, startOfLocalDay } from '../../../platform/local-day.ts';
