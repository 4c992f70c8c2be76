import base from './vi.json';
import channels from './channels.vi.json';
import followUps from './followups.vi.json';
import forms from './forms.vi.json';
import loop from './loop.vi.json';
import queue from './queue.vi.json';
import problems from './problems.vi.json';
import reads from './reads.vi.json';
import rewards from './rewards.vi.json';
import suggestions from './suggestions.vi.json';
import webhooks from './webhooks.vi.json';
import surveys from './surveys.vi.json';
import calls from './calls.vi.json';
import imports from './imports.vi.json';
import analytics from './analytics.vi.json';
import cohorts from './cohorts.vi.json';
import winBack from './win-back.vi.json';

/**
 * The console's strings in one language, loaded when the language is first used: a reader
 * downloads one language, not three. The clock, commitment and notice screens keep their
 * strings in loop.*.json, the queue's views and bulk actions in queue.*.json, the pickers and
 * the public form's files in forms.*.json, the queue's count in reads.*.json, step 8's
 * suggestions in suggestions.*.json and its screens in problems.*.json, the webhooks admin page
 * in webhooks.*.json, surveys in surveys.*.json, phone calls in calls.*.json, file imports in
 * imports.*.json, the analytics page in analytics.*.json, the spend cohorts in cohorts.*.json,
 * win-back in win-back.*.json (each under top-level keys of its own).
 */
export default {
  ...base,
  ...loop,
  ...queue,
  ...forms,
  ...followUps,
  ...rewards,
  ...problems,
  ...reads,
  ...channels,
  ...suggestions,
  ...webhooks,
  ...surveys,
  ...calls,
  ...imports,
  ...analytics,
  ...cohorts,
  ...winBack,
};
